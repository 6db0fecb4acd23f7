"""The register's file check names which file changed since issue; a rendering that
finds its document no longer rendering (another worker finished or gave it up) stores
nothing; giving up a document that is not rendering leaves it as it is."""

import datetime

import pytest

from thidua.documents.models import IssuedDocument
from thidua.documents.services import render as render_services
from thidua.documents.services.integrity import check_documents
from thidua.documents.services.render import give_up_render, render_issued_document

from ..decisions.factories import issued_decision
from ..decisions.test_decisions import decided
from ..decisions.test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
SIGN = {"issued_on": datetime.date(2026, 1, 15)}
PDF_CHANGED = "Mã SHA-256 của tệp khác với mã ghi trong sổ khi ban hành."
DOCX_CHANGED = "Mã SHA-256 của tệp DOCX khác với mã ghi trong sổ khi ban hành."


@pytest.fixture
def issued(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    decision = issued_decision(round_, [nomination], issued_on=SIGN["issued_on"])
    return decision.issued_document


def _problems(document):
    document.refresh_from_db()
    return [check.problems for check in check_documents([document])]


def test_the_file_check_names_the_changed_file(issued):
    render_issued_document(issued.pk)
    assert _problems(issued) == [[]]
    # A ready document's row is frozen; its files on disk are what can change.
    for field in ("docx", "pdf"):
        with getattr(issued, field).open("ab") as stored:
            stored.write(b"\n")
    assert _problems(issued) == [[DOCX_CHANGED, PDF_CHANGED]]


def test_a_rendering_overtaken_by_another_worker_stores_nothing(issued, monkeypatch):
    real = render_services.sign_for_document

    def overtaken(document, pdf, layout):
        IssuedDocument.objects.filter(pk=document.pk).update(
            status=IssuedDocument.Status.FAILED, error="Đã dừng"
        )
        return real(document, pdf, layout)

    monkeypatch.setattr(render_services, "sign_for_document", overtaken)
    render_issued_document(issued.pk)
    issued.refresh_from_db()
    assert (issued.status, issued.error, issued.pdf.name) == (
        IssuedDocument.Status.FAILED,
        "Đã dừng",
        "",
    )


def test_giving_up_a_finished_rendering_changes_nothing(issued):
    render_issued_document(issued.pk)
    give_up_render(issued.pk, "Máy chủ khởi động lại")
    issued.refresh_from_db()
    assert (issued.status, issued.error) == (IssuedDocument.Status.READY, "")


def test_a_file_without_a_recorded_digest_or_no_pdf_is_not_called_changed(issued):
    """What the check can compare it compares: a DOCX whose digest was never recorded
    (a document declared with files made elsewhere) and a document without a PDF give
    no problem. In memory only: a ready document's row is frozen."""
    render_issued_document(issued.pk)
    issued.refresh_from_db()
    issued.docx_sha256 = ""
    issued.pdf = ""
    [check] = check_documents([issued])
    assert (check.problems, check.signed) == ([], False)
