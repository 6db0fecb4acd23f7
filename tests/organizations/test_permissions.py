"""Role × object × action matrix. Data that could leak is always present (other Sở,
other council, other units), and a hidden object must answer exactly like a missing one."""

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from thidua.movements.services.movement import transition_movement

from ..factories import make_org, make_users
from ..movements.factories import ISSUED_ON, make_movement

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """One organisation for the whole module, rolled back at the end (each test
    still runs in its own savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        org = make_org()
        org.draft_movement = make_movement(org, name="Bản nháp")
        org.issued_movement = transition_movement(
            make_movement(org), "da_ban_hanh", issued_on=ISSUED_ON
        )
        yield org, make_users(org)
        transaction.set_rollback(True)


@pytest.fixture
def org(shared, db):
    return shared[0]


@pytest.fixture
def users(shared, db):
    return shared[1]


ROLES = [
    "admin",
    "officer",
    "unit_head",
    "council_member",
    "council_secretary",
    "staff",
    "higher_officer",
    "other_officer",
]

# (url name, object key) -> expected status per role, in ROLES order.
# 200 allowed, 403 visible but not allowed, 404 hidden (same as missing).
MATRIX = {
    ("organizations:person-detail", "dkkd_staff"): [
        200,
        200,
        200,
        404,
        404,
        404,
        404,
        404,
    ],
    ("organizations:person-detail", "vp_staff"): [
        200,
        200,
        404,
        404,
        404,
        200,
        404,
        404,
    ],
    ("organizations:person-detail", "other_staff"): [
        200,
        404,
        404,
        404,
        404,
        404,
        404,
        200,
    ],
    ("organizations:person-detail", "btdkt_staff"): [
        200,
        404,
        404,
        404,
        404,
        404,
        200,
        404,
    ],
    ("organizations:person-edit", "dkkd_staff"): [
        200,
        200,
        403,
        404,
        404,
        404,
        404,
        404,
    ],
    ("organizations:person-edit", "vp_staff"): [200, 200, 404, 404, 404, 403, 404, 404],
    ("organizations:person-edit", "other_staff"): [
        200,
        404,
        404,
        404,
        404,
        404,
        404,
        200,
    ],
    ("organizations:person-transfer", "dkkd_staff"): [
        200,
        200,
        403,
        404,
        404,
        404,
        404,
        404,
    ],
    ("organizations:person-assessment", "dkkd_staff"): [
        200,
        200,
        403,
        404,
        404,
        404,
        404,
        404,
    ],
    ("organizations:person-discipline", "vp_staff"): [
        200,
        200,
        404,
        404,
        404,
        403,
        404,
        404,
    ],
    ("organizations:person-review", "vp_staff"): [
        200,
        200,
        404,
        404,
        404,
        403,
        404,
        404,
    ],
    ("awards:person-record", "dkkd_staff"): [
        200,
        200,
        403,
        404,
        404,
        404,
        404,
        404,
    ],
    ("awards:agency-record", "dkkd"): [200, 200, 403, 403, 403, 403, 403, 403],
    ("organizations:person-initiative", "other_staff"): [
        200,
        404,
        404,
        404,
        404,
        404,
        404,
        200,
    ],
    ("organizations:council-detail", "council"): [
        200,
        200,
        200,
        200,
        200,
        404,
        404,
        404,
    ],
    ("organizations:council-detail", "other_council"): [
        200,
        404,
        404,
        404,
        404,
        404,
        404,
        200,
    ],
    ("organizations:council-member-add", "council"): [
        200,
        200,
        403,
        403,
        200,
        404,
        404,
        404,
    ],
    ("organizations:cluster-detail", "cluster"): [
        200,
        200,
        404,
        404,
        404,
        404,
        200,
        200,
    ],
    ("organizations:agency-detail", "dkkd"): [200, 200, 200, 200, 200, 200, 200, 200],
    ("organizations:agency-edit", "dkkd"): [200, 200, 403, 403, 403, 403, 403, 403],
    ("organizations:agency-create", "skhdt"): [200, 200, 403, 403, 403, 403, 403, 403],
    ("organizations:agency-assessment", "dkkd"): [
        200,
        200,
        403,
        403,
        403,
        403,
        403,
        403,
    ],
    ("organizations:agency-edit", "other"): [200, 403, 403, 403, 403, 403, 403, 200],
    ("organizations:import", "skhdt"): [200, 200, 403, 403, 403, 403, 403, 403],
    ("organizations:import-template", "skhdt"): [
        200,
        200,
        403,
        403,
        403,
        403,
        403,
        403,
    ],
    ("organizations:import", "other"): [200, 403, 403, 403, 403, 403, 403, 200],
    ("organizations:council-create", "skhdt"): [200, 200, 403, 403, 403, 403, 403, 403],
    ("organizations:cluster-create", "skhdt"): [200, 200, 403, 403, 403, 403, 403, 403],
    ("organizations:cluster-member-add", "cluster"): [
        200,
        403,
        404,
        404,
        404,
        404,
        403,
        403,
    ],
    ("organizations:cluster-leadership", "cluster"): [
        200,
        403,
        404,
        404,
        404,
        404,
        403,
        403,
    ],
    ("movements:movement-detail", "draft_movement"): [
        200,
        200,
        404,
        404,
        404,
        404,
        404,
        404,
    ],
    ("movements:movement-detail", "issued_movement"): [
        200,
        200,
        200,
        404,
        200,
        200,
        404,
        404,
    ],
    ("movements:movement-edit", "draft_movement"): [
        200,
        200,
        404,
        404,
        404,
        404,
        404,
        404,
    ],
    ("movements:movement-edit", "issued_movement"): [
        200,
        200,
        403,
        404,
        403,
        403,
        404,
        404,
    ],
    ("movements:movement-files", "issued_movement"): [
        200,
        200,
        200,
        404,
        200,
        200,
        404,
        404,
    ],
    ("movements:movement-create", None): [200, 200, 403, 403, 403, 403, 403, 200],
    ("movements:inbox", None): [200, 200, 200, 200, 200, 200, 200, 200],
    ("audit-log", None): [200, 200, 403, 403, 403, 403, 403, 200],
    ("documents:credentials", None): [200, 404, 404, 404, 404, 404, 404, 404],
    # Báo cáo thống kê: TĐKT officers for their subtree, higher officers for theirs
    ("reports:index", None): [200, 200, 403, 403, 403, 403, 200, 200],
    ("reports:report", "skhdt"): [200, 200, 404, 404, 404, 404, 200, 404],
    ("reports:report", "province"): [200, 404, 404, 404, 404, 404, 200, 404],
}
# Who each role sees in the person list.
VISIBLE_PEOPLE = {
    "admin": {
        "officer",
        "secretary",
        "head",
        "dkkd_staff",
        "vp_staff",
        "other_staff",
        "btdkt_staff",
    },
    "officer": {"officer", "secretary", "head", "dkkd_staff", "vp_staff"},
    "unit_head": {"head", "dkkd_staff"},
    "council_member": set(),
    "council_secretary": {"secretary"},
    "staff": {"vp_staff"},
    "higher_officer": {"btdkt_staff"},
    "other_officer": {"other_staff"},
}
# URL names reached by other tests or without an object; the meta-test below makes sure
# a new page cannot be added without deciding who may open it.
COVERED_ELSEWHERE = {
    # tests/common/test_search.py (scoped per kind; hidden == missing)
    "search",
    # tests/dashboards/test_dashboard.py
    "dashboard-charts",
    "dashboard",
    "healthz",
    "favicon",
    "accounts:login",
    "accounts:logout",
    "organizations:agency-list",
    "organizations:person-list",
    "organizations:person-create",
    "organizations:council-list",
    "organizations:cluster-list",
    "organizations:import-job",
    # tests/accounts/test_accounts_admin.py: admin-only, 403 for every other role
    "accounts:account-list",
    "accounts:account-create",
    "accounts:account-detail",
    "accounts:account-lock",
    "accounts:account-password",
    "accounts:role-revoke",
    "accounts:password-change",
    # tests/api/test_tokens.py: one's own API tokens; the admin's for everyone
    "accounts:token-list",
    "accounts:token-revoke",
    # tests/organizations/test_services.py::test_review_matter_is_closed_once
    "organizations:person-review-close",
    # POST only; tests/organizations/test_bodies.py
    "organizations:council-member-end",
    # tests/movements/test_movements.py (section, file, transition, list, public pages)
    "movements:movement-list",
    "movements:movement-section",
    "movements:movement-file",
    "movements:movement-transition",
    "movements:public-list",
    "movements:public-detail",
    "movements:public-file",
    # tests/movements/test_dissemination.py
    "movements:delivery-confirm",
    "movements:movement-remind",
    # tests/movements/test_registration.py
    "movements:registration-list",
    "movements:registration-export",
    "movements:registration-edit",
    "movements:registration-decide",
    # tests/movements/test_progress.py
    "movements:indicator-board",
    "movements:indicator-create",
    "movements:indicator-edit",
    "movements:progress-report",
    "movements:evidence",
    # tests/nominations/test_pages.py
    "nominations:round-list",
    "nominations:round-create",
    "nominations:round-detail",
    "nominations:nomination-create",
    "nominations:nomination-detail",
    "nominations:nomination-move",
    "nominations:nomination-attach",
    # tests/nominations/test_report.py (form, PDF, DOCX draft; other_officer 404)
    "nominations:nomination-report",
    "nominations:nomination-report-generate",
    "nominations:nomination-report-docx",
    # tests/decisions/test_decisions.py
    "decisions:decision-create",
    "decisions:decision-detail",
    "decisions:decision-file",
    # tests/decisions/test_annulment.py
    "awards:verify",
    "awards:annul",
    "decisions:decision-annul",
    "decisions:award-certificate",
    "decisions:decision-certificates",
    # tests/exchange/test_exchange.py
    "exchange:agency-exchange",
    "exchange:agency-exchange-export",
    # tests/decisions/test_award_history.py
    "awards:person-history",
    "awards:agency-history",
    # tests/nominations/test_notices.py
    "nominations:notice-create",
    "nominations:notice-detail",
    "nominations:public-notice-list",
    "nominations:public-notice",
    # tests/nominations/test_submissions.py (inbox, actions, files, packages)
    "submissions:create",
    "submissions:list",
    "submissions:import",
    "submissions:detail",
    "submissions:forward",
    "submissions:package",
    "submissions:document",
    "submissions:item-action",
    "submissions:file",
    # tests/councils/test_pages.py
    "councils:meeting-create",
    "councils:meeting-detail",
    "councils:meeting-action",
    "councils:vote",
    "councils:minutes-file",
    "councils:tally-file",
    # tests/documents/test_register_pages.py
    "documents:register",
    "documents:register-settings",
    "documents:file",
    "documents:layouts",
    # tests/documents/test_signing_pages.py (credentials: also in MATRIX above)
    "documents:credential-deactivate",
    "documents:verify-pdf",
    # tests/documents/test_rerender.py (officer of the agency; others 404)
    "documents:rerender",
    # tests/movements/test_reviews.py
    "movements:review-create",
    "movements:review-edit",
    "movements:review-draft",
    "movements:review-issue",
    "movements:review-file",
    # tests/reports/test_pages.py (Excel, PDF, DOCX; other agency 404)
    "reports:report-file",
}


def _object(org, key):
    if key in org.people:
        return org.people[key]
    if key == "cluster":
        return org.skhdt.cluster_memberships.get().cluster
    return getattr(org, key)


def _url(name, obj):
    return reverse(name, args=[obj.pk]) if obj is not None else reverse(name)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "key"), list(MATRIX))
def test_matrix(client, users, org, role, name, key):
    client.force_login(users[role])
    obj = _object(org, key) if key else None
    response = client.get(_url(name, obj))
    assert response.status_code == MATRIX[(name, key)][ROLES.index(role)]


@pytest.mark.parametrize("role", ROLES)
def test_person_list_shows_exactly_what_the_role_may_see(client, users, org, role):
    client.force_login(users[role])
    response = client.get(reverse("organizations:person-list"), {"size": 200})
    shown = {p.pk for p in response.context["page"]}
    assert shown == {org.people[k].pk for k in VISIBLE_PEOPLE[role]}


def test_hidden_and_missing_objects_answer_identically(client, users, org):
    client.force_login(users["officer"])
    hidden = client.get(
        reverse("organizations:person-detail", args=[org.people["other_staff"].pk])
    )
    missing = client.get(reverse("organizations:person-detail", args=[999999]))
    assert (hidden.status_code, hidden.content) == (
        missing.status_code,
        missing.content,
    )


def test_post_to_a_hidden_person_changes_nothing(client, users, org):
    client.force_login(users["officer"])
    target = org.people["other_staff"]
    response = client.post(
        reverse("organizations:person-assessment", args=[target.pk]),
        {"year": 2024, "rating": "HTXS"},
    )
    assert response.status_code == 404
    assert not target.assessments.exists()


@pytest.mark.parametrize(
    ("name", "key"), [k for k in MATRIX if k[1]] + [("dashboard", None)]
)
def test_anonymous_users_are_sent_to_login(client, org, name, key):
    obj = _object(org, key) if key else None
    response = client.get(_url(name, obj))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_role_revocation_takes_effect_on_the_next_request(client, users, org):
    client.force_login(users["officer"])
    url = reverse("organizations:person-detail", args=[org.people["dkkd_staff"].pk])
    assert client.get(url).status_code == 200
    users["officer"].roles.all().delete()
    assert client.get(url).status_code == 404


def _names(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _names(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def test_every_page_is_classified_in_the_matrix():
    # The API answers 401 itself on every operation: tests/api walks its OpenAPI schema.
    names = {
        n for n in _names(get_resolver().url_patterns) if not n.startswith("api-v1:")
    }
    classified = {name for name, _key in MATRIX} | COVERED_ELSEWHERE
    assert names - classified == set()
