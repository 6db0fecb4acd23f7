"""The report-source registry: the kinds of record the statistical forms count
(``reports``; docs/developer/how-to/add-a-report-form.md).

A form says what it counts by a source key (``Form.source``). The app that owns those
records registers the source in its ``reporting.py``, imported by its
``AppConfig.ready()``::

    register_report_source(
        ReportSource(
            "movements",
            _("Phong trào thi đua"),
            groups=movement_groups,
            basis=lambda: "theo ngày ban hành văn bản phát động",
            counted=counted_movement_list,
            counted_template="movements/reports/_counted.html",
        )
    )

``groups(unit_ids, start, end)`` reads the records of those units in the period in
**one** query and returns them aggregated: frozen dataclasses with ``unit_id`` first,
the counted attributes, ``n`` (the count) last, which the forms' row and column
predicates select. ``counted(unit_ids, start, end)``, when given, is the list of the
records behind the figures, shown under the form (``counted_template`` prints it) so
an officer checks them before sending the report upward.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from .registry import Registry

__all__ = [
    "ReportSource",
    "register_report_source",
    "report_source",
    "report_sources",
]


@dataclass(frozen=True)
class ReportSource:
    key: str  # Form.source
    label: str
    groups: Callable  # (unit_ids, start, end) -> [group, …], one query
    # How the period selects the records, printed under the form's title
    # ("Từ ngày … đến ngày … (basis)"); a callable when a setting decides it.
    basis: str | Callable[[], str] = ""
    # The records as they stand on the period's last day ("Tại ngày …"), not those
    # of the period (the TĐKT organisations and staff: no history is kept).
    at_end: bool = False
    counted: Callable | None = None  # (unit_ids, start, end) -> the records behind
    counted_template: str = ""  # prints ``records`` under the form

    def period_text(self, start: datetime.date, end: datetime.date) -> str:
        if self.at_end:
            return f"Tại ngày {end:%d/%m/%Y}"
        basis = self.basis() if callable(self.basis) else self.basis
        return f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y} ({basis})"


_SOURCES: Registry[ReportSource] = Registry("report source")


def register_report_source(source: ReportSource) -> ReportSource:
    return _SOURCES.register(source.key, source)


def report_source(key: str) -> ReportSource:
    """The registered source; LookupError for an unknown key."""
    return _SOURCES.get(key)


def report_sources() -> list[ReportSource]:
    """Every registered source, in registration order (INSTALLED_APPS)."""
    return list(_SOURCES)
