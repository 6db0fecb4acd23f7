"""Who decides what: the authority table, dated like the rules (Luật TĐKT 2022 Art 78–80).

A row says which codes the head of an agency of a given level may confer between two
dates. After 01/07/2025 the district level is gone and its powers moved to the commune
chairman (NĐ 129/2025/NĐ-CP; legal-spec-addendum §2.3).
"""

import datetime
from dataclasses import dataclass

from .catalog import PRESIDENT_FORMS

__all__ = [
    "AUTHORITY",
    "STATE_AUTHORITY",
    "AuthorityRow",
    "StateRow",
    "authority_row",
    "can_decide",
    "decidable_codes",
    "state_row",
]

START = datetime.date(2024, 1, 1)
REFORM = datetime.date(2025, 7, 1)
GRASSROOTS = frozenset({"LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN"})


@dataclass(frozen=True)
class AuthorityRow:
    level: str  # organizations.enums.AgencyLevel value
    codes: frozenset[str]
    valid_from: datetime.date
    valid_to: datetime.date | None
    citation: str


AUTHORITY = (
    # Heads of Sở, ban, ngành (and units with legal personality): Art 80 cl.1 [V-P].
    AuthorityRow(
        "so_ban_nganh", GRASSROOTS, START, None, "Luật TĐKT 2022, Điều 80, khoản 1"
    ),
    # District chairman until the two-tier reform: Art 80 cl.2 [V-P].
    AuthorityRow(
        "huyen", GRASSROOTS, START, REFORM, "Luật TĐKT 2022, Điều 80, khoản 2"
    ),
    # Commune chairman: LĐTT and Giấy khen (Art 80 cl.3), then the former district
    # powers from 01/07/2025 (NĐ 129/2025/NĐ-CP) [V-S].
    AuthorityRow(
        "xa",
        frozenset({"LDTT", "GIAY_KHEN"}),
        START,
        REFORM,
        "Luật TĐKT 2022, Điều 80, khoản 3",
    ),
    AuthorityRow("xa", GRASSROOTS, REFORM, None, "NĐ 129/2025/NĐ-CP, Điều 59"),
    # Province chairman: Art 79. Art 80 (the lowest levels) was read in the Công báo
    # (docs/legal/texts-read.md); Art 77–79 go up from it in the Law's order: the
    # numbers are inferred, the powers are the legal spec's.
    AuthorityRow(
        "tinh",
        GRASSROOTS
        | {"CSTD_BO_TINH", "TTLDXS", "CO_BO_TINH", "BK_BO_TINH", "KNC_BO_TINH"},
        START,
        None,
        "Luật TĐKT 2022, Điều 79",
    ),
)


@dataclass(frozen=True)
class StateRow:
    """Codes above every agency of the tree: who confers them, by which article."""

    codes: frozenset[str]
    decider: str
    citation: str


# The state-level forms (Luật TĐKT 2022 Art 77: the President, Art 78: the Prime
# Minister; numbers inferred as above): never decided by an agency of the tree, only
# proposed upward to these.
STATE_AUTHORITY = (
    StateRow(
        frozenset({"CSTDTQ", "CO_CP", "BK_TTG"}),
        "Thủ tướng Chính phủ",
        "Luật TĐKT 2022, Điều 78",
    ),
    StateRow(
        frozenset(PRESIDENT_FORMS),
        "Chủ tịch nước",
        "Luật TĐKT 2022, Điều 77",
    ),
)


def authority_row(level: str, code: str, on: datetime.date) -> AuthorityRow | None:
    """The row by which the head of a ``level`` agency confers ``code`` on ``on``."""
    for row in AUTHORITY:
        if (
            row.level == level
            and code in row.codes
            and row.valid_from <= on
            and (row.valid_to is None or on < row.valid_to)
        ):
            return row
    return None


def state_row(code: str) -> StateRow | None:
    return next((row for row in STATE_AUTHORITY if code in row.codes), None)


def decidable_codes(level: str, on: datetime.date) -> frozenset[str]:
    codes: set[str] = set()
    for row in AUTHORITY:
        if (
            row.level == level
            and row.valid_from <= on
            and (row.valid_to is None or on < row.valid_to)
        ):
            codes |= row.codes
    return frozenset(codes)


def can_decide(level: str, code: str, on: datetime.date) -> bool:
    return code in decidable_codes(level, on)
