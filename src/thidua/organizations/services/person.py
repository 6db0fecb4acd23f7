"""Writes on people: create, update (with conflict detection), transfer between units."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import diff, log_action, snapshot
from thidua.common.text import fold, nfc, person_sort_key

from ..enums import EducationLevel, Gender, PersonCategory
from ..ethnicities import canonical_ethnicity
from ..models import Agency, Membership, Person
from ..validators import validate_cccd_for

__all__ = [
    "PERSON_FIELDS",
    "ConcurrentEditError",
    "clean_person_data",
    "derive_person_fields",
    "normalise_person_data",
    "person_field_errors",
    "create_person",
    "transfer_person",
    "update_person",
]

PERSON_FIELDS = [
    "full_name",
    "gender",
    "birth_date",
    "cccd",
    "ethnicity",
    "category",
    "position",
    "civil_rank",
    "is_direct_worker",
    "recruited_on",
    "education_level",
    "tdkt_since",
]
TEXT_FIELDS = ["full_name", "position", "civil_rank", "cccd"]


class ConcurrentEditError(ValidationError):
    def __init__(self):
        super().__init__(
            _("Hồ sơ đã được người khác cập nhật. Hãy tải lại trang và sửa lại."),
            code="stale",
        )


def person_field_errors(merged: dict, *, today: datetime.date) -> dict[str, list[str]]:
    """Field errors of a person's values taken together (no database access)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not merged.get("full_name") or len(merged["full_name"].split(" ")) < 2:
        add("full_name", _("Họ và tên phải có ít nhất họ và tên."))
    if merged.get("gender") not in Gender.values:
        add("gender", _("Giới tính không hợp lệ."))
    if merged.get("category") not in PersonCategory.values:
        add("category", _("Đối tượng không hợp lệ."))
    if canonical_ethnicity(merged.get("ethnicity") or "") is None:
        add(
            "ethnicity",
            _("Dân tộc “%(value)s” không có trong danh mục 54 dân tộc.")
            % {"value": merged.get("ethnicity") or ""},
        )
    birth = merged.get("birth_date")
    if not isinstance(birth, datetime.date):
        add("birth_date", _("Ngày sinh là bắt buộc."))
        birth = None
    elif birth > today:
        add("birth_date", _("Ngày sinh không được ở tương lai."))
    elif birth.year < 1900:
        add("birth_date", _("Ngày sinh không hợp lệ."))
    recruited = merged.get("recruited_on")
    if recruited:
        if recruited > today:
            add("recruited_on", _("Ngày tuyển dụng không được ở tương lai."))
        elif birth and recruited < birth:
            add("recruited_on", _("Ngày tuyển dụng phải sau ngày sinh."))
    since = merged.get("tdkt_since")
    if since:
        if since > today:
            add(
                "tdkt_since",
                _("Ngày bắt đầu làm công tác TĐKT không được ở tương lai."),
            )
        elif birth and since < birth:
            add("tdkt_since", _("Ngày bắt đầu làm công tác TĐKT phải sau ngày sinh."))
    if merged.get("education_level") not in ("", None, *EducationLevel.values):
        add("education_level", _("Trình độ đào tạo không hợp lệ."))
    try:
        validate_cccd_for(
            merged.get("cccd") or "", gender=merged.get("gender"), birth_date=birth
        )
    except ValidationError as exc:
        errors.setdefault("cccd", []).extend(exc.messages)
    return errors


def normalise_person_data(data: dict) -> dict:
    """NFC text, catalogue spelling of the ethnicity."""
    cleaned = dict(data)
    for name in TEXT_FIELDS:
        if name in cleaned:
            cleaned[name] = nfc(cleaned[name])
    if "ethnicity" in cleaned:
        cleaned["ethnicity"] = canonical_ethnicity(cleaned["ethnicity"]) or nfc(
            cleaned["ethnicity"]
        )
    return cleaned


def clean_person_data(data: dict, *, instance: Person | None = None) -> dict:
    """Normalise and check a person's data, including CCCD uniqueness.

    Raises ValidationError keyed by field name, with Vietnamese messages.
    """
    cleaned = normalise_person_data(data)
    merged = {name: getattr(instance, name, None) for name in PERSON_FIELDS} | cleaned
    errors = person_field_errors(merged, today=timezone.localdate())
    if "cccd" not in errors:
        clash = Person.objects.filter(cccd=merged["cccd"])
        if instance is not None:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            errors.setdefault("cccd", []).append(_("Số CCCD này đã có trong hệ thống."))
    if errors:
        raise ValidationError(errors)
    return cleaned


def derive_person_fields(person: Person) -> None:
    """Search text and sort key follow the name (and CCCD) and are never edited."""
    person.search_text = f"{fold(person.full_name)} {person.cccd}"
    person.sort_key = person_sort_key(person.full_name)


def create_person(
    data: dict,
    *,
    unit: Agency,
    start_date: datetime.date | None = None,
    actor=None,
) -> Person:
    """Create a person and their first unit membership; audited as ``people.create``."""
    cleaned = clean_person_data(data)
    with transaction.atomic():
        person = Person(**{k: cleaned.get(k) for k in PERSON_FIELDS if k in cleaned})
        person.unit = unit
        derive_person_fields(person)
        person.save(force_insert=True)
        start = start_date or person.recruited_on or timezone.localdate()
        Membership.objects.create(
            person=person, unit=unit, start_date=start, position=person.position
        )
        log_action(
            person,
            "people.create",
            actor=actor,
            agency_id=unit.pk,
            changes=diff({}, snapshot(person, [*PERSON_FIELDS, "unit"])),
        )
    return person


def update_person(
    person: Person, data: dict, *, actor=None, expected_version: int
) -> Person:
    """Change a person's fields; refuses if someone saved the record since it was read."""
    cleaned = clean_person_data(data, instance=person)
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        if locked.version != expected_version:
            raise ConcurrentEditError()
        before = snapshot(locked, PERSON_FIELDS)
        for name in PERSON_FIELDS:
            if name in cleaned:
                setattr(locked, name, cleaned[name])
        changes = diff(before, snapshot(locked, PERSON_FIELDS))
        if not changes:
            return locked
        derive_person_fields(locked)
        locked.version += 1
        locked.save(
            update_fields=[*PERSON_FIELDS, "search_text", "sort_key", "version"]
        )
        log_action(
            locked,
            "people.update",
            actor=actor,
            agency_id=locked.unit_id,
            changes=changes,
        )
    return locked


def transfer_person(
    person: Person, *, unit: Agency, on: datetime.date, position: str = "", actor=None
) -> Membership:
    """Close the open membership the day before ``on`` and open one in ``unit``.

    History is kept; a transfer dated before the current membership started, or
    into the unit the person is already in, is refused.
    """
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        current = locked.memberships.filter(end_date__isnull=True).first()
        if current is not None:
            if current.unit_id == unit.pk:
                raise ValidationError(
                    {"unit": [_("Người này đang công tác tại đơn vị đã chọn.")]}
                )
            if on <= current.start_date:
                raise ValidationError(
                    {
                        "start_date": [
                            _(
                                "Ngày chuyển phải sau ngày %(date)s bắt đầu ở đơn vị hiện tại."
                            )
                            % {"date": current.start_date.strftime("%d/%m/%Y")}
                        ]
                    }
                )
            current.end_date = on - datetime.timedelta(days=1)
            current.save(update_fields=["end_date"])
        elif locked.memberships.filter(end_date__gte=on).exists():
            raise ValidationError(
                {
                    "start_date": [
                        _("Thời gian công tác bị chồng lấn với quá trình đã có.")
                    ]
                }
            )
        membership = Membership.objects.create(
            person=locked,
            unit=unit,
            start_date=on,
            position=nfc(position) or locked.position,
        )
        old_unit = locked.unit_id
        locked.unit = unit
        locked.version += 1
        locked.save(update_fields=["unit", "version"])
        log_action(
            locked,
            "people.transfer",
            actor=actor,
            agency_id=unit.pk,
            changes={"unit": [old_unit, unit.pk]},
            data={"start_date": on.isoformat()},
        )
    return membership
