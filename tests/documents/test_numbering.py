import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction

from thidua.common.models import ActivityLog
from thidua.documents.models import IssuedDocument, LocalDocumentType
from thidua.documents.services.numbering import (
    declare_numbers_used,
    format_symbol,
    issue_document,
)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2023, 1, 31)


def issue(org, code="QĐ", day=DAY, **issuer):
    issuer = issuer or {"agency": org.skhdt}
    with transaction.atomic():
        return issue_document(
            type_code=code,
            issued_on=day,
            summary="Về việc khen thưởng",
            signer_title="Giám đốc",
            signer_name="Vũ Hoàng Quý",
            **issuer,
        )


def test_symbols_pad_numbers_below_ten():
    assert format_symbol(5, "QĐ", "SKHĐT") == "05/QĐ-SKHĐT"
    assert format_symbol(173, "PD", "SKHĐT") == "173/PD-SKHĐT"
    assert format_symbol(4, "TTr", "SKHĐT") == "04/TTr-SKHĐT"


def test_numbers_run_per_issuer_per_year_and_councils_keep_their_own(org):
    org.council.abbreviation = "HĐTĐKT"
    org.council.save()
    assert [issue(org).symbol for _ in range(3)] == [
        "01/QĐ-SKHĐT",
        "02/QĐ-SKHĐT",
        "03/QĐ-SKHĐT",
    ]
    assert issue(org, "TTr").symbol == "04/TTr-SKHĐT"  # one series for every type
    assert issue(org, "BB", council=org.council).symbol == "01/BB-HĐTĐKT"
    assert issue(org, day=datetime.date(2024, 1, 2)).symbol == "01/QĐ-SKHĐT"
    entry = ActivityLog.objects.filter(action="documents.issue").order_by("seq").last()
    assert entry.data["symbol"] == "01/QĐ-SKHĐT"


def test_local_codes_are_accepted_and_flagged_others_refused(org):
    with pytest.raises(ValidationError) as exc:
        issue(org, "PD")
    assert exc.value.message_dict["type_code"] == [
        "Loại văn bản “PD” chưa được khai báo."
    ]
    LocalDocumentType.objects.create(agency=org.skhdt, code="PD", name="Phát động")
    document = issue(org, "PD")
    assert (document.type_name, document.official_type) == ("Phát động", False)


def test_declared_numbers_continue_the_paper_register(org):
    declare_numbers_used(agency=org.skhdt, year=2023, last_number=172)
    assert issue(org).number == 173
    with pytest.raises(ValidationError):
        declare_numbers_used(agency=org.skhdt, year=2023, last_number=100)


def test_a_rolled_back_issue_gives_its_number_back(org):
    with pytest.raises(RuntimeError), transaction.atomic():
        issue_document(
            type_code="QĐ",
            issued_on=DAY,
            summary="x",
            signer_title="Giám đốc",
            signer_name="A",
            agency=org.skhdt,
        )
        raise RuntimeError
    assert issue(org).number == 1


def test_the_database_refuses_a_duplicate_number(org):
    document = issue(org)
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedDocument.objects.create(
            series=document.series,
            number=1,
            year=2023,
            type_code="QĐ",
            type_name="Quyết định",
            symbol="01/QĐ-SKHĐT",
            issued_on=DAY,
            summary="x",
            signer_title="x",
            signer_name="x",
        )


def test_an_issued_document_with_files_is_frozen(org):
    document = issue(org)
    IssuedDocument.objects.filter(pk=document.pk).update(
        status="ready", pdf_sha256="ab" * 32
    )
    with pytest.raises(DatabaseError) as exc, transaction.atomic():
        IssuedDocument.objects.filter(pk=document.pk).update(summary="sửa lén")
    assert "frozen" in str(exc.value)
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM documents_issueddocument")
    document.refresh_from_db()
    assert document.summary == "Về việc khen thưởng"
