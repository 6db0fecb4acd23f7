"""The structured content of a document (docs/document-model.md): its kinds, its
normal form and its validation.

Pure Python (no Django): the editor, the DOCX import, the templates and the command
line all pass content through :func:`normalise_content` before it is stored, so a
stored draft always has every key, NFC text and known codes. Problems are Vietnamese
sentences that name the place (``Nội dung › I. › 2.: …``) so an officer finds it.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from thidua.documents.rendering.blocks import ALIGNMENTS, EMPHASES, NUMBERINGS
from thidua.documents.rendering.numbering import Counters
from thidua.documents.rendering.spec import AUTHORITY_PREFIXES

__all__ = [
    "KINDS",
    "VERSION",
    "ContentError",
    "Kind",
    "issue_problems",
    "normalise_content",
    "parse_date",
    "validate_content",
]

VERSION = 1


@dataclass(frozen=True)
class Kind:
    label: str  # what lists and menus call it
    type_title: str  # the tên loại printed ("" for a công văn)
    type_code: str  # its abbreviation in the symbol (NĐ 30 Phụ lục III)


KINDS: dict[str, Kind] = {
    "ke_hoach": Kind("Kế hoạch", "KẾ HOẠCH", "KH"),
    # Not a type of NĐ 30 Phụ lục III, but how many agencies launch a movement
    # (the seed 173/PD-SKHĐT).
    "phat_dong": Kind("Phát động", "PHÁT ĐỘNG", "PD"),
    "quyet_dinh": Kind("Quyết định", "QUYẾT ĐỊNH", "QĐ"),
    "to_trinh": Kind("Tờ trình", "TỜ TRÌNH", "TTr"),
    "bao_cao": Kind("Báo cáo", "BÁO CÁO", "BC"),
    "bien_ban": Kind("Biên bản", "BIÊN BẢN", "BB"),
    "cong_van": Kind("Công văn", "", ""),
    "thong_bao": Kind("Thông báo", "THÔNG BÁO", "TB"),
    "chuong_trinh": Kind("Chương trình", "CHƯƠNG TRÌNH", "CTr"),
    "huong_dan": Kind("Hướng dẫn", "HƯỚNG DẪN", "HD"),
    "giay_moi": Kind("Giấy mời", "GIẤY MỜI", "GM"),
    "khac": Kind("Văn bản khác", "", ""),
}

_SYMBOL = re.compile(r"^[A-Za-zĐđ0-9]+([-./][A-Za-zĐđ0-9]+)*$")
_TEXT_LISTS = ("kinh_gui", "bases", "opening", "closing", "recipients", "filing")
_TEXTS = (
    "kind",
    "number",
    "symbol",
    "place",
    "type_title",
    "trich_yeu",
    "authority_line",
    "operative_word",
)
_SIGNER_KEYS = (
    "authority",
    "principal",
    "second_authority",
    "second_principal",
    "title",
    "name",
)


class ContentError(ValueError):
    """Content whose shape cannot be read; ``problems`` names every place."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Nội dung văn bản không đọc được: " + "; ".join(problems))


def _text(value, where: str, problems: list[str]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.append(f"{where}: phải là chữ")
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def _list(value, where: str, problems: list[str]) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: phải là một danh sách")
        return []
    return value


def _dict(value, where: str, problems: list[str]) -> dict:
    if not isinstance(value, dict):
        problems.append(f"{where}: phải là một đối tượng")
        return {}
    return value


def _int(value, where: str, problems: list[str], default: int | None) -> int | None:
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int | str):
        problems.append(f"{where}: phải là số")
        return default
    try:
        return int(value)
    except ValueError:
        problems.append(f"{where}: phải là số")
        return default


def _node(value, where: str, problems: list[str]) -> dict | None:
    if not isinstance(value, dict):
        problems.append(f"{where}: phải là một đối tượng")
        return None
    node = value
    kind = node.get("type", "section")
    if kind == "paragraph":
        align = _text(node.get("align"), where, problems) or "justify"
        return {
            "type": "paragraph",
            "text": _text(node.get("text"), where, problems),
            "align": align,
            "indent": node.get("indent", True) is not False,
        }
    if kind == "table":
        rows = []
        for r, row in enumerate(_list(node.get("rows"), where, problems), 1):
            cells = []
            for c, cell in enumerate(_list(row, f"{where} › dòng {r}", problems), 1):
                at = f"{where} › dòng {r}, ô {c}"
                if isinstance(cell, dict):
                    cells.append(
                        {
                            "text": _text(cell.get("text"), at, problems),
                            "colspan": _int(cell.get("colspan"), at, problems, 1),
                            "rowspan": _int(cell.get("rowspan"), at, problems, 1),
                            "bold": bool(cell.get("bold")),
                            "align": _text(cell.get("align"), at, problems),
                        }
                    )
                else:
                    cells.append(_text(cell, at, problems))
            rows.append(cells)
        widths = []
        for w in _list(node.get("widths"), where, problems):
            if isinstance(w, bool) or not isinstance(w, int | float) or w <= 0:
                problems.append(f"{where}: độ rộng cột phải là số dương")
                widths = []
                break
            widths.append(w)
        return {
            "type": "table",
            "header_rows": _int(node.get("header_rows"), where, problems, 1),
            "widths": widths,
            "rows": rows,
        }
    if kind != "section":
        problems.append(f"{where}: loại thành phần không hợp lệ ({kind})")
        return None
    children = [
        child
        for i, c in enumerate(_list(node.get("children"), where, problems), 1)
        if (child := _node(c, f"{where} › {i}", problems)) is not None
    ]
    return {
        "type": "section",
        "numbering": _text(node.get("numbering"), where, problems) or "none",
        "title": _text(node.get("title"), where, problems),
        "text": _text(node.get("text"), where, problems),
        "emphasis": _text(node.get("emphasis"), where, problems),
        "start": _int(node.get("start"), where, problems, None),
        "children": children,
    }


def _nodes(value, where: str, problems: list[str]) -> list[dict]:
    return [
        node
        for i, v in enumerate(_list(value, where, problems), 1)
        if (node := _node(v, f"{where} › {i}", problems)) is not None
    ]


def normalise_content(content) -> dict:
    """Every key present, NFC text without outer spaces, lists as lists.

    Raises :class:`ContentError` when a part has the wrong shape (a list where text
    belongs); empty and unknown values pass, for :func:`validate_content` to name."""
    problems: list[str] = []
    if not isinstance(content, dict):
        raise ContentError(["Nội dung văn bản phải là một đối tượng JSON"])
    out: dict = {"version": VERSION}
    for key in _TEXTS:
        out[key] = _text(content.get(key), key, problems)
    out["kind"] = out["kind"] or "khac"
    date = content.get("date")
    out["date"] = _text(date, "Ngày ban hành", problems) or None
    issuers = []
    for i, value in enumerate(_list(content.get("issuers"), "issuers", problems), 1):
        issuer = _dict(value, f"Cơ quan ban hành {i}", problems)
        issuers.append(
            {
                key: _text(issuer.get(key), f"Cơ quan ban hành {i}", problems)
                for key in ("parent", "name", "abbreviation")
            }
        )
    out["issuers"] = issuers
    for key in _TEXT_LISTS:
        out[key] = [
            text
            for i, v in enumerate(_list(content.get(key), key, problems), 1)
            if (text := _text(v, f"{key} {i}", problems))
        ]
    out["body"] = _nodes(content.get("body"), "Nội dung", problems)
    signers = []
    for i, value in enumerate(_list(content.get("signers"), "signers", problems), 1):
        signer = _dict(value, f"Người ký {i}", problems)
        entry = {
            key: _text(signer.get(key), f"Người ký {i}", problems)
            for key in _SIGNER_KEYS
        }
        entry["person_id"] = _int(
            signer.get("person_id"), f"Người ký {i}", problems, None
        )
        signers.append(entry)
    out["signers"] = signers
    appendices = []
    for i, value in enumerate(
        _list(content.get("appendices"), "appendices", problems), 1
    ):
        appendix = _dict(value, f"Phụ lục {i}", problems)
        appendices.append(
            {
                "title": _text(appendix.get("title"), f"Phụ lục {i}", problems),
                "body": _nodes(appendix.get("body"), f"Phụ lục {i}", problems),
                "landscape": bool(appendix.get("landscape")),
            }
        )
    out["appendices"] = appendices
    attachments = []
    for i, value in enumerate(
        _list(content.get("attachments"), "attachments", problems), 1
    ):
        attachment = _dict(value, f"Tệp kèm theo {i}", problems)
        name = _text(attachment.get("name"), f"Tệp kèm theo {i}", problems)
        if name:
            entry = {"name": name}
            if attachment.get("id") is not None:
                entry["id"] = _int(attachment.get("id"), name, problems, None)
            attachments.append(entry)
    out["attachments"] = attachments
    if problems:
        raise ContentError(problems)
    return out


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
    is rows of texts ("" under a span), merges ``(row, col, rowspan, colspan)``."""
    rows = node["rows"]
    columns = len(node["widths"]) or sum(
        (c.get("colspan", 1) if isinstance(c, dict) else 1) for c in (rows or [[]])[0]
    )
    taken: set[tuple[int, int]] = set()
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
            if col + colspan > columns or colspan < 1 or rowspan < 1:
                problems.append(
                    f"{where}: dòng {r + 1} có nhiều ô hơn số cột ({columns})"
                )
                return None
            line[col] = text
            if colspan > 1 or rowspan > 1:
                merges.append((r, col, rowspan, colspan))
            for rr in range(r, r + rowspan):
                for cc in range(col, col + colspan):
                    taken.add((rr, cc))
            col += colspan
        if any((r, c) not in taken for c in range(columns)):
            problems.append(f"{where}: dòng {r + 1} thiếu ô (cần {columns} cột)")
            return None
        grid.append(line)
    if any(rr >= len(rows) for rr, _cc in taken):
        problems.append(f"{where}: ô gộp dọc vượt quá dòng cuối của bảng")
        return None
    return grid, merges, bold


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
    if content["symbol"] and not _SYMBOL.match(content["symbol"]):
        problems.append(
            "Ký hiệu văn bản chỉ gồm chữ, số và dấu gạch nối hoặc dấu chấm, không có "
            "dấu cách (ví dụ KH-UBND, KH-THPTTX.PL)"
        )
    if content["date"] and parse_date(content["date"]) is None:
        problems.append(f"Ngày ban hành không hợp lệ: {content['date']}")
    for i, issuer in enumerate(content["issuers"], 1):
        if issuer["abbreviation"] and not _SYMBOL.match(issuer["abbreviation"]):
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
