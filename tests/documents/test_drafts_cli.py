"""``thidua documents import`` and ``render`` of drafts and of issued documents'
stored files (documents/management/commands/documents.py)."""

import io

import docx
import pytest
from django.core.management import CommandError, call_command

from thidua.common.models import ActivityLog
from thidua.documents.models import DraftDocument, DraftState
from thidua.documents.services.draft_issue import transition_draft
from thidua.documents.services.render import render_issued_document

from .conftest import require_soffice
from .test_drafts import ISSUED_ON, approved, signers, written  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _docx(*lines: str) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PLAN = _docx(
    "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
    "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
    "Số: 12/KH-SKHĐT",
    "Lạng Sơn, ngày 05 tháng 02 năm 2026",
    "KẾ HOẠCH",
    "Tổ chức phong trào thi đua năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Động viên công chức.",
    "GIÁM ĐỐC",
    "Vũ Hoàng Quý",
)


def _run(*args) -> str:
    out = io.StringIO()
    call_command("documents", *args, stdout=out)
    return out.getvalue()


def test_import_prints_the_new_drafts_id(org, tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(PLAN)
    printed = _run("import", str(path), "--agency", "SKHĐT")
    draft = DraftDocument.objects.get()
    assert f"mã {draft.pk}" in printed
    assert draft.agency == org.skhdt and draft.state == DraftState.DRAFT
    entry = ActivityLog.objects.get(action="documents.draft_import")
    assert entry.data["file_name"] == "ke-hoach.docx"
    # Without --agency: the root of the tree (the one province here).
    _run("import", str(path))
    assert DraftDocument.objects.latest("id").agency == org.province


def test_import_prints_the_lines_it_could_not_place(org, tmp_path, monkeypatch):
    from thidua.documents.drafting import docx_import  # noqa: PLC0415

    real = docx_import.import_docx

    def with_leftovers(data):
        result = real(data)
        return type(result)(result.content, ["Dòng lạ một", "Dòng lạ hai"])

    monkeypatch.setattr(docx_import, "import_docx", with_leftovers)
    path = tmp_path / "a.docx"
    path.write_bytes(PLAN)
    printed = _run("import", str(path), "--agency", "SKHĐT")
    assert "2 dòng chưa xếp được vào văn bản:" in printed
    assert "  Dòng lạ một\n  Dòng lạ hai" in printed


@pytest.mark.parametrize(
    "data, message",
    [
        (b"khong phai docx", r"Tệp không phải văn bản Word \(\.docx\)"),
        (None, "Không đọc được tệp"),
    ],
)
def test_a_bad_file_creates_nothing(org, tmp_path, data, message):
    path = tmp_path / "hong.docx"
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(CommandError, match=message):
        _run("import", str(path), "--agency", "SKHĐT")
    assert not DraftDocument.objects.exists()
    assert not ActivityLog.objects.filter(action="documents.draft_import").exists()


def test_import_needs_a_known_agency(org, tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(PLAN)
    with pytest.raises(CommandError, match="Không có cơ quan mã “XX”"):
        _run("import", str(path), "--agency", "XX")
    from thidua.organizations.enums import AgencyLevel  # noqa: PLC0415
    from thidua.organizations.services.structure import create_agency  # noqa: PLC0415

    create_agency(
        code="UBND-HN", name="UBND thành phố Hà Nội", level=AgencyLevel.PROVINCE
    )
    with pytest.raises(CommandError, match="--agency MÃ"):
        _run("import", str(path))
    assert not DraftDocument.objects.exists()


def _text(path) -> str:
    document = docx.Document(str(path))
    cells = [
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_render_a_draft_as_docx(org, signers, tmp_path):  # noqa: F811
    typed = [{"title": "GIÁM ĐỐC", "name": "Vũ Hoàng Quý"}]
    draft = written(org, signers, signers=typed)
    out = tmp_path / "nhap.docx"
    printed = _run("render", str(draft.pk), "--docx", str(out))
    assert f"Đã ghi {out}" in printed
    text = _text(out)
    assert "Tổ chức phong trào thi đua thực hiện nhiệm vụ năm 2026" in text
    assert "Vũ Hoàng Quý" in text
    # The older -o/--format spelling works for a draft too.
    again = tmp_path / "lai.docx"
    _run("render", str(draft.pk), "--format", "docx", "-o", str(again))
    assert again.read_bytes() == out.read_bytes()
    # And "render draft ID" through the registered kind.
    kind = tmp_path / "kind.docx"
    _run("render", "draft", str(draft.pk), "--format", "docx", "-o", str(kind))
    assert kind.read_bytes() == out.read_bytes()


def test_render_an_issued_draft_and_its_stored_files(org, signers, tmp_path):  # noqa: F811
    require_soffice()
    draft = transition_draft(
        approved(org, signers),
        DraftState.ISSUED,
        actor=signers["clerk"],
        issued_on=ISSUED_ON,
    )
    document = draft.issued_document
    render_issued_document(document.pk)
    document.refresh_from_db()
    assert document.is_ready, document.error
    pdf, docx_out = tmp_path / "a.pdf", tmp_path / "a.docx"
    _run("render", f"issued:{document.pk}", "--pdf", str(pdf), "--docx", str(docx_out))
    with document.pdf.open("rb") as stored:
        assert pdf.read_bytes() == stored.read()
    with document.docx.open("rb") as stored:
        assert docx_out.read_bytes() == stored.read()
    by_option = tmp_path / "b.pdf"
    _run("render", "--issued", str(document.pk), "--pdf", str(by_option))
    assert by_option.read_bytes() == pdf.read_bytes()
    # The draft itself, issued: its number printed.
    fresh = tmp_path / "c.docx"
    _run("render", str(draft.pk), "--docx", str(fresh))
    assert "Số: 01/KH-SKHĐT" in _text(fresh)


def test_render_refusals(org, signers, tmp_path):  # noqa: F811
    out = str(tmp_path / "x.pdf")
    draft = approved(org, signers)
    cases = [
        (("render", "999999", "--pdf", out), "Không có văn bản soạn thảo mã “999999”"),
        (("render", "abc", "--pdf", out), "Không có văn bản soạn thảo mã “abc”"),
        (("render", str(draft.pk)), "Chọn tệp ghi ra"),
        (("render", "issued:abc", "--pdf", out), "Không có văn bản đi mã “abc”"),
        (("render", "--issued", "424242", "--pdf", out), "Không có văn bản đi mã"),
        (("render", "phieu", "1", "-o", out), "Không có loại văn bản “phieu”"),
        (("render", "movement", "1"), "Chọn tệp ghi ra: -o TỆP."),
        (("render",), "Cần ID văn bản soạn thảo"),
        (("render", "a", "b", "c", "-o", out), "Cần ID văn bản soạn thảo"),
        (("render", "draft", "999999", "-o", out), "Không tìm thấy draft 999999"),
    ]
    for args, message in cases:
        with pytest.raises(CommandError, match=message):
            _run(*args)
    issued = transition_draft(draft, DraftState.ISSUED, actor=signers["clerk"])
    with pytest.raises(CommandError, match="chưa có tệp"):
        _run("render", f"issued:{issued.issued_document.pk}", "--pdf", out)


def test_render_a_draft_whose_content_cannot_be_rendered(
    org,
    signers,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    from thidua.documents.drafting.content import ContentError  # noqa: PLC0415
    from thidua.documents.services import draft_issue as drafts  # noqa: PLC0415

    draft = written(org, signers)

    def unreadable(draft_id):
        raise ContentError(["Nội dung › mục I: hỏng"])

    monkeypatch.setattr(drafts, "spec_for_draft_id", unreadable)
    with pytest.raises(CommandError, match="Nội dung › mục I: hỏng"):
        _run("render", str(draft.pk), "--docx", str(tmp_path / "x.docx"))
