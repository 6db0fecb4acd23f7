"""Writes on a person's or unit's yearly records: assessments, discipline, initiatives."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import diff, log_action, snapshot
from thidua.common.text import nfc

from ..enums import InitiativeScope, Rating
from ..models import (
    Agency,
    Assessment,
    CollectiveAssessment,
    DisciplineRecord,
    Initiative,
    PendingMatter,
    Person,
)

__all__ = [
    "close_review_matter",
    "record_assessment",
    "record_collective_assessment",
    "record_discipline",
    "record_initiative",
    "record_review_matter",
]


def _check_year(year: int, *, field: str = "year") -> None:
    if not 1945 <= year <= timezone.localdate().year:
        raise ValidationError(
            {field: [_("Năm %(year)s không hợp lệ.") % {"year": year}]}
        )


def record_assessment(
    person: Person, *, year: int, rating: str, actor=None
) -> Assessment:
    """Set a person's rating for a year (one per year); audited as ``assessments.set``."""
    _check_year(year)
    if rating not in Rating.values:
        raise ValidationError(
            {"rating": [_("Xếp loại “%(v)s” không hợp lệ.") % {"v": rating}]}
        )
    if person.recruited_on and year < person.recruited_on.year:
        raise ValidationError(
            {
                "year": [
                    _("Năm %(year)s trước năm tuyển dụng (%(rec)s).")
                    % {"year": year, "rec": person.recruited_on.strftime("%d/%m/%Y")}
                ]
            }
        )
    with transaction.atomic():
        existing = (
            Assessment.objects.select_for_update()
            .filter(person=person, year=year)
            .first()
        )
        before = snapshot(existing, ["rating"]) if existing else {}
        assessment = existing or Assessment(person=person, year=year)
        assessment.rating = rating
        assessment.save()
        log_action(
            person,
            "assessments.set",
            actor=actor,
            agency_id=person.unit_id,
            data={"year": year},
            changes=diff(before, {"rating": rating}),
        )
    return assessment


def record_collective_assessment(
    agency: Agency, *, year: int, rating: str, actor=None
) -> CollectiveAssessment:
    """Set a unit's rating for a year; audited as ``assessments.set_collective``."""
    _check_year(year)
    if rating not in Rating.values:
        raise ValidationError(
            {"rating": [_("Xếp loại “%(v)s” không hợp lệ.") % {"v": rating}]}
        )
    with transaction.atomic():
        existing = (
            CollectiveAssessment.objects.select_for_update()
            .filter(agency=agency, year=year)
            .first()
        )
        before = {"rating": existing.rating} if existing else {}
        assessment = existing or CollectiveAssessment(agency=agency, year=year)
        assessment.rating = rating
        assessment.save()
        log_action(
            agency,
            "assessments.set_collective",
            actor=actor,
            agency_id=agency.pk,
            data={"year": year},
            changes=diff(before, {"rating": rating}),
        )
    return assessment


def record_discipline(person: Person, *, actor=None, **fields) -> DisciplineRecord:
    """Add a disciplinary measure; audited as ``discipline.create``."""
    record = DisciplineRecord(person=person, **fields)
    record.decision_number = nfc(record.decision_number)
    record.reason = nfc(record.reason)
    if record.start_date and record.end_date and record.end_date < record.start_date:
        raise ValidationError({"end_date": [_("Ngày kết thúc phải sau ngày bắt đầu.")]})
    record.full_clean()
    with transaction.atomic():
        record.save()
        log_action(
            person,
            "discipline.create",
            actor=actor,
            agency_id=person.unit_id,
            data=snapshot(
                record, ["form", "decision_number", "start_date", "end_date"]
            ),
        )
    return record


def record_review_matter(person: Person, *, actor=None, **fields) -> PendingMatter:
    """Flag a pending review, investigation or complaint; audited as ``reviews.create``."""
    matter = PendingMatter(person=person, **fields)
    matter.note = nfc(matter.note)
    matter.full_clean()
    with transaction.atomic():
        matter.save()
        log_action(
            person,
            "reviews.create",
            actor=actor,
            agency_id=person.unit_id,
            data=snapshot(matter, ["kind", "start_date", "end_date"]),
        )
    return matter


def close_review_matter(
    matter: PendingMatter, *, end_date, actor=None
) -> PendingMatter:
    """Record that a review, investigation or complaint has been settled."""
    with transaction.atomic():
        locked = PendingMatter.objects.select_for_update().get(pk=matter.pk)
        if locked.end_date is not None:
            raise ValidationError(_("Vụ việc này đã kết thúc."))
        if end_date < locked.start_date:
            raise ValidationError(
                {
                    "end_date": [
                        _("Ngày kết thúc phải sau ngày %(d)s.")
                        % {"d": locked.start_date.strftime("%d/%m/%Y")}
                    ]
                }
            )
        locked.end_date = end_date
        locked.save(update_fields=["end_date"])
        log_action(
            locked.person,
            "reviews.close",
            actor=actor,
            agency_id=locked.person.unit_id,
            data={"kind": locked.kind, "end_date": end_date.isoformat()},
        )
    return locked


def record_initiative(person: Person, *, actor=None, **fields) -> Initiative:
    """Add a recognised initiative or scientific work; audited as ``initiatives.create``."""
    initiative = Initiative(person=person, **fields)
    initiative.title = nfc(initiative.title)
    initiative.decided_by = nfc(initiative.decided_by)
    initiative.decision_number = nfc(initiative.decision_number)
    _check_year(initiative.year)
    if initiative.scope not in InitiativeScope.values:
        raise ValidationError({"scope": [_("Phạm vi ảnh hưởng không hợp lệ.")]})
    initiative.full_clean()
    with transaction.atomic():
        try:
            initiative.save()
        except IntegrityError as exc:  # pragma: no cover - constraint races
            raise ValidationError(_("Không lưu được sáng kiến.")) from exc
        log_action(
            person,
            "initiatives.create",
            actor=actor,
            agency_id=person.unit_id,
            data=snapshot(initiative, ["title", "year", "scope", "decision_number"]),
        )
    return initiative
