"""The shapes of a statistical form: rows and columns with predicates over groups.

A group is one row of an aggregate of the records a form counts, as the source that
owns them returns it (``common/report_sources.py``): awards (:class:`Group`,
``awards/reporting.py``), movements (``movements/reporting.py``), TĐKT organisations
or TĐKT staff (``organizations/reporting.py``). A row or column carries a predicate
over its form's groups, or ``None`` when the records do not hold what it counts: those
cells are left blank, never shown as 0.
"""

from dataclasses import dataclass, field

from thidua.awards.reporting import AwardGroup as Group

__all__ = [
    "ANY",
    "TT02",
    "Column",
    "Form",
    "Group",
    "Is",
    "Line",
    "Match",
    "Predicate",
    "Regime",
    "where",
]


TT02 = "Thông tư số 02/2023/TT-BNV"


@dataclass(frozen=True)
class Match:
    """Which groups a row or column counts; ``None`` on a field means "any"."""

    codes: frozenset[str] | None = None
    collective: bool | None = None
    award_types: frozenset[str] | None = None
    gender: str | None = None
    minority: bool | None = None
    direct: bool | None = None

    def __call__(self, g: Group) -> bool:
        return (
            (self.codes is None or g.code in self.codes)
            and (self.collective is None or g.collective == self.collective)
            and (self.award_types is None or g.award_type in self.award_types)
            and (self.gender is None or g.gender == self.gender)
            and (self.minority is None or g.minority == self.minority)
            and (self.direct is None or g.direct == self.direct)
        )


ANY = Match()


@dataclass(frozen=True)
class Is:
    """A predicate over any kind of group: every named attribute equals its value."""

    conditions: tuple[tuple[str, object], ...] = ()

    def __call__(self, g) -> bool:
        return all(getattr(g, name) == value for name, value in self.conditions)


def where(**conditions) -> Is:
    return Is(tuple(sorted(conditions.items())))


Predicate = Match | Is


@dataclass(frozen=True)
class Line:
    """A row: its code (Mã số), label, indent, predicate (None: not recorded), tag."""

    code: str
    label: str
    match: Predicate | None = ANY
    tag: str = "V"
    indent: int = 0
    note: str = ""
    heading: bool = False  # a "1. Chia theo …" line: no figures of its own


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    match: Predicate | None = ANY
    tag: str = "V"
    note: str = ""


@dataclass(frozen=True)
class Form:
    code: str
    title: str
    circular: str
    unit: str
    scope: Predicate
    rows: tuple[Line, ...]
    columns: tuple[Column, ...]
    official: bool = True
    receipt: str = "Ngày 15 tháng 12 năm báo cáo"
    receipt_tag: str = "V"
    notes: tuple[str, ...] = field(default_factory=tuple)
    # What the form counts: a registered report source (common/report_sources.py).
    source: str = "awards"

    @property
    def slug(self) -> str:
        return self.code.split("/")[0].replace(".", "").lower()


@dataclass(frozen=True)
class Regime:
    key: str
    circular: str
    effective: str
    forms: tuple[Form, ...]

    def form(self, slug: str) -> Form | None:
        return next((f for f in self.forms if f.slug == slug), None)
