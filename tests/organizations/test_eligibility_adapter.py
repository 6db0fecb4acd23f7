import datetime
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from thidua.eligibility import check_case
from thidua.organizations.eligibility import (
    collective_case,
    person_case,
    policies_for,
    policy_for,
)
from thidua.organizations.services.records import (
    record_assessment,
    record_collective_assessment,
    record_discipline,
    record_initiative,
    record_review_matter,
)

from ..common.marks import developer_marks

pytestmark = pytest.mark.django_db


def test_person_case_is_the_engines_format(org):
    person = org.people["dkkd_staff"]
    for year, rating in [(2022, "HTT"), (2023, "HTXS"), (2024, "HTXS")]:
        record_assessment(person, year=year, rating=rating)
    record_initiative(person, title="Số hóa", year=2023, scope="bo_tinh", kind="de_tai")
    record_discipline(
        person,
        form="khien_trach",
        start_date=datetime.date(2021, 3, 1),
        end_date=datetime.date(2022, 2, 28),
    )
    case = person_case(person, 2023)
    assert case["review_year"] == 2023
    subject = case["subject"]
    assert subject["years"] == {
        "2022": {"rating": "HTT", "titles": []},
        "2023": {"rating": "HTXS", "titles": []},
    }
    assert subject["initiatives"] == [
        {"year": 2023, "scope": "bo_tinh", "kind": "de_tai_khcn"}
    ]
    assert subject["discipline"] == [
        {"form": "khien_trach", "from": "2021-03-01", "to": "2022-03-01"}
    ]
    assert subject["recruited_on"] == "2010-03-01" and subject["under_review"] is False
    check_case(case)  # valid input for the engine


def test_open_review_matter_blocks_every_proposal(org):
    person = org.people["dkkd_staff"]
    record_assessment(person, year=2024, rating="HTXS")
    record_review_matter(person, kind="khieu_nai", start_date=datetime.date(2025, 1, 5))
    results = check_case(person_case(person, 2024))["results"]
    assert {r["status"] for r in results} == {"blocked"}


def test_collective_case_counts_members(org):
    record_collective_assessment(org.dkkd, year=2024, rating="HTXS")
    record_assessment(org.people["head"], year=2024, rating="HTXS")
    record_assessment(org.people["dkkd_staff"], year=2024, rating="HT")
    year = collective_case(org.dkkd, 2024)["subject"]["years"]["2024"]
    assert year == {
        "rating": "HTXS",
        "titles": [],
        "members": 2,
        "members_completed": 2,
        "members_ldtt": 1,
        "members_cstdcs": 1,
        "members_disciplined": 0,
    }
    check_case(collective_case(org.dkkd, 2024))


def test_policy_is_inherited_down_the_tree(org):
    org.province.eligibility_policy = {"quota_rounding": "floor"}
    org.province.save()
    org.skhdt.eligibility_policy = {"quota_rounding": "ceil"}
    org.skhdt.save()
    assert policy_for(org.dkkd) == {"quota_rounding": "ceil"}
    assert policy_for(org.other) == {"quota_rounding": "floor"}


def test_profile_tab_shows_the_table_and_the_forecast(client_for, org):
    person = org.people["dkkd_staff"]
    record_assessment(person, year=2024, rating="HTXS")
    url = person.get_absolute_url()
    response = client_for("officer").get(url, {"tab": "eligibility", "nam": 2024})
    codes = {v["code"]: v["status"] for v in response.context["verdicts"]}
    assert codes["LDTT"] == "eligible" and codes["CSTDCS"] == "eligible"
    assert response.context["regime"] == "nd98_2023"
    body = response.content.decode()
    assert "Yêu cầu" in body and "Hiện có" in body and "Năm 2025" in body
    # The regime in words, the law without doubt marks (issue #16).
    assert "Luật Thi đua, khen thưởng 2022, Nghị định 98/2023/NĐ-CP" in body
    assert developer_marks(body) == []
    unit = client_for("officer").get(
        org.dkkd.get_absolute_url(), {"tab": "eligibility"}
    )
    assert [v["code"] for v in unit.context["verdicts"]][:2] == ["TTLDTT", "TTLDXS"]
    assert reverse("organizations:person-detail", args=[person.pk])


def test_the_admins_law_settings_reach_every_agencys_policy(org, settings):
    """THIDUA_LAW2026_CHANGES: a reported change of the 2026 amendment an admin turned
    on is the law for every agency, after the agency's own choices."""
    settings.THIDUA_LAW2026_CHANGES = ["cstdcs_htxs_and_initiative"]
    org.skhdt.eligibility_policy = {
        "quota_rounding": "ceil",
        "law2026_cstdcs_htxs_and_initiative": False,
    }
    org.skhdt.save()
    expected = {"quota_rounding": "ceil", "law2026_cstdcs_htxs_and_initiative": True}
    assert policy_for(org.dkkd) == expected
    assert policies_for([org.dkkd.pk]) == {org.dkkd.pk: expected}
    assert policy_for(None) == {"law2026_cstdcs_htxs_and_initiative": True}


def test_an_unknown_law_setting_stops_the_server_at_start(tmp_path):
    env = {
        **os.environ,
        "THIDUA_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
        "THIDUA_LAW2026_CHANGES": "cstdcs_htxs_and_initiative,bk_tinh",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "THIDUA_LAW2026_CHANGES: không biết bk_tinh" in result.stderr
