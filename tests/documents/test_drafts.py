"""The services of documents written in thidua (documents/services/drafts.py): created
from a template or empty with the agency's issuer, edited with a version check,
attached files, kept as the agency's template, imported from DOCX, and taken before
the head, approved or returned, numbered, issued and rendered as the kind "draft".
Every write is audited in its own transaction."""

import copy
import datetime
import unicodedata

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from thidua.common.models import ActivityLog
from thidua.documents.drafting import content as content_module
from thidua.documents.kinds import document_kind
from thidua.documents.models import (
    DocumentTemplate,
    DraftAttachment,
    DraftDocument,
    DraftState,
    IssuedDocument,
    NumberSeries,
)
from thidua.documents.services import draft_files, draft_issue
from thidua.documents.services import drafts as service
from thidua.documents.services.draft_files import attach_file, remove_attachment
from thidua.documents.services.draft_issue import (
    personal_signer,
    problems_before_head,
    spec_for_draft_id,
    transition_draft,
)
from thidua.documents.services.drafts import (
    create_draft,
    save_as_template,
    save_content,
)
from thidua.documents.workflows import DRAFT
from thidua.eligibility.legal_basis import basis_lines

from ..decisions.factories import give_person
from ..workflow_matrix import ROLES, check_move, each_transition

pytestmark = pytest.mark.django_db

S = DraftState
ISSUED_ON = datetime.date(2026, 2, 5)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
# What an officer writes before the head sees it (the issuer, place and symbol come
# from the agency; the signer is the approver's; the number and date the clerk's).
WRITTEN = {
    "type_title": "KẾ HOẠCH",
    "trich_yeu": "Tổ chức phong trào thi đua thực hiện nhiệm vụ năm 2026",
    "opening": ["Thực hiện Chỉ thị số 02/CT-UBND của UBND tỉnh."],
    "body": [
        {
            "type": "section",
            "numbering": "roman",
            "title": "MỤC ĐÍCH, YÊU CẦU",
            "text": "",
            "children": [{"type": "paragraph", "text": "Động viên công chức."}],
        }
    ],
    "recipients": ["Các phòng, đơn vị thuộc Sở"],
    "filing": ["VT", "VP"],
}


def _actions(obj) -> list[str]:
    return list(
        ActivityLog.objects.filter(
            object_id=str(obj.pk), content_type=ContentType.objects.get_for_model(obj)
        )
        .order_by("id")
        .values_list("action", flat=True)
    )


@pytest.fixture
def signers(org, users):
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save(update_fields=["place_name"])
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    return users


def written(org, users, *, kind="ke_hoach", **content) -> DraftDocument:
    draft = create_draft(agency=org.skhdt, kind=kind, actor=users["officer"])
    return save_content(
        draft,
        draft.content | WRITTEN | content,
        actor=users["officer"],
        expected_version=draft.version,
    )


def approved(org, users, **content) -> DraftDocument:
    draft = transition_draft(
        written(org, users, **content), S.AWAITING, actor=users["officer"]
    )
    return transition_draft(draft, S.APPROVED, actor=users["head"])


# --- Create ---------------------------------------------------------------------------


def test_an_empty_draft_takes_the_agencys_issuer_place_and_symbol(org, signers):
    draft = create_draft(agency=org.skhdt, kind="ke_hoach", actor=signers["officer"])
    issuer = draft.content["issuers"][0]
    assert issuer["name"].upper() == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    assert issuer["parent"].upper() == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert issuer["abbreviation"] == "SKHĐT"
    assert draft.content["place"] == "Lạng Sơn"
    assert draft.content["symbol"] == "KH-SKHĐT"
    assert draft.content.get("bases") in (None, [])
    assert (draft.state, draft.version, draft.kind) == (S.DRAFT, 1, "ke_hoach")
    assert draft.created_by == signers["officer"]
    assert _actions(draft) == ["documents.draft_create"]


def test_a_decision_cites_the_law_in_force_and_symbols_follow_the_kind(org, users):
    day = datetime.date(2026, 3, 1)
    decision = create_draft(agency=org.skhdt, kind="quyet_dinh", day=day)
    bases = [line.rstrip(";.") for line in decision.content["bases"]]
    assert bases == list(basis_lines(day))
    assert decision.content["symbol"] == "QĐ-SKHĐT"
    letter = create_draft(agency=org.skhdt, kind="cong_van")
    assert letter.content["symbol"] == "SKHĐT"
    other = create_draft(agency=org.skhdt, kind="khac")
    assert other.content["symbol"] == ""
    # A unit without an abbreviation, and the root without a parent.
    unit = create_draft(agency=org.vp, kind="bao_cao")
    assert unit.content["symbol"] == "BC"
    root = create_draft(agency=org.province, kind="thong_bao")
    assert root.content["issuers"][0]["parent"] == ""


def test_a_draft_from_a_builtin_or_the_agencys_template(org, users):
    from thidua.documents.drafting.templates import builtin_templates  # noqa: PLC0415

    builtin = builtin_templates()[0]
    draft = create_draft(agency=org.skhdt, template_code=builtin.code)
    assert (draft.kind, draft.template_code) == (builtin.kind, builtin.code)
    assert draft.content["issuers"][0]["name"].upper() == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    template = DocumentTemplate.objects.create(
        agency=org.skhdt,
        kind="to_trinh",
        name="Tờ trình khen thưởng",
        content={"version": 1, "kind": "to_trinh", "trich_yeu": "Đề nghị khen"},
    )
    mine = create_draft(agency=org.skhdt, template=template)
    assert (mine.kind, mine.template, mine.title) == (
        "to_trinh",
        template,
        "Đề nghị khen",
    )


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"kind": "thu_tay"}, "Loại văn bản “thu_tay” không có"),
        ({"template_code": "khong-co"}, "Không có mẫu văn bản “khong-co”"),
        ({"template_code": "x", "template": "ours"}, "không chọn hai"),
        ({"template": "theirs"}, "không thuộc cơ quan này"),
    ],
)
def test_a_draft_is_refused_without_a_known_start(org, arguments, message):
    templates = {
        name: DocumentTemplate.objects.create(
            agency=agency, kind="ke_hoach", name="Mẫu", content={"kind": "ke_hoach"}
        )
        for name, agency in (("ours", org.skhdt), ("theirs", org.other))
    }
    arguments = {k: templates.get(v, v) for k, v in arguments.items()}
    with pytest.raises(ValidationError, match=message):
        create_draft(agency=org.skhdt, **arguments)
    assert not DraftDocument.objects.exists()


def test_a_movements_launch_plan_as_a_draft(org, users):
    from ..movements.factories import make_movement  # noqa: PLC0415

    movement = make_movement(org)
    draft = create_draft(agency=org.skhdt, kind="ke_hoach", movement=movement)
    assert draft.movement == movement
    with pytest.raises(ValidationError, match="không do cơ quan này phát động"):
        create_draft(agency=org.other, kind="ke_hoach", movement=movement)


# --- Edit -----------------------------------------------------------------------------


def test_saving_normalises_checks_the_version_and_audits(org, users):
    draft = create_draft(agency=org.skhdt, kind="ke_hoach")
    title = "Tổ chức phong trào"
    saved = save_content(
        draft,
        draft.content | {"trich_yeu": unicodedata.normalize("NFD", title)},
        actor=users["officer"],
        expected_version=1,
    )
    assert saved.title == title
    assert saved.version == 2 and saved.updated_by == users["officer"]
    entry = ActivityLog.objects.filter(action="documents.draft_save").get()
    assert entry.data["changes"] == {"title": ["", title]}
    assert entry.data["elements"] == ["trich_yeu"]
    # The same content again changes nothing and writes nothing.
    assert save_content(saved, saved.content).version == 2
    # Another element only: no title change in the entry.
    save_content(saved, saved.content | {"place": "Hà Nội"})
    last = ActivityLog.objects.filter(action="documents.draft_save").first()
    assert "changes" not in last.data and last.data["elements"] == ["place"]
    with pytest.raises(ValidationError, match="người khác cập nhật"):
        save_content(saved, saved.content | {"place": "Huế"}, expected_version=2)


def test_a_broken_shape_is_refused_with_its_problems(org, monkeypatch):
    draft = create_draft(agency=org.skhdt, kind="ke_hoach")
    with pytest.raises(ValidationError, match="đối tượng JSON"):
        save_content(draft, ["không", "phải", "đối tượng"])
    broken = draft.content | {"body": [{"type": "section", "numbering": "sao"}]}
    with pytest.raises(ValidationError) as refused:
        save_content(draft, broken)
    assert refused.value.messages
    monkeypatch.setattr(
        service,
        "normalise_content",
        lambda c: (_ for _ in ()).throw(
            content_module.ContentError(["Nội dung: hỏng"])
        ),
    )
    with pytest.raises(ValidationError, match="Nội dung: hỏng"):
        save_content(draft, draft.content)
    draft.refresh_from_db()
    assert draft.version == 1


def test_only_the_offices_text_is_edited(org, signers):
    draft = transition_draft(
        written(org, signers), S.AWAITING, actor=signers["officer"]
    )
    with pytest.raises(ValidationError, match="đang trình thủ trưởng"):
        save_content(draft, draft.content)
    issued = transition_draft(
        transition_draft(draft, S.APPROVED, actor=signers["head"]),
        S.ISSUED,
        actor=signers["clerk"],
        issued_on=ISSUED_ON,
    )
    with pytest.raises(ValidationError, match="đã ban hành không được sửa"):
        save_content(issued, issued.content)


def test_attachments_are_listed_in_the_content(
    org, users, django_capture_on_commit_callbacks
):
    draft = create_draft(agency=org.skhdt, kind="ke_hoach")
    first = attach_file(
        draft, SimpleUploadedFile("Danh sách.pdf", PDF), actor=users["officer"]
    )
    attach_file(draft, SimpleUploadedFile("phu-luc.pdf", PDF), expected_version=2)
    draft.refresh_from_db()
    assert _names(draft) == ["Danh sách.pdf", "phu-luc.pdf"]
    assert (first.size, len(first.sha256)) == (len(PDF), 64)
    assert default_storage.exists(first.file.name)
    # The content's order is kept; names without a file are dropped.
    reordered = draft.content | {
        "attachments": [{"name": "phu-luc.pdf"}, {"name": "mất.pdf"}]
    }
    draft = save_content(draft, reordered)
    assert _names(draft) == ["phu-luc.pdf", "Danh sách.pdf"]
    assert draft.content["attachments"][1]["id"] == first.pk
    with pytest.raises(ValidationError, match="đã có tệp kèm theo tên"):
        attach_file(draft, SimpleUploadedFile("phu-luc.pdf", PDF))
    with pytest.raises(ValidationError, match="không hợp lệ"):
        attach_file(draft, SimpleUploadedFile("virus.pdf", b"MZ\x90\x00"))
    with (
        override_settings(THIDUA_MAX_UPLOAD_BYTES=10),
        pytest.raises(ValidationError, match="quá lớn"),
    ):
        attach_file(draft, SimpleUploadedFile("lon.pdf", PDF))
    with django_capture_on_commit_callbacks(execute=True):
        draft = remove_attachment(first, actor=users["officer"])
    assert _names(draft) == ["phu-luc.pdf"]
    assert not default_storage.exists(first.file.name)
    assert _actions(draft).count("documents.draft_attach") == 2
    assert "documents.draft_detach" in _actions(draft)


def _names(draft) -> list[str]:
    return [entry["name"] for entry in draft.content["attachments"]]


def _stored() -> set[str]:
    if not default_storage.exists("drafts"):
        return set()
    return {
        f"{year}/{name}"
        for year in default_storage.listdir("drafts")[0]
        for name in default_storage.listdir(f"drafts/{year}")[1]
    }


def test_a_failed_attach_leaves_no_file(org, monkeypatch):
    draft = create_draft(agency=org.skhdt, kind="ke_hoach")
    before = _stored()

    def audit_down(*args, **kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(draft_files, "_log", audit_down)
    with pytest.raises(RuntimeError):
        attach_file(draft, SimpleUploadedFile("a.pdf", PDF))
    assert not DraftAttachment.objects.exists()
    assert _stored() == before


def test_a_draft_kept_as_the_agencys_template(org, signers):
    draft = written(org, signers)
    attach_file(draft, SimpleUploadedFile("a.pdf", PDF))
    draft.refresh_from_db()
    template = save_as_template(draft, "  Kế hoạch năm  ", actor=signers["officer"])
    assert (template.name, template.kind, template.agency) == (
        "Kế hoạch năm",
        "ke_hoach",
        org.skhdt,
    )
    assert template.content["attachments"] == []
    assert template.content["trich_yeu"] == WRITTEN["trich_yeu"]
    assert _actions(template) == ["documents.draft_template_save"]
    with pytest.raises(ValidationError, match="đã có mẫu văn bản tên"):
        save_as_template(draft, "Kế hoạch năm")
    with pytest.raises(ValidationError, match="Phải đặt tên"):
        save_as_template(draft, "  ")
    again = create_draft(agency=org.skhdt, template=template)
    assert again.content["trich_yeu"] == WRITTEN["trich_yeu"]


# --- Before the head, approved, issued ------------------------------------------------


def test_the_whole_way_to_the_register(org, signers):
    draft = approved(org, signers)
    assert draft.signer_name == "Vũ Hoàng Quý"
    issued = transition_draft(
        draft, S.ISSUED, actor=signers["clerk"], issued_on=ISSUED_ON
    )
    document = issued.issued_document
    assert document.symbol == "01/KH-SKHĐT"
    assert (document.source_kind, document.source_id) == ("draft", issued.pk)
    assert (document.type_code, document.summary) == ("KH", WRITTEN["trich_yeu"])
    assert (document.signer_title, document.signer_name) == (
        "Giám đốc Sở",
        "Vũ Hoàng Quý",
    )
    assert issued.content["number"] == "1"
    assert issued.content["date"] == "2026-02-05"
    signer = issued.content["signers"][0]
    assert (signer["name"], signer["person_id"]) == (
        "Vũ Hoàng Quý",
        signers["head"].person_id,
    )
    assert _actions(issued) == [
        "documents.draft_create",
        "documents.draft_save",
        "documents.draft_submit",
        "documents.draft_approve",
        "documents.draft_issue",
    ]
    entry = ActivityLog.objects.get(action="documents.draft_issue")
    assert entry.data["symbol"] == "01/KH-SKHĐT"
    # The kind "draft" renders the frozen content with its number and date.
    spec = spec_for_draft_id(issued.pk)
    assert spec.number == 1 and spec.issue_date == ISSUED_ON
    who = personal_signer(issued.pk)
    assert (who.name, who.user) == ("Vũ Hoàng Quý", signers["head"])
    assert document_kind("draft").build_spec(issued.pk).trich_yeu == spec.trich_yeu


def test_a_deputy_signs_for_the_head_under_a_collective(org, signers):
    typed = {
        "authority": "TM.",
        "principal": "ỦY BAN NHÂN DÂN",
        "title": "CHỦ TỊCH",
        "name": "Ai đó",
    }
    draft = transition_draft(
        written(org, signers, signers=[typed]), S.AWAITING, actor=signers["officer"]
    )
    draft = transition_draft(draft, S.APPROVED, actor=signers["deputy"])
    issued = transition_draft(draft, S.ISSUED, actor=signers["clerk"])
    signer = issued.content["signers"][0]
    assert (signer["authority"], signer["principal"]) == ("TM.", "ỦY BAN NHÂN DÂN")
    assert (signer["second_authority"], signer["second_principal"]) == (
        "KT.",
        "Giám đốc Sở",
    )
    assert (signer["title"], signer["name"]) == ("Phó Giám đốc Sở", "Lý Văn Sơn")


def test_minutes_keep_their_typed_signers_and_are_only_sealed(org, signers):
    typed = [
        {"title": "CHỦ TRÌ", "name": "Lê Minh Đức"},
        {"title": "THƯ KÝ", "name": "Nông Văn Bình"},
    ]
    draft = written(org, signers, kind="bien_ban", type_title="BIÊN BẢN", signers=typed)
    assert problems_before_head(draft) == []
    draft = transition_draft(draft, S.AWAITING, actor=signers["officer"])
    draft = transition_draft(draft, S.APPROVED, actor=signers["head"])
    issued = transition_draft(draft, S.ISSUED, actor=signers["clerk"])
    assert [s["name"] for s in issued.content["signers"]] == [
        "Lê Minh Đức",
        "Nông Văn Bình",
    ]
    assert issued.issued_document.symbol == "01/BB-SKHĐT"
    assert personal_signer(issued.pk) is None


def test_a_letter_has_no_type_code(org, signers):
    draft = approved(org, signers)
    draft = DraftDocument.objects.get(pk=draft.pk)
    DraftDocument.objects.filter(pk=draft.pk).update(
        kind="cong_van",
        content=draft.content
        | {"kind": "cong_van", "type_title": "", "symbol": "SKHĐT-VP"},
    )
    issued = transition_draft(draft, S.ISSUED, actor=signers["clerk"])
    document = issued.issued_document
    assert (document.symbol, document.type_code, document.type_name) == (
        "01/SKHĐT-VP",
        "",
        "Công văn",
    )


def test_submitting_needs_every_element_but_the_clerks_and_the_signer(org, signers):
    draft = create_draft(agency=org.skhdt, kind="khac")
    problems = problems_before_head(draft)
    assert "Số, ký hiệu: thiếu ký hiệu (phần sau dấu “/”)." in problems
    assert "Thiếu trích yếu nội dung văn bản" in problems
    assert "Văn bản chưa có nội dung" in problems
    # A plan without a typed symbol takes its kind's code and the issuer's.
    plan = create_draft(agency=org.skhdt, kind="ke_hoach")
    plan = save_content(plan, plan.content | WRITTEN | {"symbol": ""})
    assert problems_before_head(plan) == []
    with pytest.raises(ValidationError, match="Chưa đủ thành phần để trình duyệt"):
        transition_draft(draft, S.AWAITING, actor=signers["officer"])
    assert problems_before_head(written(org, signers)) == []


def test_a_shape_unread_cannot_go_before_the_head(org, monkeypatch):
    draft = create_draft(agency=org.skhdt, kind="ke_hoach")
    monkeypatch.setattr(
        draft_issue,
        "normalise_content",
        lambda c: (_ for _ in ()).throw(content_module.ContentError(["Hỏng"])),
    )
    assert problems_before_head(draft) == ["Hỏng"]


def test_issuing_refuses_with_each_missing_element_and_keeps_the_number(org, signers):
    draft = approved(org, signers)
    DraftDocument.objects.filter(pk=draft.pk).update(
        content=draft.content | {"trich_yeu": ""}
    )
    with pytest.raises(ValidationError) as refused:
        transition_draft(draft, S.ISSUED, actor=signers["clerk"])
    assert refused.value.messages[0] == "Chưa ban hành được, văn bản còn thiếu:"
    assert "Thiếu trích yếu nội dung văn bản" in refused.value.messages
    draft.refresh_from_db()
    assert draft.state == S.APPROVED and draft.issued_document is None
    assert not IssuedDocument.objects.exists()
    assert not NumberSeries.objects.filter(last_number__gt=0).exists()


def test_a_symbol_of_an_unknown_type_is_refused_at_issue(org, signers):
    draft = approved(org, signers)
    DraftDocument.objects.filter(pk=draft.pk).update(
        content=draft.content | {"symbol": "XYZ-SKHĐT"}
    )
    with pytest.raises(ValidationError, match="“XYZ” chưa được khai báo"):
        transition_draft(draft, S.ISSUED, actor=signers["clerk"])


def test_returned_with_the_reason_then_submitted_again(org, signers):
    draft = transition_draft(
        written(org, signers), S.AWAITING, actor=signers["officer"]
    )
    with pytest.raises(ValidationError, match="lý do"):
        transition_draft(draft, S.RETURNED, actor=signers["head"])
    draft = transition_draft(
        draft, S.RETURNED, actor=signers["head"], reason="Bổ sung nơi nhận."
    )
    assert (draft.state, draft.return_reason) == (S.RETURNED, "Bổ sung nơi nhận.")
    draft = save_content(draft, draft.content | {"recipients": ["Sở Nội vụ"]})
    draft = transition_draft(draft, S.AWAITING, actor=signers["officer"])
    with pytest.raises(PermissionDenied):
        transition_draft(draft, S.APPROVED, actor=None)
    assert "documents.draft_return" in _actions(draft)


def test_the_spec_of_a_draft_not_issued_has_blanks(org, signers):
    draft = written(org, signers)
    spec = spec_for_draft_id(draft.pk)
    assert spec.number is None and spec.issue_date is None
    assert not spec.signer.name
    assert personal_signer(draft.pk).user is None
    # Approved: the preview is signed as it will be issued.
    draft = transition_draft(draft, S.AWAITING, actor=signers["officer"])
    draft = transition_draft(draft, S.APPROVED, actor=signers["deputy"])
    spec = spec_for_draft_id(draft.pk)
    assert (spec.signer.name, spec.number) == ("Lý Văn Sơn", None)


# --- Transition × role ----------------------------------------------------------------

HOLDERS = {
    "documents.change_draft": {"admin", "officer"},
    "documents.approve_draft": {"head", "deputy"},
    "documents.issue_draft": {"admin", "clerk"},
}
PATHS = {
    S.DRAFT: [],
    S.AWAITING: [S.AWAITING],
    S.RETURNED: [S.AWAITING, S.RETURNED],
    S.APPROVED: [S.AWAITING, S.APPROVED],
}


def _perform(draft, to, user):
    return transition_draft(
        draft, to, actor=user, issued_on=ISSUED_ON, reason="Bổ sung nơi nhận."
    )


def test_every_permission_in_the_table_is_in_the_matrix():
    assert {t.permission for t in DRAFT.transitions} == set(HOLDERS)


@each_transition(DRAFT)
@pytest.mark.parametrize("role", ROLES)
def test_transition_by_role(org, signers, move, role):
    draft = written(org, signers)
    for step in PATHS[move.source]:
        actor = signers["head"] if step in (S.APPROVED, S.RETURNED) else None
        draft = _perform(draft, step, actor)
    check_move(
        DRAFT, draft, signers[role], move, role in HOLDERS[move.permission], _perform
    )


def test_content_is_never_shared_between_drafts(org):
    """A template's content is copied, never referenced."""
    template = DocumentTemplate.objects.create(
        agency=org.skhdt,
        kind="ke_hoach",
        name="Mẫu",
        content={"kind": "ke_hoach", "opening": ["A"]},
    )
    before = copy.deepcopy(template.content)
    draft = create_draft(agency=org.skhdt, template=template)
    save_content(draft, draft.content | {"opening": ["B"]})
    template.refresh_from_db()
    assert template.content == before


# --- Import ---------------------------------------------------------------------------


def _plan_docx() -> bytes:
    from .test_drafts_cli import PLAN  # noqa: PLC0415

    return PLAN


def test_an_imported_draft_keeps_its_issuer_and_fills_what_is_missing(org, users):
    draft, unplaced = service.import_draft(
        _plan_docx(), agency=org.skhdt, actor=users["officer"], file_name="kh.docx"
    )
    assert isinstance(unplaced, list)
    assert draft.agency == org.skhdt and draft.created_by == users["officer"]
    assert draft.content["issuers"][0]["name"].upper() == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    entry = ActivityLog.objects.get(action="documents.draft_import")
    assert entry.data == {
        "kind": draft.kind,
        "file_name": "kh.docx",
        "unplaced": len(unplaced),
    }


def test_an_import_without_issuer_or_kind_takes_the_agencys(org, monkeypatch):
    from thidua.documents.drafting import docx_import  # noqa: PLC0415

    def bare(data):
        return docx_import.ImportResult({"trich_yeu": "Về việc A"}, ["Dòng 3"])

    monkeypatch.setattr(docx_import, "import_docx", bare)
    draft, unplaced = service.import_draft(b"x", agency=org.skhdt)
    assert (draft.kind, unplaced) == ("khac", ["Dòng 3"])
    assert draft.content["issuers"][0]["abbreviation"] == "SKHĐT"
    assert draft.content["place"] == ""  # the agency has no place name here

    def odd_kind(data):
        return docx_import.ImportResult({"kind": "thu_tay"}, [])

    monkeypatch.setattr(docx_import, "import_docx", odd_kind)
    with pytest.raises(ValidationError, match="Loại văn bản không hợp lệ: thu_tay"):
        service.import_draft(b"x", agency=org.skhdt)
    assert DraftDocument.objects.count() == 1


def test_a_bad_or_large_docx_creates_nothing(org):
    with pytest.raises(ValidationError, match=r"không phải văn bản Word"):
        service.import_draft(b"khong phai docx", agency=org.skhdt)
    with (
        override_settings(THIDUA_MAX_UPLOAD_BYTES=100),
        pytest.raises(ValidationError, match="Tệp DOCX quá lớn"),
    ):
        service.import_draft(_plan_docx(), agency=org.skhdt)
    assert not DraftDocument.objects.exists()
    assert not ActivityLog.objects.filter(action="documents.draft_import").exists()
