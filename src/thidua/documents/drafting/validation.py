"""What is wrong or missing in a document's content (docs/document-model.md): every
problem a Vietnamese sentence naming its place (``Nội dung › I. › 2.: …``), so an
officer finds it; a table's cells placed on its grid; dates by day or by month."""

import datetime
import re

from thidua.documents.rendering.blocks import ALIGNMENTS, EMPHASES, NUMBERINGS
from thidua.documents.rendering.numbering import Counters
from thidua.documents.rendering.spec import AUTHORITY_PREFIXES

from ..doc_types import code_for_title
from .content import KINDS, SYMBOL, ContentError, normalise_content

__all__ = ["issue_problems", "parse_date", "table_grid", "validate_content"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_date(text: str) -> datetime.date | tuple[int, int] | None:
    """``"2024-03-05"`` → a date; ``"2021-05"`` → (2021, 5), a document dated by month
    whose day is written at signing ("ngày    tháng 5 năm 2021"); None if neither."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    month = _MONTH.match(text)
    if month and 1 <= int(month.group(2)) <= 12:
        return int(month.group(1)), int(month.group(2))
    return None


def table_grid(node: dict, where: str, problems: list[str]):
    """Places a table node's cells on the grid: ``(grid, merges, bold)`` where grid
    is rows of texts ("" under a span), merges ``(row, col, rowspan, colspan)``.

    A cell is named by its row and its column on the grid (``dòng 2, ô 3``, as the
    editor labels it); a merged cell that leaves the table or covers another is
    refused (None, the problem named)."""
    rows = node["rows"]
    columns = len(node["widths"]) or sum(
        (c.get("colspan", 1) if isinstance(c, dict) else 1) for c in (rows or [[]])[0]
    )
    taken: dict[tuple[int, int], tuple[int, int]] = {}  # covered cell → its origin
    grid, merges, bold = [], [], set()
    for r, row in enumerate(rows):
        line = [""] * columns
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            text, colspan, rowspan = cell, 1, 1
            if isinstance(cell, dict):
                text, colspan, rowspan = cell["text"], cell["colspan"], cell["rowspan"]
                if cell["bold"]:
                    bold.add((r, col))
            problem = _merge_problem(r, col, rowspan, colspan, columns, len(rows))
            region = [
                (rr, cc)
                for rr in range(r, r + rowspan)
                for cc in range(col, col + colspan)
            ]
            covered = next((taken[at] for at in region if at in taken), None)
            if problem is None and covered is not None:
                problem = (
                    f"ô gộp chồng lên ô gộp ở dòng {covered[0] + 1}, ô {covered[1] + 1}"
                )
            if problem is not None:
                if colspan == rowspan == 1:  # a plain cell past the last column
                    problems.append(
                        f"{where}: dòng {r + 1} có nhiều ô hơn số cột ({columns})"
                    )
                else:
                    problems.append(f"{where} › dòng {r + 1}, ô {col + 1}: {problem}")
                return None
            line[col] = text
            if colspan > 1 or rowspan > 1:
                merges.append((r, col, rowspan, colspan))
            for at in region:
                taken[at] = (r, col)
            col += colspan
        if any((r, c) not in taken for c in range(columns)):
            problems.append(f"{where}: dòng {r + 1} thiếu ô (cần {columns} cột)")
            return None
        grid.append(line)
    return grid, merges, bold


def _merge_problem(
    row: int, col: int, rowspan: int, colspan: int, columns: int, rows: int
) -> str | None:
    """What is wrong with a cell spanning ``rowspan`` × ``colspan`` at (row, col)."""
    if colspan < 1 or rowspan < 1:
        return "số ô gộp phải từ 1 trở lên"
    if col + colspan > columns:
        return f"ô gộp ngang vượt quá cột cuối của bảng ({columns} cột)"
    if row + rowspan > rows:
        return "ô gộp dọc vượt quá dòng cuối của bảng"
    return None


def _node_problems(nodes: list[dict], where: str, problems: list[str]) -> None:
    counters = Counters()
    for i, node in enumerate(nodes, 1):
        if node["type"] == "paragraph":
            at = f"{where} › đoạn {i}"
            if node["align"] not in ALIGNMENTS:
                problems.append(f"{at}: căn lề không hợp lệ ({node['align']})")
            if not node["text"]:
                problems.append(f"{at}: đoạn văn trống")
            continue
        if node["type"] == "table":
            at = f"{where} › bảng {i}"
            if not node["rows"]:
                problems.append(f"{at}: bảng chưa có dòng nào")
                continue
            if not 1 <= node["header_rows"] <= len(node["rows"]):
                problems.append(f"{at}: số dòng tiêu đề không hợp lệ")
            # The widths, when given, set the number of columns the rows must fill.
            table_grid(node, at, problems)
            continue
        numbering = node["numbering"]
        if numbering not in NUMBERINGS:
            problems.append(f"{where} › {i}: kiểu đánh số không hợp lệ ({numbering})")
            continue
        label, _children = counters.next(numbering, node["start"])
        at = f"{where} › {label or node['title'][:30] or i}"
        if node["emphasis"] and node["emphasis"] not in EMPHASES:
            problems.append(f"{at}: kiểu chữ tiêu đề không hợp lệ ({node['emphasis']})")
        if node["start"] is not None and node["start"] < 1:
            problems.append(f"{at}: số bắt đầu phải từ 1")
        if numbering in ("part", "chapter", "roman") and not node["title"]:
            problems.append(f"{at}: thiếu tiêu đề")
        elif not (node["title"] or node["text"] or node["children"]):
            problems.append(f"{at}: chưa có nội dung")
        _node_problems(node["children"], at, problems)


def validate_content(content) -> list[str]:
    """Problems of ``content`` that make it wrong, not just unfinished: a shape that
    cannot be read, unknown codes, a malformed number, symbol or date, a broken
    table, an empty heading. An empty trích yếu or signer is not one of them (see
    :func:`issue_problems`)."""
    try:
        content = normalise_content(content)
    except ContentError as error:
        return error.problems
    problems: list[str] = []
    if content["kind"] not in KINDS:
        problems.append(f"Loại văn bản không hợp lệ: {content['kind']}")
    if content["number"] and (
        not content["number"].isdigit() or not int(content["number"])
    ):
        problems.append("Số văn bản chỉ gồm chữ số, lớn hơn 0 (ví dụ 05 hoặc 0125)")
    if content["symbol"] and not SYMBOL.match(content["symbol"]):
        problems.append(
            "Ký hiệu văn bản chỉ gồm chữ, số và dấu gạch nối hoặc dấu chấm, không có "
            "dấu cách (ví dụ KH-UBND, KH-THPTTX.PL)"
        )
    if content["date"] and parse_date(content["date"]) is None:
        problems.append(f"Ngày ban hành không hợp lệ: {content['date']}")
    for i, issuer in enumerate(content["issuers"], 1):
        if issuer["abbreviation"] and not SYMBOL.match(issuer["abbreviation"]):
            problems.append(
                f"Cơ quan ban hành {i}: chữ viết tắt không được có dấu cách"
            )
    for i, signer in enumerate(content["signers"], 1):
        for key in ("authority", "second_authority"):
            if signer[key] and signer[key] not in AUTHORITY_PREFIXES:
                problems.append(
                    f"Người ký {i}: quyền hạn ký “{signer[key]}” không hợp lệ (chỉ dùng "
                    + ", ".join(AUTHORITY_PREFIXES)
                    + ")"
                )
    if len(content["signers"]) > 2:
        problems.append("Văn bản có nhiều nhất hai người ký")
    _node_problems(content["body"], "Nội dung", problems)
    for i, appendix in enumerate(content["appendices"], 1):
        _node_problems(appendix["body"], f"Phụ lục {i}", problems)
    return problems


def issue_problems(content: dict, *, numbered_by_register: bool = True) -> list[str]:
    """Everything that stops ``content`` being issued, each named: the wrong
    (:func:`validate_content`) and the missing. The register numbers and dates a
    document at the clerk's step, so number and date are required only when it does
    not (``numbered_by_register=False``: a document brought in already issued)."""
    problems = validate_content(content)
    try:
        content = normalise_content(content)
    except ContentError:
        return problems
    if not content["issuers"] or not content["issuers"][0]["name"]:
        problems.append("Thiếu tên cơ quan ban hành")
    elif not content["issuers"][0]["abbreviation"] and not content["symbol"]:
        problems.append("Thiếu chữ viết tắt tên cơ quan ban hành hoặc ký hiệu văn bản")
    if not numbered_by_register:
        if not content["number"]:
            problems.append("Thiếu số văn bản")
        if not isinstance(parse_date(content["date"] or ""), datetime.date):
            problems.append("Thiếu ngày ban hành")
    if not content["place"]:
        problems.append("Thiếu địa danh")
    if not content["trich_yeu"]:
        problems.append("Thiếu trích yếu nội dung văn bản")
    untitled = content["kind"] in KINDS and not KINDS[content["kind"]].type_title
    if untitled and not content["type_title"] and not content["symbol"]:
        problems.append("Công văn cần ký hiệu (ví dụ UBND-VX)")
    elif (
        untitled
        and content["type_title"]
        and not content["symbol"]
        and not code_for_title(content["type_title"])
    ):
        problems.append(
            f"Tên loại “{content['type_title']}” không có trong Phụ lục III Nghị định "
            "30/2020: hãy ghi ký hiệu văn bản"
        )
    if not content["signers"]:
        problems.append("Thiếu người ký")
    for i, signer in enumerate(content["signers"], 1):
        if not signer["title"]:
            problems.append(f"Người ký {i}: thiếu chức vụ")
        if not signer["name"]:
            problems.append(f"Người ký {i}: thiếu họ tên")
        for key, principal in (
            ("authority", "principal"),
            ("second_authority", "second_principal"),
        ):
            if signer[key] and signer[key] != "Q." and not signer[principal]:
                problems.append(
                    f"Người ký {i}: thiếu tên tập thể hoặc chức vụ sau {signer[key]}"
                )
    if not (content["opening"] or content["body"] or content["closing"]):
        problems.append("Văn bản chưa có nội dung")
    for i, appendix in enumerate(content["appendices"], 1):
        if not appendix["title"]:
            problems.append(f"Phụ lục {i}: thiếu tiêu đề")
    return problems
