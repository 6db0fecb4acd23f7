import datetime
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from thidua.common.models import ActivityLog
from thidua.organizations.models import Membership, Person
from thidua.organizations.services.person import (
    ConcurrentEditError,
    transfer_person,
    update_person,
)
from thidua.organizations.services.records import (
    record_assessment,
    record_collective_assessment,
    record_initiative,
)
from thidua.organizations.services.structure import (
    add_council_member,
    set_cluster_leadership,
    update_agency,
)

from ..factories import cccd_for, make_person

pytestmark = pytest.mark.django_db


def test_create_person_normalises_text_and_opens_a_membership(org):
    name = unicodedata.normalize("NFD", "  Nguyễn   Thị  Ánh ")
    person = make_person(org.vp, name, gender="nu")
    assert person.full_name == "Nguyễn Thị Ánh"
    assert person.search_text.startswith("nguyen thi anh ")
    membership = Membership.objects.get(person=person)
    assert (membership.unit, membership.start_date, membership.end_date) == (
        org.vp,
        datetime.date(2010, 3, 1),
        None,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"birth_date": datetime.date(2099, 1, 1)}, "birth_date", "tương lai"),
        ({"cccd": "12345"}, "cccd", "12 chữ số"),
        ({"full_name": "Hà"}, "full_name", "họ và tên"),
        ({"ethnicity": "Klingon"}, "ethnicity", "54 dân tộc"),
        ({"recruited_on": datetime.date(1980, 1, 1)}, "recruited_on", "sau ngày sinh"),
    ],
)
def test_bad_person_data_is_refused_with_a_field_message(org, changes, field, message):
    with pytest.raises(ValidationError) as exc:
        make_person(org.vp, "Đào Văn Tú", **changes)
    assert message in " ".join(exc.value.message_dict[field])
    assert not Person.objects.filter(full_name="Đào Văn Tú").exists()


def test_duplicate_cccd_is_refused(org):
    existing = org.people["vp_staff"]
    with pytest.raises(ValidationError) as exc:
        make_person(
            org.vp,
            "Đào Thị Tú",
            gender="nu",
            cccd=existing.cccd,
            birth=existing.birth_date,
        )
    assert exc.value.message_dict["cccd"] == ["Số CCCD này đã có trong hệ thống."]


def test_update_detects_a_concurrent_edit(org):
    person = org.people["vp_staff"]
    stale_version = person.version
    update_person(
        person, {"position": "Phó Chánh Văn phòng"}, expected_version=stale_version
    )
    with pytest.raises(ConcurrentEditError) as exc:
        update_person(
            person, {"position": "Chuyên viên chính"}, expected_version=stale_version
        )
    assert "người khác cập nhật" in exc.value.messages[0]
    person.refresh_from_db()
    assert person.position == "Phó Chánh Văn phòng"
    entry = ActivityLog.objects.filter(action="people.update").get()
    assert entry.data["changes"] == {"position": ["Chuyên viên", "Phó Chánh Văn phòng"]}


def test_transfer_keeps_history_and_moves_the_person(org):
    person = org.people["vp_staff"]
    transfer_person(person, unit=org.dkkd, on=datetime.date(2024, 7, 1))
    person.refresh_from_db()
    assert person.unit == org.dkkd
    history = list(
        person.memberships.order_by("start_date").values_list(
            "unit__code", "start_date", "end_date"
        )
    )
    assert history == [
        ("SKHĐT-VP", datetime.date(2010, 3, 1), datetime.date(2024, 6, 30)),
        ("SKHĐT-ĐKKD", datetime.date(2024, 7, 1), None),
    ]


def test_overlapping_transfer_is_refused(org):
    person = org.people["vp_staff"]
    with pytest.raises(ValidationError) as exc:
        transfer_person(person, unit=org.dkkd, on=datetime.date(2009, 1, 1))
    assert "start_date" in exc.value.message_dict
    with pytest.raises(ValidationError):
        transfer_person(person, unit=org.vp, on=datetime.date(2024, 1, 1))
    assert person.memberships.count() == 1


def test_assessment_before_recruitment_is_refused(org):
    person = org.people["vp_staff"]  # recruited 01/03/2010
    with pytest.raises(ValidationError) as exc:
        record_assessment(person, year=2009, rating="HTT")
    assert "trước năm tuyển dụng" in exc.value.message_dict["year"][0]
    record_assessment(person, year=2010, rating="HTT")
    record_assessment(person, year=2010, rating="HTXS")  # one per year: replaced
    assert list(person.assessments.values_list("year", "rating")) == [(2010, "HTXS")]


def test_bad_ratings_and_years_are_refused(org):
    with pytest.raises(ValidationError):
        record_assessment(org.people["vp_staff"], year=2024, rating="XS")
    with pytest.raises(ValidationError):
        record_collective_assessment(org.vp, year=1900, rating="HTT")
    with pytest.raises(ValidationError):
        record_initiative(
            org.people["vp_staff"], title="Sáng kiến", year=2024, scope="tinh"
        )


def test_council_has_one_chair_and_no_double_seat(org):
    with pytest.raises(ValidationError) as exc:
        add_council_member(
            org.council,
            person=org.people["vp_staff"],
            role="chu_tich",
            start_date=datetime.date(2023, 1, 1),
        )
    assert "role" in exc.value.message_dict
    with pytest.raises(ValidationError):
        add_council_member(
            org.council,
            person=org.people["head"],
            role="uy_vien",
            start_date=datetime.date(2023, 1, 1),
        )


def test_cluster_leader_must_be_a_member(org):
    cluster = org.skhdt.cluster_memberships.get().cluster
    set_cluster_leadership(cluster, year=2023, leader=org.skhdt, deputy=org.other)
    with pytest.raises(ValidationError) as exc:
        set_cluster_leadership(cluster, year=2024, leader=org.sknv)
    assert "leader" in exc.value.message_dict


def test_agency_cannot_move_under_its_own_subtree(org):
    with pytest.raises(ValidationError) as exc:
        update_agency(org.skhdt, parent=org.vp, expected_version=org.skhdt.version)
    assert "parent" in exc.value.message_dict


def test_cccd_helper_builds_valid_numbers():
    assert cccd_for("nu", datetime.date(2001, 2, 3))[:6] == "020301"


def test_review_matter_is_closed_once(client_for, org):
    from django.urls import reverse

    from thidua.organizations.services.records import record_review_matter

    person = org.people["dkkd_staff"]
    matter = record_review_matter(
        person, kind="khieu_nai", start_date=datetime.date(2025, 10, 2)
    )
    url = reverse("organizations:person-review-close", args=[person.pk, matter.pk])
    client_for("unit_head").post(url, {"end_date": "01/11/2025"})
    matter.refresh_from_db()
    assert matter.end_date is None  # a unit head may read, not change
    client = client_for("officer")
    response = client.post(url, {"end_date": "01/09/2025"})
    assert response.context["form"].errors["end_date"] == [
        "Ngày kết thúc phải sau ngày 02/10/2025."
    ]
    client.post(url, {"end_date": "01/11/2025"})
    matter.refresh_from_db()
    assert matter.end_date == datetime.date(2025, 11, 1)
    response = client.post(url, {"end_date": "02/11/2025"})
    assert response.context["form"].errors["__all__"] == ["Vụ việc này đã kết thúc."]
