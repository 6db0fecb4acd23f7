"""Vietnamese text helpers: NFC normalisation, accent-free folding, name sorting.

Sorting follows the Vietnamese alphabet (a ă â b c d đ e ê ...) and tones
(ngang, huyền, hỏi, ngã, sắc, nặng), names by tên, then họ, then đệm. The key
matches ICU's vi collation (see docs/developer/architecture.md).
"""

import re
import unicodedata

__all__ = [
    "fold",
    "nfc",
    "nfc_data",
    "nfc_text",
    "nul_path",
    "strip_controls",
    "search_words",
    "person_sort_key",
    "split_name",
    "vi_key",
    "vi_name_key",
]

_ALPHA = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_RANK = {ch: i for i, ch in enumerate(_ALPHA)}
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_MODIFIED = {
    (_BREVE, "a"): "ă",
    (_CIRCUMFLEX, "a"): "â",
    (_CIRCUMFLEX, "e"): "ê",
    (_CIRCUMFLEX, "o"): "ô",
    (_HORN, "o"): "ơ",
    (_HORN, "u"): "ư",
}
# huyền, hỏi, ngã, sắc, nặng
_TONE = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SPACES = re.compile(r"\s+")
# The control characters no XML document can hold (DOCX, XLSX: python-docx and
# openpyxl raise on them), NUL apart: it is refused, not dropped (common.middleware).
CONTROLS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f]")


def strip_controls(value: str) -> str:
    """``value`` without control characters: a vertical tab or form feed (Word's line
    and page breaks, pasted) becomes a line break, the others go. Tab, line feed and
    carriage return stay."""
    if not CONTROLS.search(value):
        return value
    return CONTROLS.sub("", value.replace("\x0b", "\n").replace("\x0c", "\n"))


def nfc(value: str | None) -> str:
    """Return ``value`` in NFC with runs of white space folded, control characters
    dropped and ends trimmed."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", strip_controls(str(value)))
    return _SPACES.sub(" ", text).strip()


def nul_path(value, path: str = "") -> str | None:
    """Where a NUL byte hides in decoded JSON (a key or a string at any depth), as
    "people[0].full_name" ("" for the whole value); None when there is none. PostgreSQL refuses NUL in text, so
    every JSON thidua reads (API bodies, exchange files, tờ trình packages) is checked
    before a string reaches a query; query strings and form fields are refused by
    ``common.middleware.ControlCharacterMiddleware``."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if isinstance(key, int):
            here = f"{path}[{key}]"
        else:
            here = f"{path}.{key}" if path else str(key)
            if "\x00" in here:
                return here.replace("\x00", "")
        found = nul_path(item, here)
        if found is not None:
            return found
    return None


_LINE_BREAKS = re.compile(r"\r\n?")
_TRAILING_SPACES = re.compile(r"[ \t\u00a0]+\n")


def nfc_text(value: str | None) -> str:
    """Multi-line text in NFC: line breaks kept (CR LF as LF), control characters
    dropped as in :func:`nfc`, spaces at the end of a line and at both ends dropped;
    spaces inside a line left as typed."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", strip_controls(str(value)))
    text = _LINE_BREAKS.sub("\n", text)
    return _TRAILING_SPACES.sub("\n", text).strip()


def nfc_data(value):
    """JSON-like data (dicts, lists, strings) with every string, keys too, in NFC and
    without control characters; nothing else changed."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", strip_controls(value))
    if isinstance(value, dict):
        return {nfc_data(k): nfc_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [nfc_data(v) for v in value]
    return value


def fold(value: str | None) -> str:
    """Accent-free, case-free form used for search: "Nguyễn Đức" -> "nguyen duc"."""
    text = nfc(value).casefold().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NOT_WORD = re.compile(r"[^0-9a-z]+")


def search_words(*parts: str | None) -> str:
    """The folded words of ``parts``, punctuation as spaces: the form search columns
    store and queries are reduced to. "173/PD-SKHĐT" and "173 pd skhdt" both give
    "173 pd skhdt"; "05/QĐ-SKHĐT" gives "5 qd skhdt"."""
    text = _NOT_WORD.sub(" ", " ".join(fold(part) for part in parts if part))
    # Numbers lose their leading zeros, so "05/QĐ" and "5/QĐ" meet.
    return " ".join(w.lstrip("0") or "0" if w.isdigit() else w for w in text.split())


def _char_rank(low: str) -> int:
    if low in _RANK:
        return 0x10 + _RANK[low]
    if low.isdigit():
        return 0x02 + int(low) if low in "0123456789" else 0x0C
    if not low.isalpha():
        return 0x01  # spaces, hyphens, punctuation sort before letters, as in ICU
    return 0x40 + (ord(low) % 0xBF)


def vi_key(text: str) -> tuple[list[int], list[int], list[int]]:
    """Primary (letters), secondary (tones) and tertiary (case) weights of ``text``."""
    prim: list[int] = []
    sec: list[int] = []
    ter: list[int] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if ch in _TONE and sec:
                sec[-1] = _TONE[ch]
            elif prim:
                base = (
                    _ALPHA[prim[-1] - 0x10]
                    if 0x10 <= prim[-1] < 0x10 + len(_ALPHA)
                    else ""
                )
                new = _MODIFIED.get((ch, base))
                if new:
                    prim[-1] = 0x10 + _RANK[new]
            continue
        low = ch.lower()
        prim.append(_char_rank(low))
        sec.append(0)
        ter.append(int(ch != low))
    return prim, sec, ter


def split_name(full_name: str) -> tuple[str, str, str]:
    """Split a Vietnamese full name into (họ, đệm, tên)."""
    parts = nfc(full_name).split(" ")
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


def vi_name_key(full_name: str) -> tuple:
    """Python sort key for a full name: by tên, then họ, then đệm."""
    ho, dem, ten = split_name(full_name)
    return (vi_key(ten), vi_key(ho), vi_key(dem))


def _encode(key: tuple[list[int], list[int], list[int]]) -> str:
    prim, sec, ter = key
    # Primary weights are two hex digits, never 00, so "00" ends a word and a
    # shorter word sorts before its extensions.
    return (
        "".join(f"{p:02x}" for p in prim)
        + "00"
        + "".join(str(s) for s in sec)
        + "".join(str(t) for t in ter)
    )


def person_sort_key(full_name: str) -> str:
    """A string that sorts in the database as :func:`vi_name_key` sorts in Python.

    Only hex digits are used, so byte order, SQLite BINARY and every PostgreSQL
    collation agree. Each part carries its primary weights before its tones, as
    the tuple comparison does.
    """
    ho, dem, ten = split_name(full_name)
    return "|".join(_encode(vi_key(part)) for part in (ten, ho, dem)).replace("|", "")
