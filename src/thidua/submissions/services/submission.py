"""Upward submission: a tờ trình to the higher agency — drafted by the office, approved
by the head, numbered and sent by the clerk (workflows.SUBMISSION) — its appraisal
there, and the higher level's decision flowing back down to the proposing agency's
register.

One nominee is one :class:`SubmissionItem`; forwarding further up creates a new item
whose ``source`` is the lower one, so returning or deciding at any level walks the chain
back to the nomination (services.outcome, re-exported here). Every change is audited
in the same transaction.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.awards import AWARD_CODES
from thidua.common.jobs import enqueue_on_commit
from thidua.common.services.audit import log_action
from thidua.documents.services.approval import approve, send_back
from thidua.documents.services.numbering import issue_document
from thidua.documents.tasks import task_render_document
from thidua.eligibility.authority import can_decide
from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.selectors import notice_blockers
from thidua.nominations.selectors.unit_files import dossier_files
from thidua.nominations.services.nomination import transition_nomination
from thidua.organizations.access import scopes_for

from ..enums import UNNUMBERED, ItemOutcome, SubmissionState
from ..models import Submission, SubmissionItem
from ..rules import is_receiving_office
from ..workflows import FORWARDING, SUBMISSION
from .outcome import appraise_item, move_item, record_outcome, return_item

__all__ = [
    "SENDABLE_STATES",
    "appraise_item",
    "approve_submission",
    "forward_items",
    "issue_submission",
    "record_outcome",
    "return_item",
    "return_submission",
    "submit_nominations",
    "submit_submission",
]

SENDABLE_STATES = (NominationState.COUNCIL_DONE, NominationState.PUBLIC_NOTICE)


def _is_sending_office(user, agency) -> bool:
    scopes = scopes_for(user)
    return scopes.is_admin or agency.pk in scopes.officer_agencies


def _subject_detail(nomination: Nomination) -> str:
    person = nomination.person
    if person is None:
        parent = nomination.agency.parent
        return parent.display_name if parent else ""
    unit = person.unit.display_name if person.unit_id else ""
    return ", ".join(part for part in (person.position, unit) if part)


def _summary(rows) -> str:
    """Trích yếu: "Về việc đề nghị tặng <titles> năm <years>" — the list, named."""
    names = sorted({dict(AWARD_CODES).get(r.code, r.code) for r in rows})
    years = sorted({r.year for r in rows})
    return _("Về việc đề nghị tặng %(what)s năm %(year)s") % {
        "what": ", ".join(str(n) for n in names),
        "year": ", ".join(str(y) for y in years),
    }


def _new_submission(from_agency, *, planned_on, rows, actor):
    """A draft tờ trình of ``from_agency`` to the agency above: no number, no signer
    until the head approves it and the clerk issues it."""
    to_agency = from_agency.parent
    if to_agency is None:
        raise ValidationError(
            _(
                "%(a)s không có cơ quan cấp trên trong hệ thống: hãy xuất gói hồ sơ để "
                "gửi cấp trên."
            )
            % {"a": from_agency.name}
        )
    return Submission.objects.create(
        from_agency=from_agency,
        from_name=from_agency.name,
        to_agency=to_agency,
        summary=_summary(rows)[:500],
        planned_on=planned_on,
        state=SubmissionState.DRAFT,
        submitted_by=actor if actor is not None and actor.is_authenticated else None,
    )


def _beyond_authority(agency, code: str, day: datetime.date, label) -> list[str]:
    if can_decide(agency.level, code, day):
        return [
            _("%(n)s: thuộc thẩm quyền của %(a)s, không trình cấp trên.")
            % {"n": label, "a": agency.name}
        ]
    return []


def _drafted(submission: Submission, actor) -> Submission:
    log_action(
        submission,
        "submissions.draft",
        actor=actor,
        agency_id=submission.from_agency_id,
        data={"to": submission.to_agency.name, "items": submission.items.count()},
    )
    return submission


def _in_a_draft(nomination) -> list[str]:
    if SubmissionItem.objects.filter(
        nomination=nomination, source__isnull=True, submission__state__in=UNNUMBERED
    ).exists():
        return [_("%(n)s: đã có trong một dự thảo tờ trình khác.") % {"n": nomination}]
    return []


def _nomination_problems(round_, nomination, day) -> list[str]:
    if nomination.round_id != round_.pk or nomination.state not in SENDABLE_STATES:
        return [
            _("%(n)s: chưa được Hội đồng xét hoặc không thuộc đợt xét.")
            % {"n": nomination}
        ]
    return [
        *_beyond_authority(round_.agency, nomination.code, day, nomination),
        *notice_blockers(nomination, NominationState.SENT_UP),
    ]


def _item_problems(item, agency, day) -> list[str]:
    if (
        item.submission.to_agency_id != agency.pk
        or not item.submission.is_sent
        or item.outcome != ItemOutcome.PENDING
    ):
        return [_("%(n)s: không chờ xử lý tại %(a)s.") % {"n": item, "a": agency.name}]
    return _beyond_authority(agency, item.code, day, item)


def submit_nominations(
    round_,
    nominations: list[Nomination],
    *,
    planned_on: datetime.date,
    actor=None,
) -> Submission:
    """The round's office drafts a tờ trình sending the nominations beyond its head's
    authority to the agency above. Nothing is sent yet: the head approves it
    (:func:`approve_submission`), the clerk numbers and sends it
    (:func:`issue_submission`)."""
    if not nominations:
        raise ValidationError(_("Chọn ít nhất một hồ sơ."))
    if actor is not None and not _is_sending_office(actor, round_.agency):
        raise PermissionDenied
    with transaction.atomic():
        order = [n.pk for n in nominations]
        fresh = Nomination.objects.select_for_update().in_bulk(order)
        nominations = [fresh[pk] for pk in order]
        problems = []
        for nomination in nominations:
            found = _nomination_problems(round_, nomination, planned_on)
            problems += found or _in_a_draft(nomination)
        if problems:
            raise ValidationError([_("Không thể trình cấp trên:"), *problems])
        submission = _new_submission(
            round_.agency, planned_on=planned_on, rows=nominations, actor=actor
        )
        for position, nomination in enumerate(nominations, start=1):
            SubmissionItem.objects.create(
                submission=submission,
                position=position,
                nomination=nomination,
                person_id=nomination.person_id,
                agency_id=nomination.agency_id,
                subject_name=nomination.subject_name,
                subject_detail=_subject_detail(nomination),
                is_collective=nomination.is_collective,
                code=nomination.code,
                award_type=nomination.award_type,
                year=nomination.year,
                achievement=nomination.summary,
                appraisal=nomination.appraisal,
                files=[
                    {"kind": a.kind, "name": a.name, "sha256": a.sha256}
                    for a in dossier_files(nomination)
                ],
            )
        return _drafted(submission, actor)


def forward_items(
    items: list[SubmissionItem],
    *,
    agency,
    planned_on: datetime.date,
    actor=None,
) -> Submission:
    """The receiving office drafts its own tờ trình forwarding pending items beyond
    its agency's authority further up; sent, like any tờ trình, once its head approved
    it and its clerk issued it."""
    if not items:
        raise ValidationError(_("Chọn ít nhất một hồ sơ."))
    with transaction.atomic():
        order = [i.pk for i in items]
        fresh = (
            SubmissionItem.objects.select_for_update(of=("self",))
            .select_related("submission")
            .in_bulk(order)
        )
        items = [fresh[pk] for pk in order]
        problems = []
        for item in items:
            found = _item_problems(item, agency, planned_on)
            if (
                not found
                and actor is not None
                and not is_receiving_office(actor, item.submission)
            ):
                raise PermissionDenied
            if not found and SubmissionItem.objects.filter(source=item).exists():
                found = [
                    _("%(n)s: đã có trong một tờ trình trình tiếp khác.") % {"n": item}
                ]
            problems += found
        if problems:
            raise ValidationError([_("Không thể trình tiếp:"), *problems])
        submission = _new_submission(
            agency, planned_on=planned_on, rows=items, actor=actor
        )
        for position, item in enumerate(items, start=1):
            SubmissionItem.objects.create(
                submission=submission,
                position=position,
                nomination=item.nomination,
                source=item,
                person_id=item.person_id,
                agency_id=item.agency_id,
                subject_name=item.subject_name,
                subject_detail=item.subject_detail,
                is_collective=item.is_collective,
                code=item.code,
                award_type=item.award_type,
                year=item.year,
                achievement=item.achievement,
                appraisal=item.appraisal,
                files=item.files,
            )
        return _drafted(submission, actor)


def _lock(query):
    return query.select_related("from_agency", "to_agency")


def submit_submission(submission: Submission, *, actor=None) -> Submission:
    """The office puts its draft (or the returned one) before the head."""
    return SUBMISSION.transition(
        submission, SubmissionState.AWAITING, actor=actor, lock=_lock
    )


def approve_submission(submission: Submission, *, actor) -> Submission:
    """The head, or whoever signs for him, approves: he and the time recorded, the
    signer block his (documents.services.approval)."""
    return approve(
        SUBMISSION,
        submission,
        SubmissionState.APPROVED,
        actor=actor,
        agency_of=lambda locked: locked.from_agency,
        lock=_lock,
    )


def return_submission(submission: Submission, *, actor, reason: str) -> Submission:
    """The head sends the draft back to the office, with the reason."""
    return send_back(
        SUBMISSION,
        submission,
        SubmissionState.RETURNED,
        actor=actor,
        reason=reason,
        lock=_lock,
    )


def issue_submission(
    submission: Submission, *, issued_on: datetime.date, actor=None
) -> Submission:
    """The clerk numbers the approved tờ trình in the sender's register and sends it:
    its nominations go up (sent up), or the items it forwards are marked forwarded —
    each checked again on ``issued_on``; the rendering is queued."""

    def effect(locked: Submission, _transition) -> list[str]:
        items = list(
            locked.items.select_related("nomination", "source__submission").order_by(
                "position"
            )
        )
        problems = []
        nominations = Nomination.objects.select_for_update().in_bulk(
            [i.nomination_id for i in items if i.source_id is None]
        )
        for item in items:
            if item.source_id is None:
                nomination = nominations[item.nomination_id]
                problems += _nomination_problems(
                    nomination.round, nomination, issued_on
                )
            else:
                problems += _item_problems(item.source, locked.from_agency, issued_on)
        if problems:
            raise ValidationError([_("Không thể trình cấp trên:"), *problems])
        document = issue_document(
            type_code="TTr",
            agency=locked.from_agency,
            issued_on=issued_on,
            summary=locked.summary,
            signer_title=locked.signer_title,
            signer_name=locked.signer_name,
            source_kind="submission",
            source_id=locked.pk,
            actor=actor,
        )
        locked.document = document
        # Sent by this tờ trình: the clerk's permission on it was checked by the
        # kernel; the moves below follow in her name, or the approver's when the
        # caller names nobody (a trusted service, a command).
        by = actor if actor is not None else locked.approved_by
        for item in items:
            if item.source_id is None:
                transition_nomination(
                    nominations[item.nomination_id],
                    NominationState.SENT_UP,
                    actor=by,
                    upward=True,
                    checked=True,
                )
            else:
                move_item(
                    item.source,
                    ItemOutcome.FORWARDED,
                    by,
                    through=FORWARDING,
                    data={"to": locked.to_agency.name},
                )
        enqueue_on_commit(task_render_document, document.pk)
        return ["document"]

    return SUBMISSION.transition(
        submission,
        SubmissionState.ISSUED,
        actor=actor,
        effect=effect,
        data=lambda locked: {
            "symbol": locked.symbol,
            "to": locked.to_agency.name,
            "items": locked.items.count(),
        },
        lock=_lock,
    )
