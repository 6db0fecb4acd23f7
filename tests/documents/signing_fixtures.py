"""A decision of Sở KH&ĐT issued and rendered with the Sở's credential uploaded."""

import datetime

import pytest

from thidua.documents.services.render import render_issued_document
from thidua.documents.services.signing import upload_credential
from thidua.nominations.services.nomination import open_round

from ..decisions.factories import issued_decision
from ..decisions.test_decisions import decided
from .certs import PASSPHRASE, blank_pdf, make_cert, make_p12

CN = "Sở Kế hoạch và Đầu tư (thử nghiệm)"


@pytest.fixture
def credential(org, users):
    return upload_credential(
        org.skhdt,
        make_p12(*make_cert(CN)),
        PASSPHRASE,
        "Chứng thư Sở",
        True,
        users["admin"],
    )


@pytest.fixture
def round_(org):
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save()
    return open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )


def issue(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    return issued_decision(
        round_,
        [nomination],
        issued_on=datetime.date(2026, 1, 15),
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
    )


@pytest.fixture
def fast_pdf(monkeypatch):
    """LibreOffice replaced by a blank page: these tests are about the signature."""
    from thidua.documents import rendering

    monkeypatch.setattr(rendering, "docx_to_pdf", lambda docx: blank_pdf())


@pytest.fixture
def signed_decision(credential, round_, org, users, fast_pdf):
    decision = issue(round_, org, users)
    render_issued_document(decision.issued_document.pk)
    decision.refresh_from_db()
    return decision
