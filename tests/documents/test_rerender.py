"""A document whose rendering failed is rendered again under the number it has ("Tạo
lại tệp" on its page, ``thidua documents rerender``); a decision's awards follow."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from thidua.awards.models import Award
from thidua.common.models import ActivityLog
from thidua.documents import rendering
from thidua.documents.models import IssuedDocument, NumberSeries
from thidua.documents.services.render import render_issued_document, rerender_document

from .certs import blank_pdf
from .signing_fixtures import issue

pytestmark = pytest.mark.django_db


def _broken(*_args, **_kwargs):
    raise RuntimeError("LibreOffice không chạy")


@pytest.fixture
def failed_decision(round_, org, users, monkeypatch):
    decision = issue(round_, org, users)
    monkeypatch.setattr(rendering, "docx_to_pdf", _broken)
    with pytest.raises(RuntimeError):
        render_issued_document(decision.issued_document.pk)
    monkeypatch.setattr(rendering, "docx_to_pdf", lambda docx: blank_pdf())
    decision.refresh_from_db()
    return decision


def test_failed_render_writes_no_award_and_keeps_the_number(failed_decision):
    document = failed_decision.issued_document
    assert document.status == "failed" and "LibreOffice không chạy" in document.error
    assert not failed_decision.awards_written
    assert Award.objects.count() == 0


def test_officer_renders_again_from_the_decision_page(failed_decision, client_for):
    document = failed_decision.issued_document
    series_before = NumberSeries.objects.get(pk=document.series_id).last_number
    page = reverse("decisions:decision-detail", args=[failed_decision.pk])
    client = client_for("officer")
    html = client.get(page).content.decode()
    assert 'data-testid="rerender"' in html and "Tạo lại tệp" in html
    response = client.post(
        reverse("documents:rerender", args=[document.pk]), {"next": page}
    )
    assert response.status_code == 302 and response["Location"] == page
    # Jobs run in-process in tests, but only once the view's transaction commits.
    document.refresh_from_db()
    assert document.status == "rendering" and document.error == ""
    render_issued_document(document.pk)
    document.refresh_from_db()
    failed_decision.refresh_from_db()
    assert document.status == "ready"
    assert document.symbol == "01/QĐ-SKHĐT"
    assert NumberSeries.objects.get(pk=document.series_id).last_number == series_before
    assert failed_decision.awards_written
    assert Award.objects.count() == 1
    assert ActivityLog.objects.filter(action="documents.rerender").count() == 1


def test_rerender_runs_the_job_on_commit(
    failed_decision, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rerender_document(failed_decision.issued_document, actor=users["officer"])
    failed_decision.refresh_from_db()
    assert failed_decision.issued_document.status == "ready"
    assert failed_decision.awards_written


@pytest.mark.parametrize("role", ["other_officer", "unit_head", "staff"])
def test_others_cannot_render_again(failed_decision, client_for, role):
    url = reverse("documents:rerender", args=[failed_decision.issued_document.pk])
    assert client_for(role).post(url).status_code == 404
    failed_decision.issued_document.refresh_from_db()
    assert failed_decision.issued_document.status == "failed"


def test_a_ready_document_is_not_rendered_again(failed_decision, client_for):
    document = failed_decision.issued_document
    rerender_document(document)
    render_issued_document(document.pk)
    with pytest.raises(ValidationError, match="tạo tệp lỗi"):
        rerender_document(document)
    response = client_for("officer").post(
        reverse("documents:rerender", args=[document.pk]), follow=True
    )
    assert "Chỉ tạo lại tệp của văn bản đã tạo tệp lỗi" in response.content.decode()
    assert IssuedDocument.objects.get(pk=document.pk).status == "ready"


def test_an_outside_next_is_not_followed(failed_decision, client_for):
    document = failed_decision.issued_document
    response = client_for("officer").post(
        reverse("documents:rerender", args=[document.pk]),
        {"next": "https://example.com/"},
    )
    assert response["Location"].startswith(reverse("documents:register"))


def test_cli_renders_every_failed_document(failed_decision):
    call_command("documents", "rerender", "--failed")
    failed_decision.refresh_from_db()
    assert failed_decision.issued_document.status == "ready"
    assert failed_decision.awards_written
    # Nothing left: says so, exits 0.
    call_command("documents", "rerender", "--failed")


def test_cli_names_unknown_ids_and_reports_what_still_fails(
    failed_decision, monkeypatch
):
    with pytest.raises(CommandError, match="Không có văn bản mã 999999"):
        call_command("documents", "rerender", "--id", "999999")
    monkeypatch.setattr(rendering, "docx_to_pdf", _broken)
    with pytest.raises(CommandError, match="1 văn bản vẫn tạo tệp lỗi"):
        call_command(
            "documents", "rerender", "--id", str(failed_decision.issued_document.pk)
        )
