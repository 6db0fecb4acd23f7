"""Read endpoints: the same visibility as the pages (agency B's data is present and
never leaks to agency A's token), pages of constant cost, parameters checked."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from thidua.awards.services.register import record_award

from ..factories import make_person
from .helpers import bearer, token_for

pytestmark = pytest.mark.django_db


def award(code, year, **subject):
    return record_award(
        code=code,
        year=year,
        decision_number=f"{year}/QĐ-UBND",
        decision_date=datetime.date(year + 1, 1, 15),
        decided_by="Chủ tịch UBND tỉnh",
        **subject,
    )


@pytest.fixture
def awards(org):
    return {
        "ours": award("LDTT", 2023, person=org.people["dkkd_staff"]),
        "ours_2024": award("CSTDCS", 2024, person=org.people["dkkd_staff"]),
        "collective": award("TTLDTT", 2024, agency=org.dkkd),
        "theirs": award("LDTT", 2023, person=org.people["other_staff"]),
        "their_unit": award("TTLDTT", 2023, agency=org.other_unit),
    }


@pytest.fixture
def officer(users):
    return bearer(token_for(users["officer"])[1])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_agency_a_token_never_reads_agency_b(officer, org, awards):
    people = ids(officer.get("/api/v1/people/?limit=200"))
    assert org.people["dkkd_staff"].pk in people
    assert org.people["other_staff"].pk not in people
    other = org.people["other_staff"]
    hidden = officer.get(f"/api/v1/people/{other.pk}")
    missing = officer.get("/api/v1/people/999999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json() == {"detail": "Không tìm thấy."}
    assert officer.get(f"/api/v1/people/?cccd={other.cccd}").json()["count"] == 0
    assert officer.get(f"/api/v1/people/?q={other.cccd}").json()["count"] == 0
    assert ids(officer.get("/api/v1/awards/")) == {
        awards["ours"].pk,
        awards["ours_2024"].pk,
        awards["collective"].pk,
    }
    for key in ("theirs", "their_unit"):
        assert officer.get(f"/api/v1/awards/{awards[key].pk}").status_code == 404
    mirror = bearer(token_for(org.people["other_staff"].user)[1])
    assert ids(mirror.get("/api/v1/awards/")) == {
        awards["theirs"].pk,
        awards["their_unit"].pk,
    }


def test_unit_head_sees_people_awards_of_the_unit_but_not_collective_ones(
    users, awards
):
    head = bearer(token_for(users["unit_head"])[1])
    assert ids(head.get("/api/v1/awards/")) == {
        awards["ours"].pk,
        awards["ours_2024"].pk,
    }
    assert head.get(f"/api/v1/awards/{awards['collective'].pk}").status_code == 404


def test_cccd_in_full_only_for_who_may_edit_and_never_in_the_list(users, org):
    person = org.people["dkkd_staff"]
    listed = bearer(token_for(users["officer"])[1]).get("/api/v1/people/")
    assert "cccd" not in listed.json()["results"][0]
    assert person.cccd not in listed.content.decode()
    full = bearer(token_for(users["officer"])[1]).get(f"/api/v1/people/{person.pk}")
    assert full.json()["cccd"] == person.cccd
    masked = bearer(token_for(users["unit_head"])[1]).get(f"/api/v1/people/{person.pk}")
    assert masked.json()["cccd"] == person.masked_cccd


def test_people_filters(officer, org):
    make_person(org.dkkd, "Nguyễn Thị Ánh Tuyết", gender="nu")
    found = officer.get("/api/v1/people/?q=nguyen anh").json()
    names = {row["full_name"] for row in found["results"]}
    assert names == {"Nguyễn Văn Ánh", "Nguyễn Thị Ánh Tuyết"}
    assert officer.get("/api/v1/people/?q=NGUYỄN VĂN ÁNH").json()["count"] == 1
    in_unit = ids(officer.get(f"/api/v1/people/?unit={org.vp.pk}"))
    assert org.people["vp_staff"].pk in in_unit
    assert org.people["dkkd_staff"].pk not in in_unit
    person = org.people["dkkd_staff"]
    assert ids(officer.get(f"/api/v1/people/?cccd={person.cccd}")) == {person.pk}
    response = officer.get("/api/v1/people/?unit=999999")
    assert (response.status_code, response.json()["field"]) == (400, "unit")


def test_award_filters(officer, org, awards):
    person = org.people["dkkd_staff"]
    assert ids(officer.get("/api/v1/awards/?year=2024")) == {
        awards["ours_2024"].pk,
        awards["collective"].pk,
    }
    assert ids(officer.get("/api/v1/awards/?code=LDTT")) == {awards["ours"].pk}
    assert ids(officer.get(f"/api/v1/awards/?person={person.pk}")) == {
        awards["ours"].pk,
        awards["ours_2024"].pk,
    }
    assert ids(officer.get(f"/api/v1/awards/?agency={org.dkkd.pk}")) == {
        awards["collective"].pk
    }
    assert ids(officer.get("/api/v1/awards/?revoked=true")) == set()
    assert len(ids(officer.get("/api/v1/awards/?revoked=false"))) == 3
    detail = officer.get(f"/api/v1/awards/{awards['collective'].pk}").json()
    assert detail["agency"] == {"id": org.dkkd.pk, "name": org.dkkd.name}
    assert detail["person"] is None and detail["code"] == "TTLDTT"


def test_agencies_are_the_public_tree(officer, org):
    page = officer.get(f"/api/v1/agencies/?parent={org.skhdt.pk}").json()
    assert {row["id"] for row in page["results"]} == {org.vp.pk, org.dkkd.pk}
    detail = officer.get(f"/api/v1/agencies/{org.other.pk}").json()
    assert detail["code"] == org.other.code and detail["parent_id"] == org.province.pk
    response = officer.get("/api/v1/agencies/?level=nope")
    assert (response.status_code, response.json()["field"]) == (400, "level")


def test_pages_walk_the_whole_list_in_a_stable_order(officer):
    seen, url = [], "/api/v1/people/?limit=2"
    total = officer.get(url).json()["count"]
    while url:
        page = officer.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == total >= 3
    last = officer.get(f"/api/v1/people/?limit=2&offset={total - 1}").json()
    assert last["next"] is None and "offset=" in last["previous"]
    assert officer.get("/api/v1/people/").json()["previous"] is None


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("limit=0", "limit", "limit: phải từ 1 đến 200"),
        ("limit=201", "limit", "limit: phải từ 1 đến 200"),
        ("offset=-1", "offset", "offset: không được âm"),
        ("limit=abc", "limit", "limit: phải là số nguyên"),
        ("year=2024", "year", "year: tham số không được hỗ trợ"),
        ("q=a&unti=3", "unti", "unti: tham số không được hỗ trợ"),
    ],
)
def test_bad_parameters_get_400_naming_them(officer, query, field, message):
    response = officer.get(f"/api/v1/people/?{query}")
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["detail"] == message


def test_detail_endpoints_refuse_parameters_too(officer, org):
    response = officer.get(f"/api/v1/people/{org.people['dkkd_staff'].pk}?limit=1")
    assert (response.status_code, response.json()["field"]) == (400, "limit")


def test_awards_of_a_bad_year_type_get_400(officer):
    response = officer.get("/api/v1/awards/?revoked=maybe")
    assert response.json() == {
        "detail": "revoked: phải là true hoặc false",
        "field": "revoked",
        "errors": ["revoked: phải là true hoặc false"],
    }


@pytest.mark.parametrize("path", ["/api/v1/people/", "/api/v1/awards/"])
def test_a_page_costs_the_same_queries_for_1_or_50_rows(officer, org, path):
    for i in range(12):
        person = make_person(org.dkkd, f"Đinh Văn Số {i}")
        award("LDTT", 2022, person=person)
    officer.get(path)  # the token's use is noted once a minute: not in either count
    with CaptureQueriesContext(connection) as one:
        assert len(officer.get(f"{path}?limit=1").json()["results"]) == 1
    with CaptureQueriesContext(connection) as fifty:
        assert len(officer.get(f"{path}?limit=50").json()["results"]) > 10
    assert len(one) == len(fifty)


def test_oversized_and_malformed_bodies(officer, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    big = officer.post("/api/v1/eligibility/check", "x" * 2000, "application/json")
    assert big.status_code == 413
    assert big.json() == {"detail": "Dữ liệu gửi lên quá lớn.", "field": "body"}
    bad = officer.post("/api/v1/eligibility/check", "{nope", "application/json")
    assert bad.status_code == 400 and "JSON không hợp lệ" in bad.json()["detail"]


def test_schema_lists_the_endpoints_and_the_bearer_scheme(db):
    schema = Client().get("/api/v1/schema/").json()
    for path in [
        "/api/v1/agencies/",
        "/api/v1/agencies/{agency_id}",
        "/api/v1/people/",
        "/api/v1/people/{person_id}",
        "/api/v1/awards/",
        "/api/v1/awards/{award_id}",
    ]:
        assert "get" in schema["paths"][path]
    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["TokenAuth"].items()
    security = schema["paths"]["/api/v1/people/"]["get"]["security"]
    assert {"TokenAuth": []} in security


def test_eligibility_endpoints_refuse_unknown_parameters(officer, org):
    person = org.people["dkkd_staff"]
    response = officer.get(f"/api/v1/eligibility/people/{person.pk}?year=2024&yaer=1")
    assert (response.status_code, response.json()["field"]) == (400, "yaer")
    response = officer.get("/api/v1/eligibility/explain/LDTT?regim=nd91_2017")
    assert (response.status_code, response.json()["field"]) == (400, "regim")
    ok = officer.get(f"/api/v1/eligibility/people/{person.pk}?year=2024")
    assert ok.status_code == 200


def test_a_token_acts_as_its_owner_even_beside_a_session(client_for, users, org):
    client = client_for("other_officer")
    _, plaintext = token_for(users["officer"], ["people:read"])
    mine = org.people["dkkd_staff"]
    response = client.get(
        f"/api/v1/people/{mine.pk}", headers={"Authorization": f"Bearer {plaintext}"}
    )
    assert response.status_code == 200
    assert client.get(f"/api/v1/people/{mine.pk}").status_code == 404
