"""The pages of documents written in thidua: the list, a new one from a template or a
Word file, the editor's saves, preview and paste, a draft's page, its files."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.documents.models import DocumentTemplate, DraftDocument, DraftState
from thidua.documents.services.drafts import create_draft

from . import docx_samples
from .conftest import require_poppler, require_soffice

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture
def draft(org, users):
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save(update_fields=["place_name"])
    return create_draft(
        agency=org.skhdt, template_code="ke_hoach_tinh", actor=users["officer"]
    )


def _save(client, draft, content, version=None):
    return client.post(
        reverse("documents:drafts-save", args=[draft.pk]),
        json.dumps({"content": content, "version": version or draft.version}),
        content_type="application/json",
    )


def test_an_officer_starts_from_a_template_and_lands_in_the_editor(org, client_for):
    client = client_for("officer")
    page = client.get(reverse("documents:drafts-new")).content.decode()
    assert "Kế hoạch tổ chức phong trào thi đua (cấp tỉnh, có bảng chấm điểm)" in page
    assert "Mẫu có sẵn – Biên bản" in page and "Văn bản trống" in page
    response = client.post(
        reverse("documents:drafts-new"),
        {"agency": org.skhdt.pk, "start": "mau:ke_hoach_tinh"},
    )
    draft = DraftDocument.objects.get()
    assert response.url == reverse("documents:drafts-edit", args=[draft.pk])
    editor = client.get(response.url).content.decode()
    assert 'id="draft-content"' in editor and "draft_editor.js" in editor
    found = re.search(r'id="draft-content"[^>]*>(.*?)</script>', editor, re.S)
    content = json.loads(found.group(1))
    assert content["body"][1]["title"] == "Đối tượng, phạm vi"
    empty = client.post(
        reverse("documents:drafts-new"),
        {"agency": org.skhdt.pk, "start": "trong:to_trinh"},
    )
    assert DraftDocument.objects.get(pk=empty.url.split("/")[-3]).kind == "to_trinh"


def test_a_start_that_does_not_exist_is_refused_on_the_form(org, users, client_for):
    other = DocumentTemplate.objects.create(
        agency=org.other, kind="ke_hoach", name="Mẫu khác", content={}
    )
    client = client_for("officer")
    page = client.post(
        reverse("documents:drafts-new"),
        {"agency": org.skhdt.pk, "start": f"rieng:{other.pk}"},
    ).content.decode()
    # Another agency's template is not among the choices.
    assert 'name="start"' in page and "is-invalid" in page
    assert not DraftDocument.objects.exists()
    own = DocumentTemplate.objects.create(
        agency=org.skhdt,
        kind="bao_cao",
        name="Báo cáo năm",
        content={"kind": "bao_cao"},
    )
    response = client.post(
        reverse("documents:drafts-new"),
        {"agency": org.skhdt.pk, "start": f"rieng:{own.pk}"},
    )
    assert response.status_code == 302
    assert DraftDocument.objects.get().template == own


def test_who_sees_the_list_and_who_writes(draft, client_for):
    assert client_for("staff").get(reverse("documents:drafts")).status_code == 403
    assert client_for("staff").get(reverse("documents:drafts-new")).status_code == 404
    page = client_for("officer").get(reverse("documents:drafts")).content.decode()
    assert draft.title in page and 'data-testid="draft-new"' in page
    other = (
        client_for("other_officer").get(reverse("documents:drafts")).content.decode()
    )
    assert draft.title not in other
    head = client_for("head").get(reverse("documents:drafts")).content.decode()
    assert draft.title in head and 'data-testid="draft-new"' not in head
    for name in ("drafts-detail", "drafts-edit"):
        url = reverse(f"documents:{name}", args=[draft.pk])
        assert client_for("other_officer").get(url).status_code == 404
    assert (
        client_for("head")
        .get(reverse("documents:drafts-edit", args=[draft.pk]))
        .status_code
        == 403
    )


def test_the_list_filters(draft, org, users, client_for):
    create_draft(agency=org.skhdt, kind="bien_ban", actor=users["officer"])
    client = client_for("officer")
    url = reverse("documents:drafts")
    by_kind = client.get(url, {"loai": "bien_ban"}).content.decode()
    assert draft.title not in by_kind
    words = client.get(url, {"q": "phong trao thi dua"}).content.decode()
    assert draft.title in words
    assert draft.title not in client.get(url, {"q": "khong co"}).content.decode()
    assert draft.title in client.get(url, {"trang-thai": "nhap"}).content.decode()
    assert (
        client.get(url, {"trang-thai": "x", "loai": "y", "page": "z"}).status_code
        == 200
    )


def test_the_editor_saves_with_the_version_and_names_problems(draft, client_for):
    client = client_for("officer")
    content = dict(draft.content, trich_yeu="Phát động thi đua năm 2027")
    answer = _save(client, draft, content)
    assert answer.status_code == 200
    body = answer.json()
    assert body["version"] == draft.version + 1 and body["saved"].startswith(
        "Đã lưu lúc"
    )
    assert "Người ký 1: thiếu họ tên" in body["issue_problems"]
    draft.refresh_from_db()
    assert draft.title == "Phát động thi đua năm 2027"
    stale = _save(client, draft, content, version=1)
    assert stale.status_code == 409 and "người khác cập nhật" in stale.json()["message"]
    broken = _save(client, draft, {**content, "body": [{"type": "image"}]})
    assert broken.status_code == 400
    assert (
        "Nội dung › 1: loại thành phần không hợp lệ (image)"
        in broken.json()["problems"]
    )
    for raw in (b"{", b"[1]", json.dumps({"content": {}}).encode()):
        bad = client.post(
            reverse("documents:drafts-save", args=[draft.pk]),
            raw,
            content_type="application/json",
        )
        assert bad.status_code == 400 and bad.json()["message"]
    assert (
        client_for("head")
        .post(
            reverse("documents:drafts-save", args=[draft.pk]),
            b"{}",
            content_type="application/json",
        )
        .status_code
        == 403
    )


def test_the_editor_saves_merged_cells_and_refuses_an_overlap(draft, client_for):
    client = client_for("officer")
    table = {
        "type": "table",
        "rows": [
            ["STT", {"text": "Tiêu chí", "colspan": 2}],
            [{"text": "1", "rowspan": 2}, "Chỉ đạo", "40"],
            ["Kết quả", "60"],
        ],
    }
    content = dict(draft.content, body=[table])
    assert _save(client, draft, content).status_code == 200
    draft.refresh_from_db()
    rows = draft.content["body"][0]["rows"]
    assert (rows[0][1]["colspan"], rows[1][0]["rowspan"]) == (2, 2)
    # "40" merged down too: "Kết quả" merged right would cover it.
    overlap = [
        rows[0],
        [{"text": "1", "rowspan": 2}, "Chỉ đạo", {"text": "40", "rowspan": 2}],
        [{"text": "Kết quả", "colspan": 2}],
    ]
    refused = _save(client, draft, dict(content, body=[{**table, "rows": overlap}]))
    assert refused.status_code == 400
    assert refused.json()["problems"] == [
        "Nội dung › bảng 1 › dòng 3, ô 2: ô gộp chồng lên ô gộp ở dòng 2, ô 3"
    ]
    draft.refresh_from_db()
    assert draft.content["body"][0]["rows"] == rows


def test_paste_turns_lines_into_items(client_for):
    url = reverse("documents:drafts-paste")
    answer = client_for("officer").post(
        url,
        json.dumps({"text": "I. Mục đích\n1. Động viên\n- toàn dân", "html": 3}),
        content_type="application/json",
    )
    nodes = answer.json()["nodes"]
    assert (
        nodes[0]["numbering"] == "roman"
        and nodes[0]["children"][0]["numbering"] == "arabic"
    )
    assert (
        client_for("officer")
        .post(url, b"x", content_type="application/json")
        .status_code
        == 400
    )
    assert (
        client_for("staff")
        .post(url, b"{}", content_type="application/json")
        .status_code
        == 403
    )


@pytest.mark.needs_system
def test_the_preview_is_the_pdf_s_pages(draft, client_for):
    require_soffice()
    require_poppler()
    client = client_for("officer")
    url = reverse("documents:drafts-preview", args=[draft.pk])
    page = client.post(url).content.decode()
    # The signer's name is still empty: the renderer says so instead of a page.
    assert "Chưa xem trước được" in page and "Thiếu họ tên người ký" in page
    content = json.loads(json.dumps(draft.content))
    content["signers"][0]["name"] = "Nguyễn Văn A"
    assert _save(client, draft, content).status_code == 200
    page = client.post(url).content.decode()
    assert page.count('data-testid="preview-page"') >= 2
    assert client.get(url).status_code == 405


def test_the_draft_page_its_files_and_its_template(draft, org, client_for, settings):
    client = client_for("officer")
    detail = reverse("documents:drafts-detail", args=[draft.pk])
    page = client.get(detail).content.decode()
    assert "Trình thủ trưởng duyệt" in page and 'data-testid="draft-edit"' in page
    response = client.post(
        reverse("documents:drafts-attach", args=[draft.pk]),
        {"file": SimpleUploadedFile("Danh sách.pdf", PDF)},
    )
    assert response.url == detail
    attachment = draft.attachments.get()
    got = client.get(
        reverse("documents:drafts-attachment", args=[draft.pk, attachment.pk])
    )
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF
    assert got["Content-Security-Policy"] == "sandbox"
    again = client.post(
        reverse("documents:drafts-attach", args=[draft.pk]),
        {"file": SimpleUploadedFile("Danh sách.pdf", PDF)},
        follow=True,
    ).content.decode()
    assert "đã có tệp kèm theo tên" in again
    empty = client.post(
        reverse("documents:drafts-attach", args=[draft.pk]), {}, follow=True
    )
    assert (
        "Trường này là bắt buộc" in empty.content.decode()
        or "bắt buộc" in empty.content.decode()
    )
    client.post(reverse("documents:drafts-detach", args=[draft.pk, attachment.pk]))
    assert not draft.attachments.exists()
    assert (
        client.get(
            reverse("documents:drafts-attachment", args=[draft.pk, attachment.pk])
        ).status_code
        == 404
    )
    client.post(
        reverse("documents:drafts-template", args=[draft.pk]), {"name": "Kế hoạch năm"}
    )
    assert DocumentTemplate.objects.get(agency=org.skhdt).name == "Kế hoạch năm"
    refused = client.post(
        reverse("documents:drafts-template", args=[draft.pk]), {"name": ""}, follow=True
    )
    assert "bắt buộc" in refused.content.decode()
    docx = client.get(reverse("documents:drafts-file", args=[draft.pk, "docx"]))
    # The template's signer has no name yet: the page says what is missing.
    assert docx.status_code == 302
    content = json.loads(json.dumps(draft.content))
    content["signers"][0]["name"] = "Nguyễn Văn A"
    draft.refresh_from_db()
    assert _save(client, draft, content).status_code == 200
    docx = client.get(reverse("documents:drafts-file", args=[draft.pk, "docx"]))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert (
        client.get(reverse("documents:drafts-file", args=[draft.pk, "xyz"])).status_code
        == 404
    )


def test_steps_from_the_page_and_a_frozen_draft(draft, users, client_for):
    content = json.loads(json.dumps(draft.content))
    content["signers"][0]["name"] = "Nguyễn Văn A"
    client = client_for("officer")
    assert _save(client, draft, content).status_code == 200
    move = reverse("documents:drafts-move", args=[draft.pk])
    client.post(move, {"to": DraftState.AWAITING})
    draft.refresh_from_db()
    assert draft.state == DraftState.AWAITING
    # Before the head the text is his to read: the editor leads back to the page.
    edit = client.get(reverse("documents:drafts-edit", args=[draft.pk]))
    assert edit.url == draft.get_absolute_url()
    assert client.post(move, {"to": DraftState.ISSUED}).status_code == 403
    head = client_for("head")
    head.post(move, {"to": DraftState.RETURNED, "reason": "Sửa căn cứ"})
    draft.refresh_from_db()
    assert draft.state == DraftState.RETURNED and draft.return_reason == "Sửa căn cứ"
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Sửa căn cứ" in page


def test_a_word_file_comes_in_with_what_was_not_placed(org, client_for):
    client = client_for("officer")
    url = reverse("documents:drafts-import")
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("ke-hoach.docx", docx_samples.ubnd_plan())
    response = client.post(url, {"agency": org.skhdt.pk, "file": upload}, follow=True)
    draft = DraftDocument.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "documents:drafts-edit", args=[draft.pk]
    )
    assert "Đã đọc văn bản vào để soạn tiếp" in response.content.decode()
    bad = client.post(
        url, {"agency": org.skhdt.pk, "file": SimpleUploadedFile("a.docx", PDF)}
    ).content.decode()
    assert "PDF" in bad and DraftDocument.objects.count() == 1
    assert ActivityLog.objects.filter(action="documents.draft_import").count() == 1
