"""Đăng ký thi đua: units register targets before the deadline; the launching office
approves or returns them; a consolidated list per agency."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc, nfc_text

from ..enums import (
    COLLECTIVE_TITLES,
    INDIVIDUAL_TITLES,
    MovementState,
    RegistrationState,
)
from ..models import Registration, RegistrationEntry
from ..workflows import REGISTRATION

__all__ = [
    "can_register",
    "check_deadline",
    "save_registration",
    "transition_registration",
]

OPEN_STATES = (MovementState.ISSUED, MovementState.RUNNING)


def can_register(user, registration_or_agency) -> bool:
    """The unit's heads and the TĐKT officers over it fill in its registration."""
    return user.has_perm("movements.submit_registration", registration_or_agency)


def check_deadline(movement) -> None:
    """Refused on the server once the deadline has passed, with the deadline shown."""
    if movement.state not in OPEN_STATES:
        raise ValidationError(_("Phong trào không còn nhận đăng ký."))
    deadline = movement.registration_deadline
    if deadline and timezone.localdate() > deadline:
        raise ValidationError(
            _("Đã hết hạn đăng ký thi đua (hạn: %(d)s).")
            % {"d": deadline.strftime("%d/%m/%Y")},
            code="late",
        )


def save_registration(
    movement,
    agency,
    *,
    collective_title: str,
    pledges: str,
    entries: list[dict],
    actor=None,
    expected_version: int | None = None,
) -> Registration:
    """Create or replace a unit's draft (or returned) registration.

    ``entries`` are ``{"person": Person, "title": code, "pledge": text}``; only members
    of the unit may be registered, once each.
    """
    check_deadline(movement)
    errors = {}
    if collective_title and collective_title not in dict(COLLECTIVE_TITLES):
        errors["collective_title"] = [_("Danh hiệu tập thể không hợp lệ.")]
    members = set(agency.people.values_list("pk", flat=True))
    seen = set()
    for index, entry in enumerate(entries, start=1):
        person = entry["person"]
        if person.pk not in members:
            errors.setdefault("entries", []).append(
                _("Dòng %(i)s: %(name)s không thuộc đơn vị.")
                % {"i": index, "name": person}
            )
        if person.pk in seen:
            errors.setdefault("entries", []).append(
                _("Dòng %(i)s: %(name)s đăng ký hai lần.")
                % {"i": index, "name": person}
            )
        seen.add(person.pk)
        if entry["title"] not in dict(INDIVIDUAL_TITLES):
            errors.setdefault("entries", []).append(
                _("Dòng %(i)s: danh hiệu không hợp lệ.") % {"i": index}
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        registration, _created = Registration.objects.select_for_update().get_or_create(
            movement=movement, agency=agency
        )
        if registration.state not in (
            RegistrationState.DRAFT,
            RegistrationState.RETURNED,
        ):
            raise ValidationError(_("Bản đăng ký đã gửi, không sửa được nữa."))
        if expected_version is not None and registration.version != expected_version:
            raise ValidationError(
                _("Bản đăng ký đã được người khác cập nhật. Hãy tải lại trang."),
                code="stale",
            )
        registration.collective_title = collective_title
        registration.pledges = (
            nfc(pledges) if "\n" not in pledges else nfc_text(pledges)
        )
        registration.version += 1
        registration.save()
        registration.entries.all().delete()
        RegistrationEntry.objects.bulk_create(
            RegistrationEntry(
                registration=registration,
                person=e["person"],
                title=e["title"],
                pledge=nfc(e.get("pledge", "")),
            )
            for e in entries
        )
        log_action(
            registration,
            "registrations.save",
            actor=actor,
            agency_id=agency.pk,
            data={
                "collective_title": collective_title,
                "entries": [[e["person"].full_name, e["title"]] for e in entries],
            },
        )
    return registration


def transition_registration(
    registration: Registration, to: str, *, actor=None, reason: str = ""
) -> Registration:
    """The one way a registration changes state (``workflows.REGISTRATION``): send,
    approve, return with the reason."""

    def effect(locked: Registration, move) -> list[str]:
        now = timezone.now()
        if to == RegistrationState.SUBMITTED:
            check_deadline(locked.movement)
            if not (locked.collective_title or locked.entries.exists()):
                raise ValidationError(_("Bản đăng ký chưa có danh hiệu nào."))
            locked.submitted_at = now
            changed = ["submitted_at"]
        else:
            locked.decided_at = now
            locked.decided_by = (
                actor if actor is not None and actor.is_authenticated else None
            )
            changed = ["decided_at", "decided_by"]
        if to == RegistrationState.RETURNED:
            locked.return_reason = nfc(reason)
            changed.append("return_reason")
        locked.version += 1
        return [*changed, "version"]

    return REGISTRATION.transition(
        registration,
        to,
        actor=actor,
        reason=reason,
        effect=effect,
        lock=lambda query: query.select_related("movement", "agency"),
    )
