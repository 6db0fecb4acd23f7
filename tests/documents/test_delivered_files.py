"""The files delivered with a document written in thidua (its draft's attachments):
once the draft is issued, whoever sees the issued document in the register lists and
downloads them (selectors.delivered_attachments, access_delivered_attachment) and
sends them on in the document's package (package.py); for anyone else they do not
exist."""

import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse

from thidua.documents.models import DraftAttachment, DraftState
from thidua.documents.package import document_package
from thidua.documents.selectors import (
    access_delivered_attachment,
    delivered_attachments,
)
from thidua.documents.services.draft_files import attach_file
from thidua.documents.services.draft_issue import transition_draft
from thidua.documents.services.drafts import create_draft, save_content
from thidua.documents.services.render import render_issued_document

from ..decisions.factories import give_person
from .test_register_pages import issue

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


def _written(org, users):
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save(update_fields=["place_name"])
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    draft = create_draft(
        agency=org.skhdt, template_code="ke_hoach_tinh", actor=users["officer"]
    )
    content = dict(draft.content, trich_yeu="Kế hoạch thi đua năm 2026")
    draft = save_content(draft, content, actor=users["officer"])
    attach_file(draft, SimpleUploadedFile("Danh sách.pdf", PDF))
    attach_file(draft, SimpleUploadedFile("Sơ đồ.png", PNG))
    draft.refresh_from_db()
    return draft


def _issued(org, users):
    draft = _written(org, users)
    # The content lists the diagram first: that is the order delivered.
    reordered = list(reversed(draft.content["attachments"]))
    draft = save_content(draft, dict(draft.content, attachments=reordered))
    draft = transition_draft(draft, DraftState.AWAITING, actor=users["officer"])
    draft = transition_draft(draft, DraftState.APPROVED, actor=users["head"])
    return transition_draft(
        draft,
        DraftState.ISSUED,
        actor=users["clerk"],
        issued_on=datetime.date(2026, 3, 2),
    )


def test_the_files_of_an_issued_draft_go_with_its_document(org, users):
    draft = _issued(org, users)
    document = draft.issued_document
    other = issue(org, org.skhdt)  # numbered in the register, not written in thidua
    found = delivered_attachments([document, other])
    assert list(found) == [document.pk]
    assert [a.original_name for a in found[document.pk]] == [
        "Sơ đồ.png",
        "Danh sách.pdf",
    ]
    first = found[document.pk][0]
    assert access_delivered_attachment(users["officer"], document.pk, first.pk) == first
    for user, pk, attachment in (
        (users["other_officer"], document.pk, first.pk),  # another agency's register
        (users["staff"], document.pk, first.pk),
        (users["officer"], other.pk, first.pk),  # not this document's file
        (users["officer"], document.pk, 0),
    ):
        with pytest.raises(Http404):
            access_delivered_attachment(user, pk, attachment)


def test_a_draft_not_issued_delivers_nothing(org, users):
    draft = _written(org, users)
    assert delivered_attachments([]) == {}
    with pytest.raises(Http404):
        access_delivered_attachment(users["officer"], 0, draft.attachments.first().pk)


def test_the_register_lists_and_serves_them(org, users, client_for):
    draft = _issued(org, users)
    document = draft.issued_document
    diagram, listing = (
        draft.attachments.get(original_name=name)
        for name in ("Sơ đồ.png", "Danh sách.pdf")
    )
    page = client_for("officer").get(reverse("documents:register"), {"nam": 2026})
    body = page.content.decode()
    url = reverse("documents:attachment", args=[document.pk, listing.pk])
    assert f'href="{url}"' in body and "Danh sách.pdf" in body
    assert body.index("Sơ đồ.png") < body.index("Danh sách.pdf")
    assert f"SHA-256: {listing.sha256}" in body
    served = client_for("officer").get(url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Security-Policy"] == "sandbox"
    assert "Danh%20s%C3%A1ch.pdf" in served["Content-Disposition"]
    as_file = client_for("officer").get(
        reverse("documents:attachment", args=[document.pk, diagram.pk]),
        {"tai-ve": "1"},
    )
    assert as_file["Content-Disposition"].startswith("attachment;")
    # Read through, which closes the file; response.close() would fire
    # request_finished and close PostgreSQL's connection in the middle of the test.
    b"".join(as_file.streaming_content)
    for role in ("other_officer", "staff", "head"):
        assert client_for(role).get(url).status_code == 404
    assert (
        client_for("officer")
        .get(reverse("documents:attachment", args=[document.pk + 1, listing.pk]))
        .status_code
        == 404
    )


def _unzipped(data: bytes) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    return json.loads(files.pop("manifest.json")), files


def test_the_package_carries_the_document_and_its_files(org, users, fast_pdf):
    document = _issued(org, users).issued_document
    render_issued_document(document.pk)
    document.refresh_from_db()
    manifest, files = _unzipped(document_package(document))
    assert (manifest["format"], manifest["version"]) == ("thidua.van-ban", 1)
    assert manifest["from"] == {"code": org.skhdt.code, "name": org.skhdt.name}
    assert manifest["document"]["symbol"] == document.symbol
    assert manifest["document"]["issued_on"] == "2026-03-02"
    entries = manifest["files"]
    assert [(e["path"], e["role"], e["name"]) for e in entries] == [
        ("van-ban.pdf", "van_ban", f"{document.symbol.replace('/', '_')}.pdf"),
        ("tep-kem-theo/01.png", "tep_kem_theo", "Sơ đồ.png"),
        ("tep-kem-theo/02.pdf", "tep_kem_theo", "Danh sách.pdf"),
    ]
    assert files["tep-kem-theo/02.pdf"] == PDF
    for entry in entries:
        data = files[entry["path"]]
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["size"] == len(data)
    assert entries[0]["sha256"] == document.pdf_sha256
    listing = DraftAttachment.objects.get(original_name="Danh sách.pdf")
    assert entries[2]["sha256"] == listing.sha256


def test_a_package_is_refused_naming_what_is_wrong(org, users, fast_pdf):
    document = _issued(org, users).issued_document
    with pytest.raises(ValidationError, match="chưa có tệp để đóng gói"):
        document_package(document)  # not rendered yet
    render_issued_document(document.pk)
    document.refresh_from_db()
    listing = DraftAttachment.objects.get(original_name="Danh sách.pdf")
    with listing.file.open("wb") as handle:  # changed on disk after it was attached
        handle.write(PDF + b"%")
    with pytest.raises(ValidationError, match="“Danh sách.pdf” khác với tệp đã ghi"):
        document_package(document)
    listing.file.storage.delete(listing.file.name)
    with pytest.raises(ValidationError, match="Không tìm thấy tệp “Danh sách.pdf”"):
        document_package(document)


def test_the_register_offers_the_package_to_whoever_sees_the_document(
    org, users, client_for, fast_pdf
):
    document = _issued(org, users).issued_document
    url = reverse("documents:package", args=[document.pk])
    waiting = client_for("officer").get(url, follow=True)
    assert "chưa có tệp để đóng gói" in waiting.content.decode()
    render_issued_document(document.pk)
    register = client_for("officer").get(reverse("documents:register"), {"nam": 2026})
    assert f'href="{url}"' in register.content.decode()
    answer = client_for("officer").get(url)
    assert answer.status_code == 200 and answer["Content-Type"] == "application/zip"
    assert "filename*=UTF-8''01_KH-SKH%C4%90T.zip" in answer["Content-Disposition"]
    manifest, _files = _unzipped(answer.content)
    assert len(manifest["files"]) == 3
    for role in ("other_officer", "staff", "head"):
        assert client_for(role).get(url).status_code == 404
