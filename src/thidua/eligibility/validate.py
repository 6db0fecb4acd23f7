"""Field validators for decoded JSON: each returns the value or raises a
:class:`~thidua.eligibility.errors.CaseError` naming the field.

Shared by the case, policy and candidate-list parsers. ``path`` is the field's
dotted path (``subject.years.2024.rating``).
"""

import json
from datetime import date
from typing import Any

from .errors import CaseError
from .errors import show as _show

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "bad_key",
    "check_bool",
    "check_choice",
    "check_count",
    "check_date",
    "check_int",
    "check_list",
    "check_object",
    "check_str",
    "check_year",
    "fail_type",
    "load_json",
]

MIN_YEAR = 1945
MAX_YEAR = 2100


def load_json(raw: str | bytes, path: str) -> Any:
    """Decode JSON text; a UTF-8 byte-order mark (Notepad, Excel's "UTF-8" export) is
    accepted, as it is only a mark of the encoding."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CaseError(path, "không phải văn bản UTF-8") from None
    try:
        return json.loads(raw.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        raise CaseError(
            path, f"JSON không hợp lệ (dòng {error.lineno}, cột {error.colno})"
        ) from None


def fail_type(path: str, expected: str, value: Any) -> CaseError:
    return CaseError(path, f"phải là {expected}, nhận {_show(value)}")


def check_object(value: Any, path: str, allowed: frozenset[str]) -> dict:
    if type(value) is not dict:
        raise fail_type(path, "đối tượng JSON", value)
    if not allowed.issuperset(value):
        for key in value:
            if key not in allowed:
                prefix = f"{path}." if path else ""
                raise CaseError(f"{prefix}{key}", "trường không được hỗ trợ")
    return value


def check_int(value: Any, path: str) -> int:
    if type(value) is not int:
        raise fail_type(path, "số nguyên", value)
    return value


def check_count(value: Any, path: str) -> int:
    n = check_int(value, path)
    if n < 0:
        raise CaseError(path, f"{n} phải ≥ 0")
    return n


def check_year(value: Any, path: str) -> int:
    y = check_int(value, path)
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise CaseError(path, f"{y} ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
    return y


def check_bool(value: Any, path: str) -> bool:
    if type(value) is not bool:
        raise fail_type(path, "true hoặc false", value)
    return value


def check_str(value: Any, path: str) -> str:
    if type(value) is not str:
        raise fail_type(path, "chuỗi", value)
    return value


def check_choice(value: Any, path: str, allowed: Any) -> str:
    if type(value) is not str or value not in allowed:
        if type(value) is not str:
            raise fail_type(path, "chuỗi", value)
        raise CaseError(path, f"{_show(value)} không hợp lệ")
    return value


def check_list(value: Any, path: str) -> list:
    if type(value) is not list:
        raise fail_type(path, "danh sách", value)
    return value


def check_date(value: Any, path: str) -> date:
    # Strict YYYY-MM-DD: date.fromisoformat alone also takes "20240301" and
    # week dates, which a case must not silently accept.
    if type(value) is not str:
        raise fail_type(path, "ngày dạng YYYY-MM-DD", value)
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise CaseError(path, f"{_show(value)} không phải ngày hợp lệ (YYYY-MM-DD)")
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise CaseError(
            path, f"{_show(value)} không phải ngày hợp lệ (YYYY-MM-DD)"
        ) from None
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise CaseError(path, f"{_show(value)} ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
    return d


def bad_key(raw: dict, allowed: frozenset[str], path: str) -> CaseError:
    for k in raw:
        if k not in allowed:
            return CaseError(f"{path}.{k}", "trường không được hỗ trợ")
    return CaseError(path, "không hợp lệ")  # pragma: no cover
