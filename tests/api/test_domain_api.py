"""Nominations, decisions, movements, registrations, councils and assessments: the
pages' visibility (agency B's world is present and never reaches agency A's token),
filters, pages of constant cost, and the nomination transition action."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.common.models import ActivityLog
from thidua.nominations.models import Nomination

from ..movements.factories import make_movement
from .data import build_world
from .helpers import bearer, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org, users):
    return build_world(org, users)


@pytest.fixture
def api(users):
    """A bearer client for a role name, with every scope or those given."""

    def client(role, scopes=None):
        return bearer(token_for(users[role], scopes)[1])

    return client


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_nominations_are_seen_by_the_unit_and_the_round_office_only(api, world):
    n = world.nominations
    ours = {n["draft"].pk, n["submitted"].pk, n["decided"].pk}
    assert ids(api("officer").get("/api/v1/nominations/")) == ours
    assert ids(api("unit_head").get("/api/v1/nominations/")) == {
        n["draft"].pk,
        n["submitted"].pk,
    }
    assert ids(api("other_officer").get("/api/v1/nominations/")) == {n["theirs"].pk}
    hidden = api("officer").get(f"/api/v1/nominations/{n['theirs'].pk}")
    assert (hidden.status_code, hidden.json()) == (404, {"detail": "Không tìm thấy."})
    detail = api("officer").get(f"/api/v1/nominations/{n['decided'].pk}").json()
    assert (
        detail["state"] == "da_quyet_dinh"
        and detail["person"]["name"] == "Hoàng Thị Lan"
    )
    assert [e["to_state"] for e in detail["events"]][:2] == ["da_gui", "da_tham_dinh"]
    assert "cccd" not in str(api("officer").get("/api/v1/nominations/").json())


def test_nomination_filters(api, world, org):
    officer, n = api("officer"), world.nominations
    url = "/api/v1/nominations/"
    assert ids(officer.get(f"{url}?state=nhap")) == {n["draft"].pk}
    assert ids(officer.get(f"{url}?code=CSTDCS")) == {n["draft"].pk}
    assert ids(officer.get(f"{url}?proposing_unit={org.vp.pk}")) == {n["decided"].pk}
    assert len(ids(officer.get(f"{url}?round={world.round.pk}&year=2025"))) == 3
    assert ids(officer.get(f"{url}?year=2024")) == set()
    assert ids(officer.get(f"{url}?round={world.other_round.pk}")) == set()
    bad = officer.get(f"{url}?state=nope")
    assert (bad.status_code, bad.json()["field"]) == (400, "state")
    typo = officer.get(f"{url}?stat=nhap")
    assert (typo.status_code, typo.json()["field"]) == (400, "stat")


def test_decisions_are_the_issuing_office_s(api, world, org):
    officer = api("officer")
    assert ids(officer.get("/api/v1/decisions/")) == {world.decision.pk}
    assert ids(api("unit_head").get("/api/v1/decisions/")) == set()
    assert ids(api("admin").get(f"/api/v1/decisions/?agency={org.other.pk}")) == {
        world.other_decision.pk
    }
    assert ids(officer.get("/api/v1/decisions/?year=2024")) == set()
    assert (
        officer.get(f"/api/v1/decisions/{world.other_decision.pk}").status_code == 404
    )
    detail = officer.get(f"/api/v1/decisions/{world.decision.pk}").json()
    assert detail["symbol"] == "01/QĐ-SKHĐT" and detail["item_count"] == 1
    item = detail["items"][0]
    assert item["nomination_id"] == world.nominations["decided"].pk
    assert item["person"]["name"] == "Hoàng Thị Lan" and item["cash_amount"] > 0


def test_movements_and_registrations(api, world, org):
    draft = make_movement(org, name="Phong trào nháp", year=2027)
    officer = api("officer")
    assert ids(officer.get("/api/v1/movements/")) == {world.movement.pk, draft.pk}
    assert ids(officer.get("/api/v1/movements/?state=da_ban_hanh&year=2026")) == {
        world.movement.pk
    }
    # A unit covered by the movement sees it once issued, never the launcher's draft.
    assert ids(api("unit_head").get("/api/v1/movements/")) == {world.movement.pk}
    assert ids(api("other_officer").get("/api/v1/movements/")) == set()
    assert api("other_officer").get(f"/api/v1/movements/{draft.pk}").status_code == 404
    regs = ids(officer.get(f"/api/v1/registrations/?movement={world.movement.pk}"))
    assert world.registration.pk in regs and len(regs) == 2
    assert ids(api("unit_head").get("/api/v1/registrations/")) == {
        world.registration.pk
    }
    assert ids(officer.get(f"/api/v1/registrations/?agency={org.dkkd.pk}")) == {
        world.registration.pk
    }
    url = f"/api/v1/registrations/{world.registration.pk}"
    assert api("other_officer").get(url).status_code == 404
    detail = officer.get(url).json()
    assert detail["collective_title"] == "TTLDXS" and detail["entry_count"] == 1
    assert detail["entries"][0]["person"]["name"] == "Nguyễn Văn Ánh"


def test_councils_and_assessments(api, world, org):
    officer = api("officer")
    assert ids(officer.get("/api/v1/councils/")) == {org.council.pk}
    assert ids(api("council_member").get("/api/v1/councils/")) == {org.council.pk}
    assert ids(api("admin").get(f"/api/v1/councils/?agency={org.other.pk}")) == {
        org.other_council.pk
    }
    assert officer.get(f"/api/v1/councils/{org.other_council.pk}").status_code == 404
    seats = officer.get(f"/api/v1/councils/{org.council.pk}").json()["members"]
    assert {s["role"] for s in seats} == {"chu_tich", "thu_ky"}
    a = world.assessments
    assert ids(officer.get("/api/v1/assessments/")) == {
        a["dkkd_staff"].pk,
        a["vp_staff"].pk,
    }
    person = org.people["dkkd_staff"]
    assert ids(officer.get(f"/api/v1/assessments/?person={person.pk}&year=2024")) == {
        a["dkkd_staff"].pk
    }
    assert ids(officer.get("/api/v1/assessments/?year=2023")) == set()
    assert officer.get(f"/api/v1/assessments/{a['other_staff'].pk}").status_code == 404
    mine = officer.get(f"/api/v1/assessments/{a['vp_staff'].pk}").json()
    assert (mine["rating"], mine["person"]["name"]) == ("HTT", "Hoàng Thị Lan")


@pytest.mark.parametrize(
    ("path", "scope"),
    [
        ("/api/v1/nominations/", "nominations:read"),
        ("/api/v1/decisions/", "decisions:read"),
        ("/api/v1/movements/", "movements:read"),
        ("/api/v1/registrations/", "movements:read"),
        ("/api/v1/councils/", "councils:read"),
        ("/api/v1/assessments/", "assessments:read"),
    ],
)
def test_lists_need_their_scope_and_cost_the_same_for_1_or_50_rows(
    api, world, org, path, scope
):
    make_movement(org, name="Phong trào thứ hai")
    refused = api("admin", ["people:read"]).get(path)
    assert refused.status_code == 403 and refused.json()["scope"] == scope
    admin = api("admin", [scope])
    admin.get(path)  # the token's use is noted once a minute: not in either count
    with CaptureQueriesContext(connection) as one:
        first = admin.get(f"{path}?limit=1").json()
        assert len(first["results"]) == 1
    with CaptureQueriesContext(connection) as fifty:
        assert len(admin.get(f"{path}?limit=50").json()["results"]) >= 2
    with CaptureQueriesContext(connection) as by_cursor:
        assert len(admin.get(first["next"]).json()["results"]) == 1
    assert len(one) == len(fifty) == len(by_cursor)


def test_a_hidden_object_is_404_even_without_the_scope(api, world):
    theirs = world.nominations["theirs"].pk
    no_scope = api("officer", ["people:read"])
    assert no_scope.get(f"/api/v1/nominations/{theirs}").status_code == 404
    mine = no_scope.get(f"/api/v1/nominations/{world.nominations['draft'].pk}")
    assert mine.status_code == 403


# --- POST /nominations/{id}/transition -------------------------------------------


def move(client, nomination, body):
    url = f"/api/v1/nominations/{nomination.pk}/transition"
    return client.post(url, body, content_type="application/json")


def test_transition_goes_through_the_service_and_is_audited(api, world, users):
    nomination = world.nominations["submitted"]
    body = {
        "to": "da_tham_dinh",
        "appraisal": "Đủ điều kiện.",
        "version": nomination.version,
    }
    response = move(api("officer", ["nominations:write"]), nomination, body)
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "da_tham_dinh"
    assert response.json()["version"] == nomination.version + 1
    assert response.json()["events"][-1]["actor"] == "Trần Thị Thu Hà"
    assert response.json()["appraised_at"] is not None
    # Said at once who decides, from the engine's authority table.
    authority = response.json()["authority"]
    assert (authority["decides"], authority["label"]) == (True, "Cơ quan quyết định")
    assert authority["citation"].startswith("Luật TĐKT 2022")
    nomination.refresh_from_db()
    assert (nomination.state, nomination.appraisal) == ("da_tham_dinh", "Đủ điều kiện.")
    log = ActivityLog.objects.filter(action="nominations.transition").latest("id")
    assert log.actor == users["officer"]
    # The same version again: someone (here, the caller) changed it since.
    stale = move(api("officer"), nomination, {**body, "to": "trinh_hoi_dong"})
    assert stale.status_code == 409
    assert stale.json() == {
        "detail": "Hồ sơ đã được người khác cập nhật.",
        "field": "version",
    }
    assert Nomination.objects.get(pk=nomination.pk).state == "da_tham_dinh"


def test_the_api_cannot_move_a_dossier_past_the_council(api, world):
    """Only a closed ballot or the paper minutes do (issue #14 point 3)."""
    nomination = world.nominations["submitted"]
    client = api("officer", ["nominations:write"])
    for to in ("da_tham_dinh", "trinh_hoi_dong"):
        nomination.refresh_from_db()
        body = {"to": to, "appraisal": "Đủ.", "version": nomination.version}
        assert move(client, nomination, body).status_code == 200
    nomination.refresh_from_db()
    body = {"to": "hoi_dong_da_xet", "version": nomination.version}
    refused = move(client, nomination, body)
    assert refused.status_code == 400, refused.content
    assert "biên bản họp trên giấy" in refused.json()["detail"]
    assert Nomination.objects.get(pk=nomination.pk).state == "trinh_hoi_dong"


def test_transition_text_is_stored_in_nfc(api, world):
    import unicodedata

    nomination = world.nominations["submitted"]
    text = "Đủ điều kiện theo Điều 24 Luật Thi đua, khen thưởng."
    body = {
        "to": "da_tham_dinh",
        "version": nomination.version,
        "appraisal": unicodedata.normalize("NFD", text),
    }
    assert (
        move(api("officer", ["nominations:write"]), nomination, body).status_code == 200
    )
    nomination.refresh_from_db()
    assert nomination.appraisal == text


def test_transition_refusals(api, world):
    n = world.nominations
    submitted, theirs = n["submitted"], n["theirs"]
    version = submitted.version
    # The unit head sees it but the appraisal is the office's: 403.
    head = move(api("unit_head"), submitted, {"to": "da_tham_dinh", "version": version})
    assert head.status_code == 403 and "Không có quyền" in head.json()["detail"]
    # Agency B's nomination: 404, scope or no scope, exactly like a missing one.
    body = {"to": "da_quyet_dinh", "version": theirs.version}
    assert move(api("officer"), theirs, body).status_code == 404
    assert move(api("officer", ["people:read"]), theirs, body).status_code == 404
    # Visible but no write scope: 403 naming it.
    read_only = move(
        api("officer", ["nominations:read"]),
        submitted,
        {"to": "da_tham_dinh", "version": version},
    )
    assert read_only.status_code == 403
    assert read_only.json()["scope"] == "nominations:write"
    # A reason is required to return it.
    reason = move(api("officer"), submitted, {"to": "tra_lai", "version": version})
    assert reason.status_code == 400
    assert reason.json()["field"] == "reason"
    assert reason.json()["detail"] == "Phải ghi rõ lý do."
    # Not a move of the table.
    jump = move(api("officer"), submitted, {"to": "da_khen_thuong", "version": version})
    assert jump.status_code == 400 and "Không thể chuyển" in jump.json()["detail"]
    assert Nomination.objects.get(pk=submitted.pk).state == "da_gui"


@pytest.mark.parametrize(
    ("body", "field", "detail"),
    [
        (
            {"to": "da_tham_dinh", "version": 2, "note": "x"},
            "note",
            "note: không được hỗ trợ",
        ),
        (
            {"to": "da_tham_dinh", "version": "2"},
            "version",
            "version: phải là số nguyên",
        ),
        (
            {"to": "da_tham_dinh", "version": True},
            "version",
            "version: phải là số nguyên",
        ),
        ({"to": "da_tham_dinh"}, "version", "version: bắt buộc"),
        (
            {"to": "nope", "version": 2},
            "to",
            "to: không nằm trong các giá trị cho phép",
        ),
        (
            {"to": "tra_lai", "reason": 5, "version": 2},
            "reason",
            "reason: phải là chuỗi",
        ),
        ([], "body", "body: phải là một đối tượng JSON"),
    ],
)
def test_transition_bodies_are_checked_field_by_field(api, world, body, field, detail):
    response = move(api("officer"), world.nominations["submitted"], body)
    assert response.status_code == 400
    assert (response.json()["field"], response.json()["detail"]) == (field, detail)


def test_a_session_reads_but_does_not_write(client_for, world):
    client = client_for("officer")
    nomination = world.nominations["submitted"]
    assert client.get(f"/api/v1/nominations/{nomination.pk}").status_code == 200
    response = move(client, nomination, {"to": "da_tham_dinh", "version": 2})
    assert response.status_code == 403
    assert response.json()["scope"] == "nominations:write"


def test_numbers_beyond_what_the_database_holds_are_400_not_500(api, world):
    huge = 10**20  # found by schemathesis: an OverflowError in the driver before
    officer = api("officer")
    for url, field in [
        (f"/api/v1/awards/?person={huge}", "person"),
        (f"/api/v1/nominations/{huge}", "nomination_id"),
        (f"/api/v1/people/?offset={huge}", "offset"),
        ("/api/v1/decisions/?year=20250", "year"),
    ]:
        response = officer.get(url)
        assert (response.status_code, response.json()["field"]) == (400, field), url
    assert officer.get("/api/v1/decisions/?year=1800").json()["detail"] == (
        "year: phải từ 1900 trở lên"
    )
