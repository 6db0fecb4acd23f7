"""The case records: what the engine knows about one subject for one review year.

Built by :func:`thidua.eligibility.case.parse_case` from the case JSON; the
registry adapter may also build them directly.
"""

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "Award",
    "Case",
    "CollectiveYear",
    "Discipline",
    "Initiative",
    "Subject",
    "Year",
]


@dataclass(slots=True)
class Year:
    """What is known about one year of an individual (and the base of collectives)."""

    rating: str | None = None
    titles: frozenset[str] = frozenset()
    absent_days: int | None = None


@dataclass(slots=True)
class CollectiveYear(Year):
    """One year of a collective: members and their results, cluster leadership."""

    members: int | None = None
    members_completed: int | None = None
    members_ldtt: int | None = None
    members_cstdcs: int | None = None
    # Members disciplined at "cảnh cáo" or above during the year.
    members_disciplined: int | None = None
    leads_cluster: str | None = None
    movement_launcher: str | None = None
    movement_years: int | None = None


@dataclass(slots=True)
class Initiative:
    """A recognised initiative (or accepted S&T work / combat ingenuity)."""

    year: int
    scope: str
    kind: str = "sang_kien"
    id: str | None = None


@dataclass(slots=True)
class Award:
    """A form of commendation already received; ``year`` ends its achievement period."""

    code: str
    type: str
    year: int | None
    decision_date: date | None
    id: str | None = None

    @property
    def period_end(self) -> int:
        """Last achievement year the decision covers (NĐ 98 Art 30 cl.9)."""
        # With no period in the decision, counting restarts at the decision date;
        # the decision's own year is taken as the last covered year minus one.
        if self.year is not None:
            return self.year
        return self.decision_date.year - 1  # type: ignore[union-attr]


@dataclass(slots=True)
class Discipline:
    """A disciplinary measure; ``end`` is the day the period is over (None: ongoing)."""

    form: str
    start: date
    end: date | None


@dataclass(slots=True)
class Subject:
    kind: str
    recruited_on: date | None = None
    armed_forces: bool = False
    years: dict[int, Year] = field(default_factory=dict)
    initiatives: list[Initiative] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    discipline: list[Discipline] = field(default_factory=list)
    under_review: bool | None = None
    id: str | None = None
    name: str | None = None


@dataclass(slots=True)
class Case:
    review_year: int
    subject: Subject
    regime: str | None = None
    codes: tuple[str, ...] | None = None
    # The day the competent body received the dossier: the law in force that day
    # applies (Luật 2022 Art 95; NĐ 152/2025 Art 60), whatever the achievement year.
    received_on: date | None = None
