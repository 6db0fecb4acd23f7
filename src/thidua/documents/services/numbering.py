"""The outgoing-document registry: numbers unique and gapless per issuer per year."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.jobs import fresh_lease
from thidua.common.services.audit import log_action

from ..doc_types import DocType, doc_type
from ..models import IssuedDocument, NumberSeries
from ..selectors import local_types_for

__all__ = ["declare_numbers_used", "format_symbol", "issue_document"]


def format_symbol(number: int, type_code: str, issuer_abbreviation: str) -> str:
    """``173/PD-SKHĐT``; numbers below 10 take a leading zero (NĐ 30/2020 Phụ lục I)."""
    return f"{number:02d}/{type_code}-{issuer_abbreviation}"


def _series(*, agency, council, year: int) -> NumberSeries:
    series, _created = NumberSeries.objects.get_or_create(
        agency=agency, council=council, year=year
    )
    return NumberSeries.objects.select_for_update().get(pk=series.pk)


def issue_document(
    *,
    type_code: str,
    issued_on: datetime.date,
    summary: str,
    signer_title: str,
    signer_name: str,
    agency=None,
    council=None,
    source_kind: str = "",
    source_id: int | None = None,
    actor=None,
    symbol: str = "",
    type_name: str = "",
) -> IssuedDocument:
    """Take the next number of the issuer's series for the year and register the document.

    A document that prints its own symbol (a draft's content, docs/document-model.md)
    passes it as ``symbol``, what follows the number ("KH-UBND", a công văn's
    "SKHĐT-VP"); a document without a type code (công văn) passes ``type_code=""``
    and its ``type_name``.

    Must run inside the caller's transaction (the business object is issued in the
    same one). The series row is locked, so concurrent issuers queue and numbers
    stay unique and gapless; a rolled-back issue gives its number back.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("issue_document must run inside transaction.atomic()")
    issuer_agency = agency or council.agency
    if not type_code and type_name:
        kind = DocType("", type_name, True)
    else:
        kind = doc_type(type_code, local_types_for(issuer_agency))
    if kind is None:
        raise ValidationError(
            {
                "type_code": [
                    _("Loại văn bản “%(code)s” chưa được khai báo.")
                    % {"code": type_code}
                ]
            }
        )
    abbreviation = (council.abbreviation if council else agency.abbreviation) or ""
    if not abbreviation and not symbol:
        raise ValidationError(
            _("Cơ quan ban hành chưa có chữ viết tắt để ghi ký hiệu văn bản.")
        )
    series = _series(agency=agency, council=council, year=issued_on.year)
    series.last_number += 1
    series.save(update_fields=["last_number"])
    document = IssuedDocument.objects.create(
        series=series,
        number=series.last_number,
        year=issued_on.year,
        type_code=kind.code,
        type_name=kind.name,
        official_type=kind.official,
        symbol=(
            f"{series.last_number:02d}/{symbol}"
            if symbol
            else format_symbol(series.last_number, kind.code, abbreviation)
        ),
        issued_on=issued_on,
        summary=summary,
        signer_title=signer_title,
        signer_name=signer_name,
        issued_by=actor if actor is not None and actor.is_authenticated else None,
        source_kind=source_kind,
        source_id=source_id,
        # Rendered by a job the caller queues: the row carries its lease from now on.
        **fresh_lease(),
    )
    log_action(
        document,
        "documents.issue",
        actor=actor,
        agency_id=issuer_agency.pk,
        data={
            "symbol": document.symbol,
            "issued_on": issued_on.isoformat(),
            "official_type": kind.official,
        },
    )
    return document


def declare_numbers_used(
    *, year: int, last_number: int, agency=None, council=None, actor=None
) -> NumberSeries:
    """Record the last number used before thidua took over the register (the văn thư's
    paper book), so the next number continues it. The counter never goes backwards."""
    with transaction.atomic():
        series = _series(agency=agency, council=council, year=year)
        if last_number < series.last_number:
            raise ValidationError(
                {
                    "last_number": [
                        _("Sổ đã dùng đến số %(n)s; không thể lùi lại.")
                        % {"n": series.last_number}
                    ]
                }
            )
        before = series.last_number
        series.last_number = last_number
        series.save(update_fields=["last_number"])
        log_action(
            series,
            "documents.declare_numbers",
            actor=actor,
            agency_id=(agency or council.agency).pk,
            changes={"last_number": [before, last_number]},
            data={"year": year},
        )
    return series
