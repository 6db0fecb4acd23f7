"""The figures of an agency's dashboard, each a small table (columns, rows) that the page
draws as a chart and offers as Excel. Aggregated by the database; visibility through the
awards and nominations selectors the pages use."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.selectors import awards_for_user
from thidua.decisions.models import Decision
from thidua.eligibility.catalog import SHORT_NAMES
from thidua.movements.enums import RegistrationState
from thidua.movements.models import Indicator, Movement
from thidua.movements.services.progress import indicator_status
from thidua.nominations.enums import NominationState
from thidua.nominations.selectors import nominations_for_user
from thidua.organizations.models import Agency

__all__ = ["Chart", "dashboard_charts"]


@dataclass
class Chart:
    key: str
    title: str
    kind: str  # bar | stacked | line | doughnut (Chart.js types)
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    unit: str = ""
    # Years (first column) not over yet: their figures are what is decided so far, so
    # the chart marks them instead of showing a drop that is only the calendar.
    unfinished: list[int] = field(default_factory=list)

    @property
    def element_id(self) -> str:
        return f"chart-data-{self.key}"

    @property
    def payload(self) -> dict:
        """What the page's script draws (json_script: inert, allowed by the CSP)."""
        return {
            "columns": self.columns,
            "rows": self.rows,
            "unit": self.unit,
            "unfinished": self.unfinished,
        }


def _subtree(agency: Agency) -> dict[int, int | None]:
    """The agency's subtree as {id: parent id}: one query, read once per dashboard."""
    return dict(
        Agency.objects.descendants(agency, include_self=True).values_list(
            "id", "parent_id"
        )
    )


def _subtree_awards(user, ids, years: range):
    return awards_for_user(user).filter(
        Q(person__unit_id__in=ids) | Q(agency_id__in=ids),
        revoked=False,
        year__gte=years.start,
        year__lt=years.stop,
    )


def _by_year_and_code(awards, years: range) -> Chart:
    counts = defaultdict(int)
    codes = set()
    for row in awards.values("year", "code").annotate(n=Count("id")):
        counts[row["year"], row["code"]] = row["n"]
        codes.add(row["code"])
    order = sorted(codes, key=lambda c: -sum(counts[y, c] for y in years))
    return Chart(
        "awards_by_year",
        _("Khen thưởng theo năm và danh hiệu, hình thức"),
        "stacked",
        [_("Năm"), *(SHORT_NAMES.get(c, c) for c in order)],
        [[y, *(counts[y, c] for c in order)] for y in years],
    )


def _by_unit(awards, agency: Agency, parents: dict[int, int | None]) -> Chart:
    """Per direct child unit of the agency (the agency itself for its own staff)."""
    children = {a.pk: a for a in agency.children.all()}
    branch = {}
    for node in parents:  # walk up to the child of ``agency`` the node lies under
        step = node
        while step != agency.pk and parents.get(step) not in (agency.pk, None):
            step = parents[step]
        branch[node] = step
    counts = defaultdict(int)
    rows = (
        awards.annotate(unit=Coalesce(F("person__unit_id"), F("agency_id")))
        .values("unit")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[branch.get(row["unit"], agency.pk)] += row["n"]
    names = {
        agency.pk: agency.short_name or agency.name,
        **{pk: a.short_name or a.name for pk, a in children.items()},
    }
    order = sorted(counts, key=lambda pk: (-counts[pk], names.get(pk, "")))
    return Chart(
        "awards_by_unit",
        _("Khen thưởng theo đơn vị"),
        "bar",
        [_("Đơn vị"), _("Số khen thưởng")],
        [[names.get(pk, str(pk)), counts[pk]] for pk in order],
    )


def _priority(awards, years: range) -> Chart:
    """The seed's priority measure: the share of individual awards going to people who
    work directly (trực tiếp lao động, công tác) and of collective awards going to small
    collectives, per year."""
    rows = {
        r["year"]: r
        for r in awards.values("year").annotate(
            people=Count("id", filter=Q(person__isnull=False)),
            direct=Count("id", filter=Q(person__is_direct_worker=True)),
            collectives=Count("id", filter=Q(agency__isnull=False)),
            small=Count("id", filter=Q(agency__is_small_collective=True)),
        )
    }

    def share(part, whole):  # no award that year: no share (a gap, not 0 %)
        return round(100 * part / whole, 1) if whole else None

    out = []
    for y in years:
        r = rows.get(y, {"people": 0, "direct": 0, "collectives": 0, "small": 0})
        out.append(
            [
                y,
                r["people"],
                r["direct"],
                share(r["direct"], r["people"]),
                r["collectives"],
                r["small"],
                share(r["small"], r["collectives"]),
            ]
        )
    return Chart(
        "priority",
        _("Tỷ lệ khen thưởng người trực tiếp lao động, công tác và tập thể nhỏ"),
        "line",
        [
            _("Năm"),
            _("Khen thưởng cá nhân"),
            _("Trong đó trực tiếp lao động, công tác"),
            _("Tỷ lệ cá nhân trực tiếp (%)"),
            _("Khen thưởng tập thể"),
            _("Trong đó tập thể nhỏ"),
            _("Tỷ lệ tập thể nhỏ (%)"),
        ],
        out,
        unit="%",
    )


def _nominations(user, ids, movement=None) -> Chart:
    nominations = nominations_for_user(user).filter(round__agency_id__in=ids)
    if movement is not None:
        nominations = nominations.filter(round__movement=movement)
    counts = dict(
        nominations.values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    rows = [
        [label, counts[value]]
        for value, label in NominationState.choices
        if counts.get(value)
    ]
    return Chart(
        "nominations",
        _("Hồ sơ đề nghị theo trạng thái"),
        "doughnut",
        [_("Trạng thái"), _("Số hồ sơ")],
        rows,
    )


def _movements(ids, years: range, movement=None) -> Chart:
    chosen = (
        Movement.objects.filter(pk=movement.pk)
        if movement is not None
        else Movement.objects.filter(
            launcher_id__in=ids, year__gte=years.start, year__lt=years.stop
        )
    )
    movements = list(
        chosen.annotate(
            registered=Count(
                "registrations",
                filter=~Q(registrations__state=RegistrationState.DRAFT),
                distinct=True,
            ),
            approved=Count(
                "registrations",
                filter=Q(registrations__state=RegistrationState.APPROVED),
                distinct=True,
            ),
        ).order_by("-year", "name")
    )
    indicators = (
        Indicator.objects.filter(movement__in=movements)
        .select_related("movement__issued_document")
        .prefetch_related("reports")
    )
    status = defaultdict(lambda: defaultdict(int))
    for indicator in indicators:
        state = indicator_status(indicator, list(indicator.reports.all())).state
        status[indicator.movement_id][state] += 1
    rows = [
        [
            m.name[:80],
            m.year,
            m.registered,
            m.approved,
            sum(status[m.pk].values()),
            status[m.pk]["dat"],
            status[m.pk]["cham"] + status[m.pk]["khong_dat"],
        ]
        for m in movements
    ]
    return Chart(
        "movements",
        _("Phong trào: đăng ký thi đua và chỉ tiêu"),
        "bar",
        [
            _("Phong trào"),
            _("Năm"),
            _("Đơn vị đã đăng ký"),
            _("Đăng ký đã duyệt"),
            _("Chỉ tiêu"),
            _("Chỉ tiêu đạt"),
            _("Chỉ tiêu chậm, không đạt"),
        ],
        rows,
    )


def _movement_awards(awards, movement: Movement):
    """Awards written by the decisions of the movement's rounds (its tổng kết): the
    register keeps the decision's number and date, the decision its round."""
    decided = Decision.objects.filter(
        round__movement=movement,
        issued_document__symbol=OuterRef("decision_number"),
        issued_document__issued_on=OuterRef("decision_date"),
    )
    return awards.filter(Exists(decided))


def dashboard_charts(
    user, agency: Agency, years: range, movement: Movement | None = None
) -> list[Chart]:
    """The agency's charts; with ``movement``, only what that movement brought: its
    rounds' nominations, the awards its decisions wrote, its own registrations and
    indicators."""
    parents = _subtree(agency)
    ids = list(parents)
    awards = _subtree_awards(user, ids, years)
    if movement is not None:
        awards = _movement_awards(awards, movement)
    by_year = [_by_year_and_code(awards, years), _priority(awards, years)]
    # A year's awards are decided in its last weeks and the next year's first months:
    # until it ends, its columns are a count so far, not a fall.
    this_year = timezone.localdate().year
    for chart in by_year:
        chart.unfinished = [y for y in years if y >= this_year]
    return [
        *by_year,
        _by_unit(awards, agency, parents),
        _nominations(user, ids, movement),
        _movements(ids, years, movement),
    ]
