"""The object predicates of every app's rules.py refuse when there is no object.

Django's permission API calls an object permission with ``obj=None`` (``has_perm(perm)``
without an object, e.g. a template's ``perms`` proxy): a predicate must then say no,
never raise, and never treat "no object" as "every object"."""

import pytest

from thidua.councils.rules import runs_meeting
from thidua.decisions.rules import (
    is_decision_clerk,
    is_decision_deputy,
    is_decision_head,
    is_decision_office,
)
from thidua.movements.rules import (
    can_launch,
    can_manage_movement,
    decides_registration,
    fills_registration,
)
from thidua.nominations.rules import (
    is_proposing_unit,
    is_round_chair,
    is_round_office,
    is_round_secretary,
)
from thidua.organizations.rules import (
    can_manage_agency,
    can_manage_cluster,
    can_manage_council,
    can_manage_person,
)
from thidua.submissions.rules import receives_item

OBJECT_PREDICATES = [
    runs_meeting,
    is_decision_office,
    is_decision_head,
    is_decision_deputy,
    is_decision_clerk,
    can_manage_movement,
    can_launch,
    fills_registration,
    decides_registration,
    is_proposing_unit,
    is_round_office,
    is_round_secretary,
    is_round_chair,
    can_manage_agency,
    can_manage_person,
    can_manage_council,
    can_manage_cluster,
    receives_item,
]


ROLES = ["officer", "council_secretary", "unit_head", "head", "deputy", "clerk"]


@pytest.mark.parametrize("role", ROLES)
def test_no_object_is_refused(users, role):
    said = {p.name: p.test(users[role], None) for p in OBJECT_PREDICATES}
    assert said == dict.fromkeys(said, False)


# Permissions whose predicate takes an object: without one, nobody but the admin has it.
OBJECT_PERMISSIONS = [
    "councils.run_meeting",
    "decisions.draft_decision",
    "decisions.approve_decision",
    "decisions.issue_decision",
    "decisions.annul_decision",
    "movements.change_movement",
    "movements.submit_registration",
    "movements.decide_registration",
    "movements.issue_movement",
    "movements.add_movement",
    "nominations.propose_nomination",
    "nominations.process_nomination",
    "nominations.record_council_result",
    "organizations.change_person",
    "organizations.add_person",
    "organizations.change_agency",
    "organizations.import_staff",
    "organizations.change_council",
    "organizations.change_cluster",
    "submissions.process_item",
]


def test_object_permission_without_object(users):
    for role in ROLES:
        held = [perm for perm in OBJECT_PERMISSIONS if users[role].has_perm(perm)]
        assert held == [], role
    # The admin holds the others through is_admin; running a meeting needs a seat on
    # the meeting's council, which no role gives, and approving a decision is the
    # head's (or his deputy's), never the administrator's.
    held = [perm for perm in OBJECT_PERMISSIONS if users["admin"].has_perm(perm)]
    assert held == [
        p
        for p in OBJECT_PERMISSIONS
        if p not in {"councils.run_meeting", "decisions.approve_decision"}
    ]
