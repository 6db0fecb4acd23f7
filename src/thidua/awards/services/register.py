"""Writes on the award register."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action, snapshot
from thidua.common.text import nfc
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES

from ..models import Award

__all__ = ["record_award"]

FIELDS = [
    "code",
    "award_type",
    "year",
    "period_from",
    "decision_number",
    "decision_date",
    "decided_by",
    "cash_amount",
]


def record_award(*, person=None, agency=None, actor=None, **fields) -> Award:
    """Enter an award from a decision (earlier paper decisions included); audited.

    A subject holds a code once per achievement year; titles only for the subject kind
    they belong to (LĐTT for a person, TTLĐTT for a unit).
    """
    award = Award(person=person, agency=agency, **fields)
    award.decision_number = nfc(award.decision_number)
    award.decided_by = nfc(award.decided_by)
    errors = {}
    kind_codes = INDIVIDUAL_CODES if person is not None else COLLECTIVE_CODES
    if award.code not in kind_codes:
        errors["code"] = [
            _("Danh hiệu, hình thức này không dành cho đối tượng đã chọn.")
        ]
    if award.decision_date and award.decision_date > timezone.localdate():
        errors["decision_date"] = [_("Ngày quyết định không được ở tương lai.")]
    if award.year and award.decision_date and award.year > award.decision_date.year:
        errors["year"] = [_("Năm thành tích phải trước hoặc trùng năm quyết định.")]
    if award.period_from and award.year and award.period_from > award.year:
        errors["period_from"] = [_("Năm bắt đầu phải trước năm kết thúc thành tích.")]
    if errors:
        raise ValidationError(errors)
    award.full_clean(exclude=["recorded_by"], validate_constraints=False)
    award.recorded_by = actor if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        try:
            with transaction.atomic():
                award.save()
        except IntegrityError as exc:
            raise ValidationError(
                {
                    "code": [
                        _("Đối tượng đã có danh hiệu, hình thức này cho năm %(y)s.")
                        % {"y": award.year}
                    ]
                }
            ) from exc
        subject = person or agency
        log_action(
            subject,
            "awards.record",
            actor=actor,
            agency_id=person.unit_id if person is not None else agency.pk,
            data=snapshot(award, FIELDS),
        )
    return award
