"""Nominating in bulk from the unit's approved registrations (issue #17, point 2)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.movements.models import Registration, RegistrationEntry
from thidua.nominations.models import Nomination
from thidua.nominations.selectors.bulk import (
    Candidate,
    registration_candidates,
    taken_subjects,
)
from thidua.nominations.services import bulk
from thidua.nominations.services.bulk import Proposal, create_nominations
from thidua.nominations.services.nomination import create_nomination, open_round
from thidua.organizations.eligibility import Verdict
from thidua.organizations.enums import VerdictStatus

from ..movements.factories import make_movement

pytestmark = pytest.mark.django_db


def register(movement, agency, titles, *, collective="TTLDXS", state="da_duyet"):
    registration = Registration.objects.create(
        movement=movement, agency=agency, collective_title=collective, state=state
    )
    for person, title in titles:
        RegistrationEntry.objects.create(
            registration=registration, person=person, title=title
        )
    return registration


def make_round(org, movement=None, year=2026):
    return open_round(
        agency=org.skhdt,
        name=f"Tổng kết {year}",
        kind="tong_ket_phong_trao" if movement else "hang_nam",
        year=year,
        movement=movement,
        submission_deadline=datetime.date(2099, 12, 31),
    )


@pytest.fixture
def movement(org):
    return make_movement(org)


@pytest.fixture
def registered(org, movement):
    head, staff = org.people["head"], org.people["dkkd_staff"]
    register(movement, org.dkkd, [(head, "CSTDCS"), (staff, "LDTT")])
    return make_round(org, movement)


def url(round_, name="bulk-registration"):
    return reverse(f"nominations:{name}", args=[round_.pk])


def test_candidates_are_the_approved_registration_with_verdicts(org, registered):
    candidates = registration_candidates(registered, org.dkkd)
    assert [(str(c.subject), c.code) for c in candidates] == [
        ("Phòng Đăng ký kinh doanh", "TTLDXS"),
        ("Nguyễn Văn Ánh", "LDTT"),
        ("Lê Minh Đức", "CSTDCS"),
    ]
    assert all(c.verdict is not None and not c.taken for c in candidates)
    assert candidates[0].code_name == "Tập thể lao động xuất sắc"
    # Another unit's, or one not yet approved, is not offered.
    assert registration_candidates(registered, org.vp) == []


def test_a_round_without_movement_takes_the_years_movements(org, movement):
    staff = org.people["dkkd_staff"]
    register(movement, org.dkkd, [(staff, "LDTT")], collective="")
    second = make_movement(org, name="Phong trào chuyển đổi số năm 2026")
    register(second, org.dkkd, [(staff, "CSTDCS")])
    third = make_movement(org, name="Phong trào cải cách hành chính năm 2026")
    register(third, org.dkkd, [])
    register(make_movement(org, year=2025), org.dkkd, [(org.people["head"], "LDTT")])
    candidates = registration_candidates(make_round(org), org.dkkd)
    # Once each: the first movement's title for the person, the second's for the unit.
    assert [(str(c.subject), c.code) for c in candidates] == [
        ("Phòng Đăng ký kinh doanh", "TTLDXS"),
        ("Nguyễn Văn Ánh", "LDTT"),
    ]


def test_unit_head_creates_all_in_one_step_audited(client_for, org, registered):
    client = client_for("unit_head")
    page = client.get(url(registered))
    assert page.status_code == 200
    content = page.content.decode()
    assert 'data-testid="registration-candidates"' in content
    candidates = page.context["candidates"]
    assert all(c.ticked_now for c in candidates)
    staff = org.people["dkkd_staff"]
    response = client.post(
        url(registered),
        {
            "don_vi": org.dkkd.pk,
            "chon": [c.key for c in candidates if c.person != org.people["head"]],
            f"danh_hieu_p{staff.pk}": "GIAY_KHEN",
        },
    )
    assert response.status_code == 302
    assert sorted(Nomination.objects.values_list("code", flat=True)) == [
        "GIAY_KHEN",
        "TTLDXS",
    ]
    assert ActivityLog.objects.filter(action="nominations.create").count() == 2
    summary = ActivityLog.objects.get(action="nominations.bulk_create")
    assert summary.data["count"] == 2 and summary.data["source"] == "dang_ky"
    # Proposed now (the unit's registered title; the person for another one): shown
    # as such and no longer ticked.
    again = client.get(url(registered)).context["candidates"]
    assert [c.taken for c in again] == [True, False, False]
    assert [c.ticked_now for c in again] == [False, True, True]


def test_refusals_name_each_row_and_write_nothing(client_for, org, registered):
    create_nomination(
        registered,
        proposing_unit=org.dkkd,
        person=org.people["dkkd_staff"],
        code="LDTT",
    )
    client = client_for("unit_head")
    candidates = client.get(url(registered)).context["candidates"]
    head = org.people["head"]
    response = client.post(
        url(registered),
        {
            "chon": [c.key for c in candidates],
            f"danh_hieu_p{head.pk}": "TTLDTT",  # a collective title for a person
        },
    )
    assert response.status_code == 200
    errors = [str(m) for m in response.context["messages"]]
    assert "Lê Minh Đức: Danh hiệu, hình thức không dành cho đối tượng này." in errors
    assert any(m.startswith("Nguyễn Văn Ánh: Đối tượng đã có hồ sơ") for m in errors)
    assert Nomination.objects.count() == 1
    # What was posted is shown again.
    shown = {c.key: c for c in response.context["candidates"]}
    assert shown[f"p{head.pk}"].code == "TTLDTT"
    response = client.post(url(registered), {})
    assert "Chưa chọn đối tượng nào để đề nghị." in response.content.decode()


def test_who_may_and_which_unit(client_for, org, registered):
    assert client_for("staff").get(url(registered)).status_code == 404
    officer = client_for("officer")
    page = officer.get(url(registered), {"don_vi": org.dkkd.pk})
    assert page.context["unit"] == org.dkkd
    assert 'data-testid="unit-picker"' in page.content.decode()
    assert officer.get(url(registered), {"don_vi": org.other.pk}).status_code == 404
    client = client_for("unit_head")
    assert client.get(url(registered), {"don_vi": "x"}).status_code == 404
    empty = client.get(url(make_round(org, year=2030)))
    assert 'data-testid="no-candidates"' in empty.content.decode()


def test_a_duplicate_listed_twice_and_a_race_are_named(org, registered, monkeypatch):
    staff = org.people["dkkd_staff"]
    twice = [
        Proposal(label="Dòng 2", code="LDTT", person=staff),
        Proposal(label="Dòng 3", code="LDTT", person=staff),
    ]
    with pytest.raises(ValidationError) as exc:
        create_nominations(
            registered, proposing_unit=org.dkkd, proposals=twice, source="excel"
        )
    assert exc.value.messages == ["Dòng 3: trùng với Dòng 2."]
    # Another user proposed the same between the check and the write: all undone.
    create_nomination(registered, proposing_unit=org.dkkd, person=staff, code="LDTT")
    monkeypatch.setattr(bulk, "taken_subjects", lambda year, keys: set())
    batch = [
        Proposal(label="Tập thể", code="TTLDTT", agency=org.dkkd),
        Proposal(label="Dòng 3", code="LDTT", person=staff),
    ]
    with pytest.raises(ValidationError) as exc:
        create_nominations(
            registered, proposing_unit=org.dkkd, proposals=batch, source="excel"
        )
    assert exc.value.messages[0].startswith("Dòng 3: Đối tượng đã có hồ sơ")
    assert Nomination.objects.count() == 1


def test_taken_subjects_and_a_barred_candidate_is_not_ticked(org):
    assert taken_subjects(2026, []) == set()
    barred = Candidate(
        key="p1",
        code="LDTT",
        person=org.people["head"],
        verdict=Verdict(status=VerdictStatus.BLOCKED, missing=()),
    )
    assert not barred.ticked
    assert Candidate(key="a1", code="TTLDTT", agency=org.dkkd).ticked
