"""The office's appraisal opinion travels in the tờ trình's list (its last column)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.eligibility.legal_basis import basis_lines
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    transition_nomination,
)
from thidua.submissions.rendering import submission_spec

from ..council_paper import advance
from .factories import submit_nominations
from .test_submissions import SIGN

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF"


def test_the_appraisal_opinion_is_a_column_of_the_list(round_, org, users):
    nomination = create_nomination(
        round_,
        proposing_unit=org.dkkd,
        person=org.people["dkkd_staff"],
        code="BK_BO_TINH",
    )
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    transition_nomination(nomination, "da_gui", actor=users["admin"])
    transition_nomination(
        nomination, "da_tham_dinh", actor=users["officer"], appraisal="Đủ điều kiện."
    )
    for to in ("trinh_hoi_dong", "hoi_dong_da_xet"):
        advance(nomination, to, actor=users["admin"])
    submission = submit_nominations(
        round_, [nomination], actor=users["officer"], **SIGN
    )
    table = submission_spec(submission).appendices[0].blocks[0]
    assert table.header[-1] == "Ý kiến thẩm định"
    assert table.rows[0][-1] == "Đủ điều kiện."


def test_the_to_trinh_cites_the_law_in_force_and_counts_without_zeros(sent):
    """Issue #15: the bases follow the law in force on the day (not Luật 2022 always);
    "01 cá nhân", never "và 00 tập thể"."""
    submission, _nomination = sent
    texts = [
        "".join(run.text for run in block.text)
        for block in submission_spec(submission).body
    ]
    law, decree = basis_lines(submission.document.issued_on or timezone.localdate())
    assert texts[:2] == [f"{law};", f"{decree};"]
    assert "01 cá nhân có thành tích" in texts[2]
    assert "tập thể" not in texts[2]
