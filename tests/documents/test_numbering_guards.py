"""The register's guards: a number is only taken inside the caller's transaction and
for an issuer with an abbreviation; the preview of the next number reserves nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.documents.models import NumberSeries
from thidua.documents.selectors import next_number_preview
from thidua.documents.services.numbering import (
    issue_document,
    local_types_for,
)

pytestmark = pytest.mark.django_db
DOC = {
    "type_code": "TTr",
    "issued_on": datetime.date(2026, 3, 2),
    "summary": "Về việc đề nghị khen thưởng",
    "signer_title": "Giám đốc",
    "signer_name": "Vũ Hoàng Quý",
}


def test_no_issuer_has_no_local_types():
    assert local_types_for(None) == {}


def test_a_number_is_taken_inside_a_transaction_only(org, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(transaction.get_connection(), "in_atomic_block", False)
        with pytest.raises(RuntimeError, match="must run inside"):
            issue_document(agency=org.skhdt, **DOC)
    assert not NumberSeries.objects.exists()


def test_an_issuer_without_abbreviation_cannot_number(org):
    org.vp.abbreviation = ""
    org.vp.save(update_fields=["abbreviation"])
    with pytest.raises(ValidationError, match="chưa có chữ viết tắt"):
        issue_document(agency=org.vp, **DOC)


def test_the_preview_reserves_nothing(org):
    assert next_number_preview(agency=org.skhdt, year=2026) == 1
    first = issue_document(agency=org.skhdt, **DOC)
    assert next_number_preview(agency=org.skhdt, year=2026) == first.number + 1
    assert next_number_preview(agency=org.skhdt, year=2026) == first.number + 1
    assert next_number_preview(agency=org.skhdt, year=2025) == 1
