"""Evidence a unit supplies with its dossier (issue #17, point 8): the unit claims an
initiative or a rating, the office confirms or rejects it, and only then does the
verdict count it; each missing condition says how to fix it; sending an ineligible
dossier warns first."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.nominations.enums import EvidenceStatus, NominationState
from thidua.nominations.models import DossierEvidence
from thidua.nominations.selectors import nomination_verdicts
from thidua.nominations.selectors.evidence import (
    dossier_verdict,
    fix_for,
    send_warnings,
    verdict_with_fixes,
)
from thidua.nominations.selectors.supplied import supplied_for
from thidua.nominations.services.evidence import (
    add_evidence,
    remove_evidence,
    review_evidence,
)
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
)
from thidua.organizations.eligibility import case_with_supplied
from thidua.organizations.models import Initiative

from .test_nominations import round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF"


def _propose(round_, org, code="LDTT", **subject):  # noqa: F811
    subject = subject or {"person": org.people["dkkd_staff"]}
    return create_nomination(round_, proposing_unit=org.dkkd, code=code, **subject)


def _status(nomination) -> str:
    return dossier_verdict(nomination)["results"][0]["status"]


def test_a_confirmed_rating_changes_the_verdict_a_pending_one_does_not(
    round_,  # noqa: F811
    org,
    users,
):
    nomination = _propose(round_, org)
    before = _status(nomination)
    assert before != "eligible"
    evidence = add_evidence(
        nomination, kind="xep_loai", year=2025, rating="HTXS", actor=users["unit_head"]
    )
    assert evidence.status == EvidenceStatus.PENDING
    assert _status(nomination) == before
    assert nomination_verdicts([nomination])[nomination.pk].status == before
    review_evidence(evidence, "da_xac_nhan", actor=users["officer"])
    evidence.refresh_from_db()
    assert (evidence.status, evidence.checked_by) == ("da_xac_nhan", users["officer"])
    assert _status(nomination) == "eligible"
    assert nomination_verdicts([nomination])[nomination.pk].status == "eligible"
    assert send_warnings(nomination) == []
    # Found wrong later: rejected with a reason, no longer counted.
    with pytest.raises(ValidationError) as exc:
        review_evidence(evidence, "khong_xac_nhan", actor=users["officer"])
    assert "lý do" in exc.value.messages[0]
    review_evidence(
        evidence, "khong_xac_nhan", actor=users["officer"], reason="Sai năm."
    )
    assert _status(nomination) == before
    actions = set(ActivityLog.objects.values_list("action", flat=True))
    assert {"nominations.evidence_add", "nominations.evidence"} <= actions


def test_initiatives_are_counted_once_and_only_for_people(round_, org, users):  # noqa: F811
    nomination = _propose(round_, org, code="CSTDCS")
    person = org.people["dkkd_staff"]
    Initiative.objects.create(
        person=person, title="Cải cách  thủ tục", year=2025, scope="co_so"
    )
    for title in ("cải cách thủ tục", "Số hoá hồ sơ"):
        review_evidence(
            add_evidence(
                nomination,
                kind="sang_kien",
                year=2025,
                title=title,
                scope="co_so",
                actor=users["unit_head"],
            ),
            "da_xac_nhan",
            actor=users["officer"],
        )
    rating = add_evidence(nomination, kind="xep_loai", year=2024, rating="HTT")
    review_evidence(rating, "da_xac_nhan", actor=users["admin"])
    supplied = supplied_for([nomination])[nomination.pk]
    assert supplied == {
        "initiatives": [{"year": 2025, "scope": "co_so", "kind": "sang_kien"}],
        "ratings": {2024: "HTT"},
    }
    unit = _propose(round_, org, code="TTLDTT", agency=org.dkkd)
    with pytest.raises(ValidationError) as exc:
        add_evidence(unit, kind="de_tai", year=2025, title="Đề tài", scope="co_so")
    assert "hồ sơ cá nhân" in exc.value.message_dict["kind"][0]
    review_evidence(
        add_evidence(unit, kind="xep_loai", year=2025, rating="HTXS"),
        "da_xac_nhan",
        actor=users["officer"],
    )
    assert supplied_for([unit]) == {
        unit.pk: {"initiatives": [], "ratings": {2025: "HTXS"}}
    }
    assert dossier_verdict(unit)["results"][0]["code"] == "TTLDTT"


def test_case_with_supplied_leaves_the_register_case_alone():
    case = {"subject": {"years": {"2025": {"rating": "HT", "titles": []}}}}
    assert case_with_supplied(case, None) is case
    merged = case_with_supplied(case, {"ratings": {2025: "HTXS", 2024: "HTT"}})
    assert merged["subject"]["years"] == {
        "2025": {"rating": "HTXS", "titles": []},
        "2024": {"rating": "HTT", "titles": []},
    }
    assert case["subject"]["years"]["2025"]["rating"] == "HT"
    assert "initiatives" not in merged["subject"]


def test_bad_claims_are_named_by_field(round_, org, users):  # noqa: F811
    nomination = _propose(round_, org)
    cases = [
        ({"kind": "xyz", "year": 2025}, "kind"),
        ({"kind": "xep_loai", "year": 2000, "rating": "HT"}, "year"),
        ({"kind": "xep_loai", "year": 2025}, "rating"),
        ({"kind": "sang_kien", "year": 2025, "scope": "co_so"}, "title"),
        ({"kind": "sang_kien", "year": 2025, "title": "A"}, "scope"),
        (
            {"kind": "xep_loai", "year": 2025, "rating": "HT", "attachment_id": 0},
            "attachment",
        ),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as exc:
            add_evidence(nomination, **data)
        assert field in exc.value.message_dict, data
    assert not DossierEvidence.objects.exists()
    with pytest.raises(ValidationError) as exc:
        add_evidence(
            nomination,
            kind="xep_loai",
            year=2025,
            rating="HT",
            actor=users["other_officer"],
        )
    assert "Chỉ đơn vị đề nghị" in exc.value.messages[0]


def test_the_unit_edits_until_it_sends_the_office_checks_until_the_council(
    round_,  # noqa: F811
    org,
    users,
):
    nomination = _propose(round_, org)
    certificate = add_attachment(
        nomination,
        kind="chung_nhan_sang_kien",
        upload=SimpleUploadedFile("cn.pdf", PDF),
    )
    claim = add_evidence(
        nomination,
        kind="sang_kien",
        year=2025,
        title="Số hoá",
        scope="co_so",
        decision_number="12/QĐ",
        decision_date=datetime.date(2025, 5, 1),
        attachment_id=certificate.pk,
        actor=users["unit_head"],
    )
    assert claim.attachment == certificate
    spare = add_evidence(nomination, kind="xep_loai", year=2025, rating="HT")
    remove_evidence(nomination, spare.pk, actor=users["unit_head"])
    with pytest.raises(ValidationError):
        remove_evidence(nomination, spare.pk)
    review_evidence(claim, "da_xac_nhan", actor=users["officer"])
    with pytest.raises(ValidationError) as exc:
        remove_evidence(nomination, claim.pk)
    assert "đã được xác nhận" in exc.value.messages[0]
    with pytest.raises(PermissionDenied):
        review_evidence(claim, "khong_xac_nhan", actor=users["unit_head"], reason="x")
    type(nomination).objects.filter(pk=nomination.pk).update(
        state=NominationState.TO_COUNCIL
    )
    with pytest.raises(ValidationError) as exc:
        add_evidence(nomination, kind="xep_loai", year=2025, rating="HT")
    assert "Hồ sơ đã gửi" in exc.value.messages[0]
    with pytest.raises(ValidationError) as exc:
        review_evidence(claim, "khong_xac_nhan", actor=users["officer"], reason="x")
    assert "Hội đồng" in exc.value.messages[0]


def test_each_missing_condition_says_how_to_fix_it(round_, org):  # noqa: F811
    person = _propose(round_, org, code="CSTDCS")
    unit = _propose(round_, org, code="TTLDTT", agency=org.dkkd)
    add = reverse("nominations:evidence-add", args=[person.pk])
    assert fix_for({"text": "Có sáng kiến", "required": ""}, person)["url"] == (
        f"{add}?loai=sang_kien"
    )
    assert fix_for({"text": "X", "required": "HTT trở lên"}, unit)["url"].endswith(
        "?loai=xep_loai"
    )
    assert fix_for({"text": "Không bị kỷ luật", "required": ""}, person)["url"] == (
        person.person.get_absolute_url()
    )
    assert fix_for({"text": "Có sáng kiến", "required": ""}, unit)["url"] == (
        org.dkkd.get_absolute_url()
    )
    rows = verdict_with_fixes(dossier_verdict(person), person)
    assert all("fix" in c for row in rows for c in row["missing"])
    assert rows[0]["missing"]


def test_sending_an_ineligible_dossier_warns_then_sends(client_for, round_, org):  # noqa: F811
    nomination = _propose(round_, org)
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    head = client_for("unit_head")
    url = reverse("nominations:nomination-move", args=[nomination.pk])
    warned = head.post(url, {"to": "da_gui", "version": 1})
    assert warned.status_code == 200
    assert warned.context["warnings"] == send_warnings(nomination)
    nomination.refresh_from_db()
    assert nomination.state == "nhap"
    head.post(url, {"to": "da_gui", "version": 1, "van_gui": "1"})
    nomination.refresh_from_db()
    assert nomination.state == "da_gui"
    # Judged under the law of the day it was received from now on.
    assert dossier_verdict(nomination)["results"][0]["code"] == "LDTT"


def test_evidence_through_the_pages(client_for, round_, org):  # noqa: F811
    nomination = _propose(round_, org)
    add = reverse("nominations:evidence-add", args=[nomination.pk])
    head = client_for("unit_head")
    form = head.get(add, {"loai": "xep_loai"})
    assert form.context["form"].initial == {"kind": "xep_loai", "year": 2025}
    bad = head.post(add, {"kind": "xep_loai", "year": 2025})
    assert "Phải chọn mức xếp loại." in bad.content.decode()
    head.post(add, {"kind": "xep_loai", "year": 2025, "rating": "HTXS"})
    evidence = DossierEvidence.objects.get()
    page = head.get(nomination.get_absolute_url())
    assert page.context["evidence"] == [evidence]
    assert "Chờ xác nhận" in page.content.decode()
    assert page.context["evidence"][0].moves == []
    review = reverse("nominations:evidence-review", args=[nomination.pk, evidence.pk])
    assert head.post(review, {"to": "da_xac_nhan"}).status_code == 403
    officer = client_for("officer")
    officer.post(review, {"to": "khong_xac_nhan"})
    evidence.refresh_from_db()
    assert evidence.status == "cho_xac_nhan"
    officer.post(review, {"to": "da_xac_nhan"})
    evidence.refresh_from_db()
    assert evidence.status == "da_xac_nhan"
    assert (
        officer.get(nomination.get_absolute_url()).context["verdicts"][0]["status"]
        == "eligible"
    )
    remove = reverse("nominations:evidence-remove", args=[nomination.pk, evidence.pk])
    assert (
        officer.post(
            reverse("nominations:evidence-remove", args=[nomination.pk, 0])
        ).status_code
        == 404
    )
    client_for("unit_head").post(remove)
    assert DossierEvidence.objects.count() == 1  # confirmed: stays
