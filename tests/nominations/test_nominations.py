import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from thidua.awards.services.register import record_award
from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.selectors import checklist
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    open_round,
    transition_nomination,
)
from thidua.nominations.workflows import NOMINATION

from ..council_paper import pass_council

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF"


@pytest.fixture
def round_(org):
    return open_round(
        agency=org.skhdt,
        name="Xét khen thưởng năm 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 12, 31),
    )


def propose(round_, org, code="CSTDCS", person="dkkd_staff"):
    return create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people[person], code=code
    )


def complete(nomination):
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet", "chung_nhan_sang_kien"):
        add_attachment(
            nomination, kind=kind, upload=SimpleUploadedFile(f"{kind}.pdf", PDF)
        )


def test_every_state_is_reachable_and_terminal_states_stay_put():
    states = set(NominationState.values)
    moves = NOMINATION.transitions
    targets = {t.target for t in moves}
    assert states - targets == {"nhap"}
    assert {t.source for t in moves if t.source == "khong_khen_thuong"} == set()
    assert all(
        t.needs_reason
        for t in moves
        if t.target in ("tra_lai", "khong_khen_thuong", "huy_bo")
    )


def test_duplicate_nominations_are_refused(round_, org):
    propose(round_, org)
    with pytest.raises(ValidationError) as exc:
        propose(round_, org)
    assert "đã có hồ sơ đề nghị" in exc.value.message_dict["code"][0]
    # The database refuses it even if the check is bypassed (two units at once).
    first = Nomination.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(
            round=round_,
            proposing_unit=org.vp,
            person=first.person,
            code="CSTDCS",
            year=2025,
        )


def test_already_awarded_is_refused(round_, org):
    record_award(
        person=org.people["dkkd_staff"],
        code="LDTT",
        year=2025,
        decision_number="01/QĐ-SKHĐT",
        decision_date=datetime.date(2025, 12, 30),
        decided_by="Giám đốc Sở",
    )
    with pytest.raises(ValidationError):
        propose(round_, org, code="LDTT")


def test_subject_must_belong_to_the_unit_and_fit_the_code(round_, org):
    with pytest.raises(ValidationError) as exc:
        propose(round_, org, person="vp_staff")
    assert "không thuộc đơn vị" in str(exc.value)
    with pytest.raises(ValidationError):
        propose(round_, org, code="TTLDXS")


def test_submission_needs_a_complete_dossier(round_, org, users):
    nomination = propose(round_, org)
    with pytest.raises(ValidationError) as exc:
        transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    assert exc.value.messages[0] == "Hồ sơ còn thiếu:"
    assert len(exc.value.messages) == 4
    assert [done for _label, done in checklist(nomination)] == [False, False, False]
    complete(nomination)
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    nomination.refresh_from_db()
    assert nomination.state == "da_gui"


def test_who_may_move_it_reasons_and_the_timeline(round_, org, users):
    nomination = propose(round_, org)
    complete(nomination)
    with pytest.raises(PermissionDenied):
        transition_nomination(nomination, "da_gui", actor=users["staff"])
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    with pytest.raises(PermissionDenied):
        transition_nomination(nomination, "da_tham_dinh", actor=users["unit_head"])
    with pytest.raises(ValidationError) as exc:
        transition_nomination(nomination, "tra_lai", actor=users["officer"])
    assert exc.value.message_dict["reason"] == ["Phải ghi rõ lý do."]
    transition_nomination(
        nomination,
        "tra_lai",
        actor=users["officer"],
        reason="Thiếu xác nhận sáng kiến cấp cơ sở",
    )
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    transition_nomination(
        nomination,
        "da_tham_dinh",
        actor=users["officer"],
        appraisal="Đủ tiêu chuẩn theo Điều 23",
    )
    transition_nomination(nomination, "trinh_hoi_dong", actor=users["officer"])
    # Nobody moves the dossier past the council by a bare transition: only a closed
    # ballot or the signed paper minutes do.
    for role in ("council_secretary", "officer", "admin"):
        with pytest.raises(ValidationError, match="biên bản họp trên giấy"):
            transition_nomination(nomination, "hoi_dong_da_xet", actor=users[role])
    pass_council(nomination, actor=users["council_secretary"])
    timeline = list(nomination.events.values_list("from_state", "to_state", "reason"))
    assert timeline[1] == ("da_gui", "tra_lai", "Thiếu xác nhận sáng kiến cấp cơ sở")
    assert timeline[-1][:2] == ("trinh_hoi_dong", "hoi_dong_da_xet")
    with pytest.raises(ValidationError):
        transition_nomination(nomination, "nhap", actor=users["officer"])


def test_stale_moves_are_refused(round_, org, users):
    nomination = propose(round_, org)
    complete(nomination)
    seen = Nomination.objects.get().version
    transition_nomination(
        nomination, "da_gui", actor=users["unit_head"], expected_version=seen
    )
    with pytest.raises(ValidationError) as exc:
        transition_nomination(
            nomination,
            "huy_bo",
            actor=users["unit_head"],
            reason="x",
            expected_version=seen,
        )
    assert exc.value.messages == ["Hồ sơ đã được người khác cập nhật."]


def test_late_proposals_and_attachments_after_submission_are_refused(
    round_, org, users
):
    nomination = propose(round_, org)
    complete(nomination)
    transition_nomination(nomination, "da_gui", actor=users["unit_head"])
    with pytest.raises(ValidationError):
        add_attachment(nomination, kind="khac", upload=SimpleUploadedFile("x.pdf", PDF))
    round_.submission_deadline = datetime.date(2020, 1, 1)
    round_.save()
    with pytest.raises(ValidationError) as exc:
        propose(round_, org, code="LDTT")
    assert "Đã hết hạn gửi hồ sơ (hạn: 01/01/2020)." in exc.value.messages
