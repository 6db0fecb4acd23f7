"""Search across the installation (issue #6 item 4; docs/search.md)."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.common.text import search_words
from thidua.decisions.enums import DecisionState
from thidua.decisions.models import Decision
from thidua.documents.services.numbering import declare_numbers_used, issue_document
from thidua.movements.models import Movement
from thidua.nominations.services.nomination import create_nomination, open_round
from thidua.organizations.services.structure import update_agency
from thidua.site.search import search_all

from ..factories import make_person

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 5)


def _found(results, kind) -> list[str]:
    group = next((g for g in results.groups if g.key == kind), None)
    return [str(item) for item in group.items] if group else []


def _issue(agency, type_code, summary):
    with transaction.atomic():
        return issue_document(
            type_code=type_code,
            agency=agency,
            issued_on=DAY,
            summary=summary,
            signer_title="Giám đốc",
            signer_name="Vũ Hoàng Quý",
        )


def _decision(round_, summary):
    with transaction.atomic():
        document = issue_document(
            type_code="QĐ",
            agency=round_.agency,
            issued_on=DAY,
            summary=summary,
            signer_title="Giám đốc",
            signer_name="Vũ Hoàng Quý",
        )
        # Issued as a decision from before the head's approval step (legacy): the
        # search needs a numbered decision, not the steps that lead to one.
        return Decision.objects.create(
            round=round_,
            issued_document=document,
            state=DecisionState.ISSUED,
            legacy=True,
            summary=summary,
            signer_title="Giám đốc",
            signer_name="Vũ Hoàng Quý",
        )


@pytest.fixture
def world(org):
    """The same kinds of data on both sides: SKHĐT (officer's) and Sở Tài chính."""
    update_agency(org.other, expected_version=org.other.version, abbreviation="STC")
    org.other.refresh_from_db()
    rounds = {}
    for key, agency in (("skhdt", org.skhdt), ("other", org.other)):
        rounds[key] = open_round(
            agency=agency,
            name="Xét 2025",
            kind="hang_nam",
            year=2025,
            submission_deadline=datetime.date(2099, 1, 1),
        )
    create_nomination(
        rounds["skhdt"],
        proposing_unit=org.dkkd,
        person=org.people["dkkd_staff"],
        code="LDTT",
    )
    create_nomination(
        rounds["other"],
        proposing_unit=org.other_unit,
        person=org.people["other_staff"],
        code="LDTT",
    )
    _decision(rounds["skhdt"], "Về việc tặng danh hiệu Lao động tiên tiến năm 2025")
    _decision(rounds["other"], "Về việc tặng danh hiệu Lao động tiên tiến năm 2025")
    movement = Movement.objects.create(
        name="Thi đua chuyển đổi số năm 2026",
        kind="chuyen_de",
        year=2026,
        launcher=org.skhdt,
        scope_agency=org.skhdt,
    )
    # The văn thư's paper book ended at 172: the launch plan takes 173.
    declare_numbers_used(year=DAY.year, last_number=172, agency=org.skhdt)
    launch = _issue(org.skhdt, "KH", "Kế hoạch thi đua chuyển đổi số năm 2026")
    movement.issued_document = launch
    # Issued outside the services: as before the head's approval step existed.
    movement.state, movement.legacy = "da_ban_hanh", True
    movement.save(update_fields=["state", "issued_document", "legacy"])
    return rounds


def test_search_words_fold_document_numbers():
    for spelling in (
        "173/PD-SKHĐT",
        "173/pd-skhdt",
        "173 PD SKHDT",
        " 173 / PD - SKHĐT",
    ):
        assert search_words(spelling) == "173 pd skhdt"
    assert search_words("05/QĐ-SKHĐT") == search_words("5/qd skhdt") == "5 qd skhdt"


def test_diacritics_and_case_are_ignored(org, users):
    results = search_all(users["admin"], "nguyen van anh")
    assert _found(results, "people") == ["Nguyễn Văn Ánh"]
    results = search_all(users["admin"], "SO KE HOACH")
    assert _found(results, "agencies") == ["Sở Kế hoạch và Đầu tư"]
    assert "Sở Kế hoạch và Đầu tư" in _found(
        search_all(users["admin"], "SKHĐT"), "agencies"
    )


def test_renamed_agency_is_found_by_its_new_name(org, users):
    update_agency(org.vp, expected_version=org.vp.version, name="Văn phòng Đổi mới")
    assert _found(search_all(users["admin"], "doi moi"), "agencies") == [
        "Văn phòng Đổi mới"
    ]


def test_cccd_is_an_exact_lookup_among_visible_people(org, users):
    anh = org.people["dkkd_staff"]
    results = search_all(users["officer"], anh.cccd)
    assert _found(results, "people") == ["Nguyễn Văn Ánh"]
    assert [g.key for g in results.groups] == ["people", "nominations"]
    other = org.people["other_staff"]
    assert _found(search_all(users["officer"], other.cccd), "people") == []
    assert _found(search_all(users["other_officer"], other.cccd), "people") == [
        "Phạm Quốc Dũng"
    ]


@pytest.mark.parametrize(
    "query", ["173/KH-SKHĐT", "173/kh-skhdt", "173 KH SKHDT", "173/KH"]
)
def test_document_number_variants(world, users, query):
    results = search_all(users["officer"], query)
    assert _found(results, "documents") == ["173/KH-SKHĐT"]
    assert _found(results, "movements") == ["Thi đua chuyển đổi số năm 2026"]


def test_decision_by_number_and_summary(world, users):
    assert _found(search_all(users["officer"], "01/qđ-skhđt"), "decisions") == [
        "01/QĐ-SKHĐT"
    ]
    assert _found(search_all(users["officer"], "1 QD SKHDT"), "decisions") == [
        "01/QĐ-SKHĐT"
    ]
    by_summary = search_all(users["officer"], "lao dong tien tien")
    assert _found(by_summary, "decisions") == ["01/QĐ-SKHĐT"]
    assert _found(by_summary, "documents") == ["01/QĐ-SKHĐT"]


def test_officer_of_a_does_not_find_b(world, users):
    """Sở Tài chính has the same kinds of data; the SKHĐT officer finds none of it."""
    officer = users["officer"]
    assert _found(search_all(officer, "pham quoc dung"), "people") == []
    assert _found(search_all(officer, "pham quoc dung"), "nominations") == []
    assert _found(search_all(officer, "nguyen van anh"), "nominations") == [
        "Nguyễn Văn Ánh – Lao động tiên tiến 2025"
    ]
    assert _found(search_all(officer, "01/QĐ-STC"), "decisions") == []
    assert _found(search_all(officer, "01/QĐ-STC"), "documents") == []
    other = users["other_officer"]
    assert _found(search_all(other, "01/QĐ-STC"), "decisions") == ["01/QĐ-STC"]
    assert _found(search_all(other, "nguyen van anh"), "people") == []
    assert _found(search_all(other, "chuyen doi so"), "movements") == []


def test_staff_sees_only_what_staff_sees(world, users):
    staff = users["staff"]  # Hoàng Thị Lan, Văn phòng Sở KH&ĐT
    assert _found(search_all(staff, "hoang thi lan"), "people") == ["Hoàng Thị Lan"]
    assert _found(search_all(staff, "nguyen van anh"), "people") == []
    assert _found(search_all(staff, "nguyen van anh"), "nominations") == []
    assert _found(search_all(staff, "lao dong"), "decisions") == []
    assert _found(search_all(staff, "chuyen doi so"), "documents") == []
    # An issued movement whose scope covers the staff member's unit is public to them.
    assert _found(search_all(staff, "chuyen doi so"), "movements") == [
        "Thi đua chuyển đổi số năm 2026"
    ]


def test_short_queries_are_not_run(users):
    with CaptureQueriesContext(connection) as queries:
        assert search_all(users["admin"], "a") is None
        assert search_all(users["admin"], " đ ") is None
        assert search_all(users["admin"], "--") is None
    assert len(queries) == 0


def test_query_count_does_not_grow_with_matches(org, users):
    officer = users["officer"]
    for i in range(3):
        make_person(org.vp, f"Đỗ Thị Hạnh {i}", gender="nu")
    search_all(officer, "do thi hanh")  # warm the scopes cache
    with CaptureQueriesContext(connection) as few:
        results = search_all(officer, "do thi hanh")
    assert len(_found(results, "people")) == 3
    for i in range(3, 50):
        make_person(org.vp, f"Đỗ Thị Hạnh {i}", gender="nu")
    with CaptureQueriesContext(connection) as many:
        results = search_all(officer, "do thi hanh")
    assert len(_found(results, "people")) == 10
    assert next(g for g in results.groups if g.key == "people").more
    # One query per kind (6), plus the movement scope's own unit and its ancestors;
    # people take a second query when the whole-word matches do not fill the page.
    assert len(many) <= len(few) <= len(many) + 1 <= 9


def test_whole_words_in_order_come_first(org, users):
    """The query "nguyen van" finds a Nguyễn Văn before a Nguyễn Bích Vân, although "bich" sorts
    before "van"; a substring ("vanh") comes after whole words."""
    for name in ("Nguyễn Bích Vân", "Nguyễn Văn Bình", "Nguyễn Vanh", "Lê Nguyễn Văn"):
        make_person(org.vp, name)
    found = _found(search_all(users["admin"], "nguyen van"), "people")
    whole = {"Nguyễn Văn Ánh", "Nguyễn Văn Bình", "Lê Nguyễn Văn"}
    assert set(found[: len(whole)]) == whole
    assert found.index("Nguyễn Vanh") > found.index("Lê Nguyễn Văn")
    assert "Nguyễn Bích Vân" in found[len(whole) :]


def test_whole_words_fill_the_page_alone(org, users):
    for i in range(12):
        make_person(org.vp, f"Trần Văn {i:02d}")
    make_person(org.vp, "Trần Thị Vân")
    found = _found(search_all(users["admin"], "tran van"), "people")
    assert len(found) == 10 and "Trần Thị Vân" not in found


def test_page_renders_grouped_results(world, client_for):
    client = client_for("officer")
    response = client.get(reverse("search"), {"q": "nguyen van anh"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="search-people"' in body
    assert 'data-testid="search-nominations"' in body
    assert "Nguyễn Văn Ánh" in body
    assert "Phạm Quốc Dũng" not in body
    hint = client.get(reverse("search"), {"q": "a"}).content.decode()
    assert 'data-testid="search-hint"' in hint
    empty = client.get(reverse("search"), {"q": "khong co ai"}).content.decode()
    assert 'data-testid="search-empty"' in empty


def test_htmx_request_gets_only_the_results(world, client_for):
    client = client_for("officer")
    response = client.get(
        reverse("search"),
        {"q": "173/KH-SKHĐT"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="search-results",
    )
    body = response.content.decode()
    assert "173/KH-SKHĐT" in body
    assert "<nav" not in body


@pytest.mark.parametrize("name", ["dashboard", "organizations:person-list", "search"])
def test_every_page_has_the_search_box(client_for, name):
    body = client_for("staff").get(reverse(name)).content.decode()
    assert 'data-testid="nav-search"' in body
    assert f'action="{reverse("search")}"' in body


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(reverse("search"), {"q": "nguyen"})
    assert response.status_code == 302
