"""Reads of nominations, scoped: the proposing unit, the round's TĐKT office, admins;
read-only, the heads and deputies above and the seated council members (see
``nominations_for_user``)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Min, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import Award
from thidua.eligibility.authority import authority_row, can_decide, state_row
from thidua.eligibility.catalog import NAMES, TITLE_CODES
from thidua.organizations.access import scopes_for
from thidua.organizations.eligibility import verdicts_for
from thidua.organizations.models import Agency

from ..enums import AttachmentKind, NominationState
from ..models import (
    AchievementReport,
    Nomination,
    NominationAttachment,
    NominationEvent,
    NominationRound,
    PublicNotice,
    UnitAttachment,
)
from ..report_catalog import lookback_years, template_for
from .supplied import supplied_for

__all__ = [
    "Authority",
    "access_attachment",
    "access_nomination",
    "active_attachments",
    "authority_of",
    "authority_table",
    "access_notice",
    "access_round",
    "checklist",
    "nomination_verdicts",
    "nominations_by_authority",
    "nominations_for_user",
    "notice_blockers",
    "notices_for_user",
    "received_dates",
    "report_awards",
    "report_for",
    "report_place",
    "round_is_visible",
    "rounds_for_user",
    "upward_trail",
]


def rounds_for_user(user) -> QuerySet[NominationRound]:
    """Rounds of the user's agencies (as officer), of the agencies above their unit, and
    — to read — of the agencies whose head or authorised deputy the user is (and those
    below), who decide on what the rounds bring."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return NominationRound.objects.all()
    deciders = _decider_agencies(scopes)
    units = scopes.officer_agencies | scopes.unit_head_agencies
    if not units and not deciders:
        return NominationRound.objects.none()

    above = set()
    for unit_id in scopes.unit_head_agencies:
        above.update(
            Agency.objects.ancestors(unit_id, include_self=True).values_list(
                "id", flat=True
            )
        )
    return NominationRound.objects.filter(
        Q(agency_id__in=scopes.officer_agencies)
        | Q(agency_id__in=above)
        | Q(agency_id__in=deciders)
    )


def round_is_visible(user, round_: NominationRound) -> bool:
    """Whether ``user`` may open the round's page: a reader of one of its dossiers (a
    council member) need not be (the breadcrumb then names it without a link)."""
    return rounds_for_user(user).filter(pk=round_.pk).exists()


def access_round(user, pk) -> NominationRound:
    try:
        return rounds_for_user(user).select_related("agency").get(pk=pk)
    except (NominationRound.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _decider_agencies(scopes) -> set[int]:
    """The agencies whose head or authorised deputy the account is, with the agencies
    below them (the subtree an officer of the same agency reaches)."""
    ids: set[int] = set()
    for root in scopes.head_agencies | scopes.deputy_agencies:
        ids.update(
            Agency.objects.descendants(root, include_self=True).values_list(
                "id", flat=True
            )
        )
    return ids


def _on_members_agenda(person_id: int) -> QuerySet[Nomination]:
    """The nominations put on the agenda of a meeting of a council of the round's
    agency in which ``person_id`` holds a seat today (councils.selectors.seated_members
    reads the same dates)."""
    today = timezone.localdate()
    return Nomination.objects.filter(
        Q(agenda_items__meeting__council__members__end_date__isnull=True)
        | Q(agenda_items__meeting__council__members__end_date__gte=today),
        agenda_items__meeting__council__agency_id=F("round__agency_id"),
        agenda_items__meeting__council__members__person_id=person_id,
        agenda_items__meeting__council__members__start_date__lte=today,
    ).values("pk")


def nominations_for_user(user) -> QuerySet[Nomination]:
    """The round's office and the proposing unit (its heads, the officers over it);
    read-only, the head and authorised deputies of the round's agency or one above it,
    who decide on them, and the members seated in the council that puts the dossier on
    its agenda."""
    scopes = scopes_for(user)
    base = Nomination.objects.select_related(
        "round", "round__agency", "proposing_unit", "person", "agency"
    )
    if scopes.is_admin:
        return base
    visible = Q(round__agency_id__in=scopes.officer_agencies) | Q(
        proposing_unit_id__in=scopes.officer_agencies | scopes.unit_head_agencies
    )
    deciders = _decider_agencies(scopes)
    if deciders:
        visible |= Q(round__agency_id__in=deciders)
    if scopes.person_id:
        visible |= Q(pk__in=_on_members_agenda(scopes.person_id))
    return base.filter(visible)


def access_nomination(user, pk) -> Nomination:
    try:
        return nominations_for_user(user).get(pk=pk)
    except (Nomination.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def access_attachment(user, pk, attachment_pk):
    """A file of a nomination the user sees (withdrawn ones too: they were sent)."""
    nomination = access_nomination(user, pk)
    try:
        return nomination, nomination.attachments.get(pk=attachment_pk)
    except (NominationAttachment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def active_attachments(nomination: Nomination) -> QuerySet[NominationAttachment]:
    """The dossier's files as it stands: those the unit has not withdrawn."""
    return nomination.attachments.filter(withdrawn_at__isnull=True)


# Who the head of an agency of each level is, in the sentence "Phải trình lên …".
HEAD_OF_LEVEL = {
    "trung_uong": _("Bộ trưởng, Thủ trưởng cơ quan trung ương"),
    "tinh": _("Chủ tịch UBND tỉnh"),
    "so_ban_nganh": _("Thủ trưởng sở, ban, ngành"),
    "huyen": _("Chủ tịch UBND huyện"),
    "xa": _("Chủ tịch UBND xã"),
}


@dataclass(frozen=True)
class Authority:
    """Who confers a code proposed in a round: the round agency's head (``decides``)
    or a head above, with the citation of the engine's authority table."""

    decides: bool
    decider: str
    agency: str
    citation: str

    @property
    def label(self) -> str:
        if self.decides:
            return _("Cơ quan quyết định")
        where = f" ({self.agency})" if self.agency else ""
        return _("Phải trình lên %(who)s") % {"who": f"{self.decider}{where}"}

    def __str__(self) -> str:
        return self.label


def authority_table(agency: Agency, codes, on=None) -> dict[str, Authority]:
    """For each code, whether the head of ``agency`` confers it on ``on`` (today by
    default), else the nearest agency above whose head does, else the state-level
    decider (eligibility/authority.py). Informs; never refuses a proposal."""
    on = on or timezone.localdate()
    by_id = {a.pk: a for a in Agency.objects.ancestors(agency.pk, include_self=True)}
    chain = []
    current = by_id.get(agency.parent_id)
    while current is not None:
        chain.append(current)
        current = by_id.get(current.parent_id)
    table = {}
    for code in codes:
        table[code] = _authority(agency, chain, code, on)
    return table


def _authority(agency, chain, code, on) -> Authority:
    row = authority_row(agency.level, code, on)
    if row is not None:
        return Authority(
            True, str(HEAD_OF_LEVEL.get(agency.level, "")), agency.name, row.citation
        )
    for above in chain:
        row = authority_row(above.level, code, on)
        if row is not None:
            return Authority(
                False, str(HEAD_OF_LEVEL.get(above.level, "")), above.name, row.citation
            )
    state = state_row(code)
    if state is not None:
        return Authority(False, state.decider, "", state.citation)
    # A bộ/tỉnh form proposed outside any province (a central ministry's tree).
    row = authority_row("tinh", code, on)
    if row is not None:
        return Authority(False, _("Bộ trưởng, Chủ tịch UBND tỉnh"), "", row.citation)
    return Authority(False, _("cấp có thẩm quyền"), "", "")


def authority_of(nomination: Nomination, on=None) -> Authority:
    agency = nomination.round.agency
    return authority_table(agency, [nomination.code], on)[nomination.code]


def notice_blockers(nomination: Nomination, to: str, today=None) -> list[str]:
    """Why a nomination may not leave the council / notice steps for ``to`` yet: a
    required notice missing, a notice still running, comments not yet answered."""
    onward = {NominationState.DECIDED, NominationState.SENT_UP}
    if to not in onward:
        return []
    today = today or timezone.localdate()
    notices = list(nomination.notices.all())
    if not notices and nomination.code in settings.THIDUA_NOTICE_REQUIRED_CODES:
        return [
            _("%(n)s: phải công khai trước khi quyết định hoặc trình cấp trên.")
            % {"n": nomination}
        ]
    problems = []
    for notice in notices:
        if today <= notice.ends_on:
            problems.append(
                _("%(n)s: đang công khai đến hết ngày %(d)s.")
                % {"n": nomination, "d": notice.ends_on.strftime("%d/%m/%Y")}
            )
    # all() so a prefetched list is used by pages listing many nominations.
    if any(c.acknowledged_at is None for c in nomination.comments.all()):
        problems.append(_("%(n)s: còn góp ý chưa được xem xét.") % {"n": nomination})
    return problems


def notices_for_user(user):
    return PublicNotice.objects.filter(round__in=rounds_for_user(user)).select_related(
        "round__agency"
    )


def access_notice(user, pk):
    try:
        return notices_for_user(user).get(pk=pk)
    except (PublicNotice.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def upward_trail(nomination: Nomination) -> QuerySet:
    """Every tờ trình the nomination travelled in, lowest first: what the proposing unit
    sees of the higher levels (agency, outcome, decision or reason). Read through the
    reverse relation: the tờ trình live in the submissions app, above this one."""
    return (
        nomination.submission_items.all()
        .select_related("submission__to_agency", "submission__document")
        .order_by("submission__submitted_at", "submission_id")
    )


def report_for(nomination: Nomination) -> AchievementReport:
    """The nomination's achievement report, or an unsaved one (version 0) on the
    template of its review year and subject kind."""
    try:
        return nomination.report
    except AchievementReport.DoesNotExist:
        return AchievementReport(
            nomination=nomination,
            version=0,
            template=template_for(
                nomination.year,
                collective=nomination.agency_id is not None,
                code=nomination.code,
            ),
        )


def report_awards(nomination: Nomination) -> tuple[list, list]:
    """Section III of the report: the subject's non-revoked awards over the look-back
    period of the proposed code (ending with the review year), split into emulation
    titles and forms of commendation."""

    first = nomination.year - lookback_years(nomination.code) + 1
    awards = Award.objects.filter(
        revoked=False, year__gte=first, year__lte=nomination.year
    )
    if nomination.person_id:
        awards = awards.filter(person_id=nomination.person_id)
    else:
        awards = awards.filter(agency_id=nomination.agency_id)
    awards = list(awards.order_by("year", "decision_date", "pk"))
    titles = [a for a in awards if a.code in TITLE_CODES]
    forms = [a for a in awards if a.code not in TITLE_CODES]
    return titles, forms


def report_place(nomination: Nomination) -> str:
    """The place of the date line: the first place name set on the subject's unit or
    the units above it (nd30-and-forms.md §6.2 footnote [1])."""

    unit_id = (
        nomination.person.unit_id if nomination.person_id else nomination.agency_id
    )
    if unit_id is None:
        unit_id = nomination.proposing_unit_id
    chain = Agency.objects.ancestors(unit_id, include_self=True)
    by_id = {a.pk: a for a in chain}
    # ancestors() order is not guaranteed: walk up from the unit by parent_id.
    current = by_id.get(unit_id)
    while current is not None:
        if current.place_name:
            return current.place_name
        current = by_id.get(current.parent_id)
    return nomination.round.agency.place_name


def nominations_by_authority(user, round_, states, day) -> list:
    """The round's nominations in ``states`` that ``user`` sees (notices and comments
    fetched, for their blockers), each paired with whether the head of the round's
    agency may decide it on ``day``: the decision page offers those, the tờ trình page
    the others."""
    nominations = (
        nominations_for_user(user)
        .filter(round=round_, state__in=states)
        .prefetch_related("notices", "comments")
    )
    level = round_.agency.level
    return [(n, can_decide(level, n.code, day)) for n in nominations]


# Titles whose criteria rest on an initiative or S&T work (Luật TĐKT 2022 Art 21–23).
NEEDS_INITIATIVE = {"CSTDCS", "CSTD_BO_TINH", "CSTDTQ"}


def checklist(nomination: Nomination) -> list[tuple[str, bool]]:
    """The dossier components Luật TĐKT 2022 Art 84 asks for this title, and whether
    each is present."""
    present = set(active_attachments(nomination).values_list("kind", flat=True))
    # The unit's files for the whole round (its peer-review minutes) count in each.
    present |= set(
        UnitAttachment.objects.filter(
            round_id=nomination.round_id, agency_id=nomination.proposing_unit_id
        ).values_list("kind", flat=True)
    )
    items = [
        (AttachmentKind.REPORT.label, AttachmentKind.REPORT in present),
        (AttachmentKind.PEER_REVIEW.label, AttachmentKind.PEER_REVIEW in present),
    ]
    if nomination.code in NEEDS_INITIATIVE:
        items.append(
            (
                _("%(doc)s (tiêu chuẩn %(title)s)")
                % {
                    "doc": AttachmentKind.INITIATIVE.label,
                    "title": NAMES[nomination.code],
                },
                AttachmentKind.INITIATIVE in present,
            )
        )
    return [(str(label), done) for label, done in items]


def received_dates(nominations) -> dict[int, datetime.date]:
    """The day each dossier reached the office (its first "Gửi"), by pk, in one query:
    the law in force that day is the one it is judged under (Luật TĐKT 2022 Art 95).
    A dossier sent before its review year began (a round opened early) has no such
    day: it is judged under the law of its review year."""
    years = {n.pk: n.year for n in nominations}
    sent = (
        NominationEvent.objects.filter(
            nomination__in=[n.pk for n in nominations],
            to_state=NominationState.SUBMITTED,
        )
        .values("nomination_id")
        .annotate(first=Min("at"))
    )
    days = {row["nomination_id"]: timezone.localdate(row["first"]) for row in sent}
    return {pk: day for pk, day in days.items() if day.year >= years[pk]}


def nomination_verdicts(nominations) -> dict:
    """The engine's verdict on each nomination (``organizations.eligibility.Verdict``
    by pk), each judged under the law in force when its dossier was received."""
    return verdicts_for(
        nominations, received_dates(nominations), supplied_for(nominations)
    )
