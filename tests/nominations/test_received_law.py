"""A dossier is judged under the law in force the day it reached the office (Luật TĐKT
2022 Art 95: only dossiers received before 01/01/2024 stay under the 2003 law), on its
page and in every list that shows its verdict (issue #16, point 4)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.nominations.models import NominationEvent
from thidua.nominations.selectors import nomination_verdicts, received_dates
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    open_round,
)
from thidua.organizations.services.records import record_assessment

from ..council_paper import advance

pytestmark = pytest.mark.django_db


def _sent_on(day: datetime.date, org, users):
    """A CSTĐCS dossier for 2023 (HTXS, no initiative) sent to the office on ``day``:
    not enough under NĐ 91/2017 (an initiative is required), enough under Luật 2022
    Art 23 (HTXS or an initiative)."""
    person = org.people["dkkd_staff"]
    record_assessment(person, year=2023, rating="HTXS")
    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2023",
        kind="hang_nam",
        year=2023,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=person, code="CSTDCS"
    )
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet", "chung_nhan_sang_kien"):
        add_attachment(
            nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.7 %%EOF")
        )
    advance(nomination, "da_gui", actor=users["admin"])
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    NominationEvent.objects.filter(nomination=nomination).update(at=at)
    return nomination


def test_received_in_2024_a_2023_dossier_is_judged_under_the_2022_law(
    org, users, client_for
):
    nomination = _sent_on(datetime.date(2024, 1, 5), org, users)
    assert received_dates([nomination]) == {nomination.pk: datetime.date(2024, 1, 5)}
    assert nomination_verdicts([nomination])[nomination.pk].status == "eligible"
    page = client_for("officer").get(nomination.get_absolute_url())
    assert page.context["regime"] == "nd98_2023"
    body = page.content.decode()
    assert "Luật Thi đua, khen thưởng 2022, Nghị định 98/2023/NĐ-CP" in body
    assert "theo ngày tiếp nhận hồ sơ (05/01/2024)" in body


def test_received_in_2023_it_stays_under_the_old_law(org, users):
    nomination = _sent_on(datetime.date(2023, 12, 20), org, users)
    verdict = nomination_verdicts([nomination])[nomination.pk]
    assert verdict.status == "not_eligible"
    assert any("sáng kiến" in text for text in verdict.missing)


def test_sent_before_its_review_year_it_is_judged_under_that_years_law(
    org, users, client_for
):
    """A round opened early (a 2023 dossier sent in 2022): no received day to go by,
    the law of the review year; the page answers, it does not fail."""
    nomination = _sent_on(datetime.date(2022, 12, 20), org, users)
    assert received_dates([nomination]) == {}
    assert nomination_verdicts([nomination])[nomination.pk].status == "not_eligible"
    page = client_for("officer").get(nomination.get_absolute_url())
    assert page.status_code == 200
    assert page.context["regime"] == "nd91_2017"
