"""The structured content of a document (docs/document-model.md): its kinds and its
normal form (what is wrong or missing in it: validation.py).

Pure Python (no Django): the editor, the DOCX import, the templates and the command
line all pass content through :func:`normalise_content` before it is stored, so a
stored draft always has every key, NFC text and known codes. Problems are Vietnamese
sentences that name the place (``Nội dung › I. › 2.: …``) so an officer finds it.
"""

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "KINDS",
    "SYMBOL",
    "VERSION",
    "ContentError",
    "Kind",
    "normalise_content",
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

SYMBOL = re.compile(r"^[A-Za-zĐđ0-9]+([-./][A-Za-zĐđ0-9]+)*$")
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
