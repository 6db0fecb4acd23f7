"""The built-in templates: every one valid, complete once an agency and a signer fill
it, and rendered (DOCX) without a problem."""

import io

import docx
import pytest

from thidua.documents.drafting.content import KINDS
from thidua.documents.drafting.templates import builtin_template, builtin_templates
from thidua.documents.drafting.to_spec import content_spec
from thidua.documents.drafting.validation import issue_problems, validate_content
from thidua.documents.rendering import render_docx

CODES = [t.code for t in builtin_templates()]


def _filled(content: dict) -> dict:
    content["issuers"] = [
        {
            "parent": "Ủy ban nhân dân tỉnh Lạng Sơn",
            "name": "Sở Nội vụ",
            "abbreviation": "SNV",
        }
    ]
    content["place"] = "Lạng Sơn"
    for signer in content["signers"]:
        signer["name"] = "Nguyễn Văn A"
    if content["kind"] == "cong_van":
        content["symbol"] = "SNV-TĐKT"
    return content


@pytest.mark.parametrize("code", CODES)
def test_every_template_is_valid_and_renders(code):
    template = builtin_template(code)
    assert template.kind in KINDS
    assert validate_content(template.content) == []
    content = _filled(template.content)
    assert issue_problems(content) == []
    document = docx.Document(io.BytesIO(render_docx(content_spec(content))))
    assert any(p.text.strip() for p in document.paragraphs)


def test_the_kinds_templates_cover():
    kinds = {t.kind for t in builtin_templates()}
    assert {
        "ke_hoach",
        "phat_dong",
        "quyet_dinh",
        "bien_ban",
        "to_trinh",
        "bao_cao",
    } <= kinds
    assert [t.code for t in builtin_templates("bien_ban")] == [
        "bien_ban_hoi_dong",
        "bien_ban_binh_xet",
    ]


def test_a_template_is_a_copy_each_time():
    first = builtin_template("ke_hoach_tinh")
    first.content["body"].clear()
    assert builtin_template("ke_hoach_tinh").content["body"]
    with pytest.raises(LookupError):
        builtin_template("khong_co")


def test_the_provincial_plan_has_its_sections_and_scoring_appendix():
    content = _filled(builtin_template("ke_hoach_tinh").content)
    texts = [
        p.text
        for p in docx.Document(
            io.BytesIO(render_docx(content_spec(content)))
        ).paragraphs
    ]
    for heading in (
        "II. ĐỐI TƯỢNG, PHẠM VI",
        "III. THỜI GIAN THỰC HIỆN",
        "V. HÌNH THỨC VÀ TIÊU CHUẨN KHEN THƯỞNG",
        "VI. HỒ SƠ VÀ THỜI HẠN",
        "BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA",
    ):
        assert heading in texts
    assert any(t.startswith("- Đợt 1: từ ngày") for t in texts)
