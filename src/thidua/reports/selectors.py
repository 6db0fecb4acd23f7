"""Figures of the statistical forms, computed from the records their sources count:
the award register, movements, TĐKT organisations and TĐKT staff — each source
registered by the app that owns the records (``common/report_sources.py``;
``awards/reporting.py``, ``movements/reporting.py``, ``organizations/reporting.py``).

One query for the agency subtree (with tree paths, to know which direct child each unit
belongs to) and one per source the regime's forms count — for awards an aggregate of
the register grouped by every attribute a row or column counts. Every cell is then a
sum over those groups. The count does not grow with the data.

Rules (docs/reports.md):
- the TĐKT reporting year runs 01/12 of the previous year to 30/11; what falls inside
  it is each source's rule (an award: its **decision date**);
- an agency's figures are those of its whole subtree (consolidation), with the part of
  each direct child agency alongside.
"""

import datetime
import functools
import operator
from dataclasses import dataclass, field, fields

from django.http import Http404

from thidua.common.report_sources import report_source
from thidua.organizations.models import Agency
from thidua.organizations.selectors import office_agencies

from .definitions import Form, Regime

__all__ = [
    "FormFigures",
    "Report",
    "access_report_agency",
    "compute_report",
    "counted_records",
    "reporting_period",
]


def access_report_agency(user, pk) -> Agency:
    try:
        return office_agencies(user).get(pk=pk)
    except (Agency.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def reporting_period(year: int) -> tuple[datetime.date, datetime.date]:
    """The TĐKT reporting year (TT 2/2023): 01/12 of ``year - 1`` to 30/11 of ``year``."""
    return datetime.date(year - 1, 12, 1), datetime.date(year, 11, 30)


@dataclass
class FormFigures:
    """One form's cells: ``cells[row_index][col_index]`` is a count, or None when the
    register does not record what the row or column counts."""

    form: Form
    cells: list[list[int | None]]

    def value(self, row_code: str, column_key: str) -> int | None:
        r = next(i for i, line in enumerate(self.form.rows) if line.code == row_code)
        c = next(i for i, col in enumerate(self.form.columns) if col.key == column_key)
        return self.cells[r][c]

    @property
    def total_row(self) -> list[int | None]:
        return self.cells[0]


@functools.cache
def _attributes(cls):
    """The counted attributes of a group class: every field between ``unit_id`` (first)
    and ``n`` (last)."""
    names = [f.name for f in fields(cls)]
    assert names[0] == "unit_id" and names[-1] == "n", cls
    counted = names[1:-1]
    if len(counted) == 1:  # attrgetter of one name gives the value, not a tuple
        return lambda g: (getattr(g, counted[0]),)
    return operator.attrgetter(*counted)


def _merge(groups: list, key) -> dict:
    """Groups summed per ``key(group)``, the unit dropped: far fewer groups to sum.
    (Tuples, not dataclasses.replace: a province's ten years are ~10⁵ groups.)"""
    out: dict = {}
    for g in groups:
        bucket = out.setdefault(key(g), {})
        attrs = _attributes(type(g))(g)
        bucket[attrs] = bucket.get(attrs, 0) + g.n
    return {
        k: [type(groups[0])(None, *attrs, n) for attrs, n in bucket.items()]
        for k, bucket in out.items()
    }


def form_figures(form: Form, groups: list) -> FormFigures:
    groups = [g for g in groups if form.scope(g)]
    cells = []
    for line in form.rows:
        if line.match is None:
            cells.append([None] * len(form.columns))
            continue
        in_row = [g for g in groups if line.match(g)]
        cells.append(
            [
                None
                if column.match is None
                else sum(g.n for g in in_row if column.match(g))
                for column in form.columns
            ]
        )
    return FormFigures(form, cells)


@dataclass
class Part:
    """The contribution of one direct child agency (or of the agency itself)."""

    agency: Agency
    own: bool
    figures: list[FormFigures]


@dataclass
class Report:
    agency: Agency
    start: datetime.date
    end: datetime.date
    regime: Regime
    figures: list[FormFigures]
    parts: list[Part] = field(default_factory=list)

    def part_rows(self, index: int) -> list[tuple[Part, list[int | None]]]:
        """Per child agency, the total row of form ``index``."""
        return [(part, part.figures[index].total_row) for part in self.parts]


def compute_report(
    agency: Agency, start: datetime.date, end: datetime.date, regime: Regime
) -> Report:
    """Every form of ``regime`` for ``agency``'s subtree, consolidated and per child."""
    subtree = list(Agency.objects.descendants(agency, include_self=True))
    depth = len(next(a for a in subtree if a.pk == agency.pk).tree_path)
    child_of: dict[int, int] = {}
    children: list[Agency] = []
    for node in subtree:
        path = node.tree_path
        child_of[node.pk] = path[depth] if len(path) > depth else agency.pk
        if len(path) == depth + 1:
            children.append(node)
    sources = {form.source for form in regime.forms}
    by_child: dict[str, dict[int, list]] = {}
    totals: dict[str, list] = {}
    for source in sources:
        groups = report_source(source).groups(list(child_of), start, end)
        by_child[source] = _merge(groups, lambda g: child_of[g.unit_id])
        totals[source] = _merge(groups, lambda g: None).get(None, [])
    children.sort(key=lambda a: (a.position, a.name))
    parts = [
        Part(
            node,
            node.pk == agency.pk,
            [
                form_figures(f, by_child[f.source].get(node.pk, []))
                for f in regime.forms
            ],
        )
        for node in [agency, *children]
    ]
    return Report(
        agency=agency,
        start=start,
        end=end,
        regime=regime,
        figures=[form_figures(f, totals[f.source]) for f in regime.forms],
        parts=parts,
    )


def counted_records(
    agency: Agency, start: datetime.date, end: datetime.date, regime: Regime
) -> dict:
    """The records behind the figures, by source, for the sources of ``regime`` that
    list them (movements, TĐKT organisations and staff; not the award register): an
    officer checks the figures against the records before sending them upward."""
    units = Agency.objects.descendants(agency, include_self=True).values("pk")
    counted = {}
    for form in regime.forms:
        source = report_source(form.source)
        if source.counted is not None and source.key not in counted:
            counted[source.key] = source.counted(units, start, end)
    return counted
