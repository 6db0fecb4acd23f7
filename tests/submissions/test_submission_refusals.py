"""What the tờ trình services refuse: nothing chosen, a nomination or item that is not
(or no longer) theirs to send, an unsigned tờ trình, an agency with nobody above it, a
stale or foreign edit, a decision dated in the future; and a cash amount the engine
cannot work out recorded as nothing rather than failing the decision."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.accounts.enums import Role
from thidua.accounts.services import grant_role
from thidua.awards.models import Award
from thidua.eligibility.errors import CaseError
from thidua.submissions.services import outcome as outcome_services
from thidua.submissions.services import submission as submission_services
from thidua.submissions.services.submission import (
    _new_submission,
    appraise_item,
    record_outcome,
)

from ..council_paper import advance
from ..decisions.test_decisions import decided
from .factories import forward_items, submit_nominations
from .test_submissions import AWARD, SIGN

pytestmark = pytest.mark.django_db


def test_nothing_chosen_is_refused(round_, org, users):
    with pytest.raises(ValidationError, match="Chọn ít nhất một hồ sơ"):
        submit_nominations(round_, [], actor=users["officer"], **SIGN)
    with pytest.raises(ValidationError, match="Chọn ít nhất một hồ sơ"):
        forward_items([], agency=org.province, actor=users["higher_officer"], **SIGN)


def test_a_tờ_trình_needs_its_signer(round_, org, users):
    """The signer is the approver: one without a staff record that has a position
    cannot approve, and nothing is sent."""
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    draft = submission_services.submit_nominations(
        round_, [nomination], planned_on=SIGN["issued_on"], actor=users["officer"]
    )
    submission_services.submit_submission(draft, actor=users["officer"])
    grant_role(users["deputy"], Role.HEAD, agency=org.dkkd)
    with pytest.raises(ValidationError, match="chưa gắn hồ sơ cá nhân có chức vụ"):
        submission_services.approve_submission(draft, actor=users["deputy"])
    draft.refresh_from_db()
    assert draft.state == "cho_duyet" and draft.document_id is None
    nomination.refresh_from_db()
    assert nomination.state == "hoi_dong_da_xet"


def test_the_top_agency_has_nobody_to_send_to(org):
    with pytest.raises(ValidationError, match="không có cơ quan cấp trên"):
        _new_submission(org.province, planned_on=SIGN["issued_on"], rows=[], actor=None)


def test_a_nomination_sent_once_is_not_sent_again(sent, round_, users):
    _submission, nomination = sent
    with pytest.raises(ValidationError) as exc:
        submit_nominations(round_, [nomination], actor=users["officer"], **SIGN)
    assert exc.value.messages[1].endswith(
        "chưa được Hội đồng xét hoặc không thuộc đợt xét."
    )


def test_an_item_waiting_elsewhere_is_not_forwarded(sent, org, users):
    submission, _nomination = sent
    item = submission.items.get()
    with pytest.raises(ValidationError) as exc:
        forward_items([item], agency=org.other, actor=users["admin"], **SIGN)
    assert exc.value.messages[0] == "Không thể trình tiếp:"
    assert "không chờ xử lý tại Sở Tài chính" in exc.value.messages[1]


def test_appraisal_is_the_receiving_office_s_on_the_current_version(sent, users):
    submission, _nomination = sent
    item = submission.items.get()
    with pytest.raises(ValidationError) as exc:
        appraise_item(
            item,
            appraisal="Đủ tiêu chuẩn",
            actor=users["higher_officer"],
            expected_version=item.version + 1,
        )
    assert exc.value.error_list[0].code == "stale"
    with pytest.raises(PermissionDenied):
        appraise_item(item, appraisal="Đủ tiêu chuẩn", actor=users["other_officer"])
    record_outcome(item, awarded=False, reason="Chưa đủ", actor=users["higher_officer"])
    with pytest.raises(ValidationError, match="không còn chờ xử lý"):
        appraise_item(item, appraisal="Đủ tiêu chuẩn", actor=users["higher_officer"])


def test_a_decision_dated_in_the_future_is_refused(sent, users):
    submission, _nomination = sent
    item = submission.items.get()
    with pytest.raises(ValidationError) as exc:
        record_outcome(
            item,
            awarded=True,
            actor=users["higher_officer"],
            **(AWARD | {"decision_date": datetime.date(2999, 1, 1)}),
        )
    assert exc.value.message_dict == {
        "decision_date": ["Ngày quyết định không được ở tương lai."]
    }


def test_a_cash_amount_the_engine_cannot_work_out_is_recorded_as_nothing(
    sent, users, org, monkeypatch
):
    def unknown(*args, **kwargs):
        raise CaseError("code", "no multiple for this title at that date")

    monkeypatch.setattr(outcome_services, "cash_award", unknown)
    submission, nomination = sent
    record_outcome(
        submission.items.get(), awarded=True, actor=users["higher_officer"], **AWARD
    )
    award = Award.objects.get(person=org.people["dkkd_staff"])
    assert award.cash_amount == 0
    nomination.refresh_from_db()
    assert nomination.state == "da_khen_thuong"


def test_a_collective_nominee_is_described_by_the_agency_above_it(round_, org, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from thidua.nominations.services.nomination import (
        add_attachment,
        create_nomination,
    )

    from ..decisions.test_decisions import PDF

    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, agency=org.dkkd, code="TTLDXS"
    )
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    for to in ("da_gui", "da_tham_dinh", "trinh_hoi_dong", "hoi_dong_da_xet"):
        advance(nomination, to, actor=users["admin"])
    submission = submit_nominations(
        round_, [nomination], actor=users["officer"], **SIGN
    )
    item = submission.items.get()
    assert item.is_collective
    assert item.subject_detail == org.skhdt.display_name
