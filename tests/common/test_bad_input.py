"""Wrong input answers 400 naming the parameter, or 404 for an id that cannot be one —
never 500 (tests/common/test_crawl.py looks for the rest on every page)."""

import datetime

import pytest
from django.http import Http404, QueryDict
from django.urls import reverse

from thidua.common.params import MAX_ID, BadParameter, id_list, id_param, int_param
from thidua.nominations.services.nomination import create_nomination, open_round

from ..api.helpers import bearer, token_for

HUGE = "9" * 25


def test_numbers_and_ids_are_read_strictly():
    query = QueryDict(f"a=12&b=abc&c={HUGE}&d=&e=-3&f=1e3&g=%00&h=%D9%A1&i=%2B7&j=+7")
    assert int_param(query, "a") == 12 and int_param(query, "d", 5) == 5
    assert int_param(query, "missing") is None and int_param(query, "i") == 7
    with pytest.raises(BadParameter):  # "+" is a space: " 7"
        int_param(query, "j")
    for name in "bfgh":  # letters, exponent, NUL, an Arabic-Indic digit
        with pytest.raises(BadParameter, match=f"^{name}: phải là số nguyên$"):
            int_param(query, name)
    with pytest.raises(BadParameter, match=f"^c: phải từ {MAX_ID} trở xuống$"):
        int_param(query, "c", max_value=MAX_ID)
    with pytest.raises(BadParameter, match="^e: phải từ 1 trở lên$"):
        int_param(query, "e", min_value=1)
    assert id_param(query, "a") == 12 and id_param(query, "d") is None
    for name in "bceg":
        with pytest.raises(Http404):
            id_param(query, name)
    many = QueryDict(f"n=3&n=abc&n={HUGE}&n=0&n=4")
    assert id_list(many, "n") == [3, 4]


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/ca-nhan/?q=a%00b",
        "/nhat-ky/?action=%00",
        "/tim-kiem/?q=%00",
        "/xac-minh/%00/",
        "/ca-nhan/?%00=1",
    ],
)
def test_a_nul_byte_anywhere_in_a_request_is_refused_naming_where(client_for, url):
    """PostgreSQL refuses NUL in a query (psycopg raised, a 500); on SQLite it would be
    stored. Refused at the door, whatever the database."""
    response = client_for("admin").get(url)
    assert response.status_code == 400
    assert "không được chứa ký tự NUL" in response.content.decode()


def test_nul_in_a_form_field_a_cookie_or_a_json_body(client, client_for, users, org):
    response = client_for("officer").post(
        reverse("organizations:person-edit", args=[org.people["dkkd_staff"].pk]),
        {"full_name": "Nguyễn\x00 Văn A"},
    )
    assert response.status_code == 400
    assert "full_name: không được chứa ký tự NUL" in response.content.decode()
    client.cookies["sessionid"] = "abcdefgh\x00"  # read before any session lookup
    assert client.get("/").status_code == 400
    api = bearer(token_for(users["officer"])[1])
    assert api.get("/api/v1/people/?q=%00").json() == {
        "detail": "q: không được chứa ký tự NUL",
        "field": "q",
    }
    body = {"to": "da_gui", "reason": "x\x00", "version": 1}
    response = api.post("/api/v1/nominations/1/transition", body, "application/json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "reason: không được chứa ký tự NUL",
        "field": "reason",
    }


@pytest.mark.parametrize("value", ["abc", "1e3", HUGE, "-1"])
def test_ids_in_query_strings(client_for, org, value):
    officer = client_for("officer")
    charts, create = reverse("dashboard-charts"), reverse("movements:movement-create")
    assert officer.get(charts, {"co_quan": value}).status_code == 404
    assert officer.get(charts, {"phong_trao": value}).status_code == 404
    assert officer.get(create, {"co_quan": value}).status_code == 404


def test_a_version_that_is_no_number_is_named(client_for, org):
    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 12, 31),
    )
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    url = reverse("nominations:nomination-move", args=[nomination.pk])
    for value in ("abc", "0"):
        response = client_for("officer").post(url, {"to": "da_gui", "version": value})
        assert response.status_code == 400
        assert "version: phải" in response.content.decode()


def test_the_400_page_says_only_what_thidua_named(client):
    """Django's own refusals (a suspicious request) do not echo what was sent."""
    response = client.get("/", headers={"host": "evil\x00.example"})
    assert response.status_code == 400
    assert "evil" not in response.content.decode()


def test_other_control_characters_are_dropped_where_text_comes_in(rf, org, client_for):
    """No document thidua writes (DOCX, XLSX) can hold them: a name with one made its
    award history a 500. A vertical tab (Word's line break, pasted) is a line break."""
    from django.http import HttpResponse

    from thidua.api.v1 import JsonParser
    from thidua.awards.services.register import record_award
    from thidua.common.middleware import ControlCharacterMiddleware

    from ..factories import make_person

    person = make_person(org.dkkd, "Trần\x01 Văn\x1f B")  # a service: nfc()
    assert person.full_name == "Trần Văn B"
    record_award(
        person=person,
        code="LDTT",
        year=2023,
        decision_number="01/QĐ-SKHĐT",
        decision_date=datetime.date(2024, 1, 15),
        decided_by="Giám đốc Sở",
    )
    history = reverse("awards:person-history", args=[person.pk, "docx"])
    assert client_for("officer").get(history).status_code == 200
    seen = {}

    def view(request):
        seen.update(get=request.GET.get("q"), post=request.POST.getlist("pledges"))
        return HttpResponse()

    request = rf.post("/?q=a%07b", {"pledges": ["Dòng 1\x0bDòng 2\x02", "ok"]})
    ControlCharacterMiddleware(view)(request)
    assert seen == {"get": "ab", "post": ["Dòng 1\nDòng 2", "ok"]}
    body = rf.post("/", {"reason": "a\x01b", "n": [1, "c\x0cd"]}, "application/json")
    assert JsonParser().parse_body(body) == {"reason": "ab", "n": [1, "c\nd"]}
