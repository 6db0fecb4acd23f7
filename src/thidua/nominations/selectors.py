"""Reads of nominations, scoped: the proposing unit, the round's TĐKT office, admins."""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.scopes import scopes_for

from .enums import NominationState
from .models import Nomination, PublicNotice, ReviewRound, Submission, SubmissionItem

__all__ = [
    "access_nomination",
    "access_round",
    "nominations_for_user",
    "access_notice",
    "notice_blockers",
    "notices_for_user",
    "rounds_for_user",
    "access_submission",
    "submissions_for_user",
    "upward_trail",
]


def rounds_for_user(user) -> QuerySet[ReviewRound]:
    """Rounds of the user's agencies (as officer), and of the agencies above their unit."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return ReviewRound.objects.all()
    units = scopes.officer_agencies | scopes.unit_head_agencies
    if not units:
        return ReviewRound.objects.none()
    from thidua.organizations.models import Agency  # noqa: PLC0415 (selectors of another app)

    above = set()
    for unit_id in scopes.unit_head_agencies:
        above.update(
            Agency.objects.ancestors(unit_id, include_self=True).values_list(
                "id", flat=True
            )
        )
    return ReviewRound.objects.filter(
        Q(agency_id__in=scopes.officer_agencies) | Q(agency_id__in=above)
    )


def access_round(user, pk) -> ReviewRound:
    try:
        return rounds_for_user(user).select_related("agency").get(pk=pk)
    except (ReviewRound.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def nominations_for_user(user) -> QuerySet[Nomination]:
    scopes = scopes_for(user)
    base = Nomination.objects.select_related(
        "round", "round__agency", "proposing_unit", "person", "agency"
    )
    if scopes.is_admin:
        return base
    return base.filter(
        Q(round__agency_id__in=scopes.officer_agencies)
        | Q(proposing_unit_id__in=scopes.officer_agencies | scopes.unit_head_agencies)
    )


def access_nomination(user, pk) -> Nomination:
    try:
        return nominations_for_user(user).get(pk=pk)
    except (Nomination.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def notice_blockers(nomination: Nomination, to: str, today=None) -> list[str]:
    """Why a nomination may not leave the council / notice steps for ``to`` yet: a
    required notice missing, a notice still running, comments not yet answered."""
    onward = {NominationState.DECIDED, NominationState.SENT_UP}
    if to not in onward:
        return []
    today = today or timezone.localdate()
    notices = list(nomination.notices.all())
    if not notices and nomination.code in settings.THIDUA_NOTICE_REQUIRED_CODES:
        return [_("%(n)s: phải công khai trước khi quyết định hoặc trình cấp trên.")
                % {"n": nomination}]  # fmt: skip
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


def submissions_for_user(user) -> QuerySet[Submission]:
    """Tờ trình the user's office sent, or received (its own inbox, or — for a higher
    officer — those of the agencies below)."""
    scopes = scopes_for(user)
    base = Submission.objects.select_related("from_agency", "to_agency", "document")
    if scopes.is_admin:
        return base
    return base.filter(
        Q(from_agency_id__in=scopes.officer_agencies)
        | Q(to_agency_id__in=scopes.officer_agencies | scopes.higher_officer_agencies)
    )


def access_submission(user, pk) -> Submission:
    try:
        return submissions_for_user(user).get(pk=pk)
    except (Submission.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def upward_trail(nomination: Nomination) -> QuerySet[SubmissionItem]:
    """Every tờ trình the nomination travelled in, lowest first: what the proposing unit
    sees of the higher levels (agency, outcome, decision or reason)."""
    return (
        SubmissionItem.objects.filter(nomination=nomination)
        .select_related("submission__to_agency", "submission__document")
        .order_by("submission__submitted_at", "submission_id")
    )
