"""Transition × role for nominations, generated from the workflow table: for every
transition and every role, the move is offered exactly when the role holds the
transition's permission on a nomination of the Sở (and the move is a button, not one
the tờ trình service makes); a role without it is refused with 403 by the kernel.
The end-to-end moves are in test_nominations.py, test_pages.py, test_submissions.py."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.nominations.models import DossierEvidence
from thidua.nominations.services.evidence import review_evidence
from thidua.nominations.workflows import EVIDENCE, NOMINATION, THROUGH_COUNCIL, TO_TRINH

from ..workflow_matrix import ROLES, check_move, each_transition
from .test_nominations import propose, round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

HOLDERS = {
    # The proposing unit (Phòng ĐKKD): its head, and the Sở's officer above it.
    "nominations.propose_nomination": {"admin", "officer", "unit_head"},
    # The TĐKT office of the round's agency (the Sở).
    "nominations.process_nomination": {"admin", "officer"},
    # The council's secretary or chair (Phòng ĐKKD's head chairs the Sở's council), or
    # the office: the permission of the paper path (the move itself is only through
    # the council, never a button).
    "nominations.record_council_result": {
        "admin",
        "officer",
        "council_secretary",
        "unit_head",
    },
}


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in NOMINATION.transitions} == set(HOLDERS)


@each_transition(NOMINATION)
@pytest.mark.parametrize("role", ROLES)
def test_offered_and_refused_by_role(round_, org, users, move, role):  # noqa: F811
    nomination = propose(round_, org)
    nomination.state = move.source  # what is offered depends on the state alone
    user = users[role]
    holds = role in HOLDERS[move.permission]
    offered = move.target in [t.target for t in NOMINATION.available(user, nomination)]
    assert offered == (holds and move.offered and not move.only_through)
    if not holds and move.source == "nhap":
        with pytest.raises(PermissionDenied):
            NOMINATION.transition(nomination, move.target, actor=user, reason="Lý do.")


@pytest.mark.parametrize(
    "move",
    [t for t in NOMINATION.transitions if t.only_through],
    ids=lambda t: f"{t.source}->{t.target}",
)
def test_moves_only_through_their_service(round_, org, users, move):  # noqa: F811
    nomination = propose(round_, org)
    type(nomination).objects.filter(pk=nomination.pk).update(state=move.source)
    expected = {
        TO_TRINH: "chỉ được xử lý qua tờ trình",
        THROUGH_COUNCIL: "chỉ được ghi nhận qua phiếu bầu",
    }[move.only_through]
    with pytest.raises(ValidationError, match=expected):
        NOMINATION.transition(
            nomination, move.target, actor=users["admin"], reason="Lý do."
        )


# Evidence a unit supplied with its dossier: the round's office (the Sở) checks it.
EVIDENCE_HOLDERS = {"nominations.confirm_evidence": {"admin", "officer"}}


@each_transition(EVIDENCE)
@pytest.mark.parametrize("role", ROLES)
def test_evidence_offered_and_refused_by_role(round_, org, users, move, role):  # noqa: F811
    nomination = propose(round_, org)
    evidence = DossierEvidence.objects.create(
        nomination=nomination,
        kind="xep_loai",
        year=2025,
        rating="HT",
        status=move.source,
    )
    check_move(
        EVIDENCE,
        evidence,
        users[role],
        move,
        role in EVIDENCE_HOLDERS[move.permission],
        lambda obj, to, user: review_evidence(obj, to, actor=user, reason="Lý do."),
    )
