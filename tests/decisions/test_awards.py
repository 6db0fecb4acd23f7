import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.awards.models import Award
from thidua.awards.services.register import record_award
from thidua.common.models import ActivityLog
from thidua.eligibility import check_case
from thidua.organizations.eligibility import collective_case, person_case
from thidua.organizations.services.records import (
    record_assessment,
    record_collective_assessment,
)

pytestmark = pytest.mark.django_db


def award(subject_kw, code, year, **extra):
    return record_award(
        code=code,
        year=year,
        decision_number=f"{year}/QĐ-SKHĐT",
        decision_date=datetime.date(year + 1, 1, 15),
        decided_by="Giám đốc Sở KH&ĐT",
        **subject_kw,
        **extra,
    )


def test_officer_records_a_paper_decision_in_the_ui(client_for, org):
    person = org.people["dkkd_staff"]
    response = client_for("officer").post(
        reverse("awards:person-record", args=[person.pk]),
        {
            "code": "CSTDCS",
            "award_type": "cong_trang",
            "year": 2023,
            "decision_number": "12/QĐ-SKHĐT",
            "decision_date": "15/01/2024",
            "decided_by": "Giám đốc Sở Kế hoạch và Đầu tư",
        },
    )
    assert response.status_code == 302
    entry = Award.objects.get()
    assert (entry.person, entry.code, entry.year) == (person, "CSTDCS", 2023)
    assert ActivityLog.objects.filter(
        action="awards.record", object_id=str(person.pk)
    ).exists()
    body = (
        client_for("officer").get(person.get_absolute_url(), {"tab": "awards"}).content
    )
    assert "12/QĐ-SKHĐT ngày 15/01/2024" in body.decode()


def test_register_refuses_duplicates_and_wrong_kinds(org):
    person = {"person": org.people["dkkd_staff"]}
    award(person, "LDTT", 2023)
    with pytest.raises(ValidationError) as exc:
        award(person, "LDTT", 2023)
    assert "đã có danh hiệu" in exc.value.message_dict["code"][0]
    with pytest.raises(ValidationError):
        award(person, "TTLDXS", 2023)  # a collective title
    with pytest.raises(ValidationError):
        award({"agency": org.dkkd}, "CSTDCS", 2023)
    with pytest.raises(ValidationError) as exc:
        award(person, "CSTDCS", 2030)
    assert "decision_date" in exc.value.message_dict


def test_engine_reads_titles_and_forms_from_the_register(org):
    person = org.people["dkkd_staff"]
    for year in (2022, 2023, 2024):
        record_assessment(person, year=year, rating="HTXS")
        award({"person": person}, "LDTT", year)
        award({"person": person}, "CSTDCS", year)
    award({"person": person}, "BK_BO_TINH", 2021, award_type="dot_xuat")
    case = person_case(person, 2024)
    assert case["subject"]["years"]["2023"]["titles"] == ["LDTT", "CSTDCS"]
    assert case["subject"]["awards"] == [
        {
            "code": "BK_BO_TINH",
            "type": "dot_xuat",
            "year": 2021,
            "decision_date": "2022-01-15",
        }
    ]
    statuses = {r["code"]: r["status"] for r in check_case(case)["results"]}
    assert statuses["BK_BO_TINH"] == "eligible"  # 2 consecutive CSTĐCS


def test_unit_counts_come_from_the_register_when_it_has_the_year(org):
    record_collective_assessment(org.dkkd, year=2024, rating="HTXS")
    record_assessment(org.people["head"], year=2024, rating="HTXS")
    record_assessment(org.people["dkkd_staff"], year=2024, rating="HTXS")
    award({"person": org.people["head"]}, "LDTT", 2024)
    award({"agency": org.dkkd}, "TTLDTT", 2023)
    year = collective_case(org.dkkd, 2024)["subject"]["years"]
    assert year["2024"]["members_ldtt"] == 1  # the register, not the two HTXS ratings
    assert year["2023"]["titles"] == ["TTLDTT"]
