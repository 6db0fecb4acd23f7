"""The "Xét khen thưởng" tab shared by person and unit pages: the engine's verdict with
its yêu cầu / hiện có / thiếu table, for a chosen year."""

from django.utils import timezone

from thidua.eligibility.catalog import NAMES

from ..enums import VerdictStatus

__all__ = ["review_year_from", "verdict_rows"]


def review_year_from(request, default: int | None = None) -> int:
    fallback = default or timezone.localdate().year
    try:
        year = int(request.GET.get("nam", fallback))
    except ValueError:
        return fallback
    return year if 1945 <= year <= 2100 else fallback


def verdict_rows(output: dict) -> list[dict]:
    """One row per code, with its conditions split into met, missing and qualitative."""
    rows = []
    for result in output["results"]:
        conditions = result["conditions"]
        rows.append(
            {
                "code": result["code"],
                "name": NAMES.get(result["code"], result["code"]),
                "status": VerdictStatus(result["status"]),
                "conditions": conditions,
                "missing": [c for c in conditions if c["met"] is False],
            }
        )
    return rows
