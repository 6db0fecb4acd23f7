"""Dissemination: the issued movement reaches each recipient unit's inbox; units confirm
they have disseminated it; the launching office follows up and reminds."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.notifications import notify
from thidua.common.services.audit import log_action
from thidua.common.text import nfc_text
from thidua.organizations.account_selectors import unit_recipients

from ..enums import UNISSUED, MovementState
from ..models import Delivery, Movement
from ..selectors import delivery_deadline, recipient_units

__all__ = ["confirm_delivery", "deliver_movement", "remind_delivery", "remind_overdue"]


def deliver_movement(movement: Movement, *, actor=None) -> int:
    """Put the movement in every recipient unit's inbox (once each). Called when it is
    issued, in the same transaction."""
    issued = movement.issued_document
    now = timezone.now()
    if issued is not None and issued.issued_on < timezone.localdate():
        # A document registered after the fact (a paper register carried over) was
        # delivered on its issue date.
        now = timezone.make_aware(
            datetime.datetime.combine(issued.issued_on, datetime.time(8, 0))
        )
    existing = set(movement.deliveries.values_list("agency_id", flat=True))
    new = [
        Delivery(movement=movement, agency=unit, delivered_at=now)
        for unit in recipient_units(movement)
        if unit.pk not in existing
    ]
    Delivery.objects.bulk_create(new)
    if new:
        log_action(
            movement,
            "movements.deliver",
            actor=actor,
            agency_id=movement.launcher_id,
            data={"units": [d.agency.name for d in new]},
        )
        recipients = unit_recipients([d.agency_id for d in new])
        notify(
            {user for d in new for user in recipients[d.agency_id]},
            "movements.deliver",
            _("Văn bản đến: %(name)s") % {"name": movement.name[:200]},
            link=reverse("movements:inbox"),
            body=_(
                "Phát động bởi %(launcher)s. Đơn vị xác nhận quán triệt trên thidua."
            )
            % {"launcher": movement.launcher.name},
            subject=movement,
        )
    return len(new)


def confirm_delivery(
    delivery: Delivery,
    *,
    confirmed_on: datetime.date,
    staff_reached: int,
    note: str = "",
    actor=None,
) -> Delivery:
    """The unit confirms it has disseminated the movement (date, staff reached)."""
    errors = {}
    if confirmed_on > timezone.localdate():
        errors["confirmed_on"] = [_("Ngày quán triệt không được ở tương lai.")]
    if confirmed_on < timezone.localdate(delivery.delivered_at):
        errors["confirmed_on"] = [_("Ngày quán triệt phải sau ngày nhận văn bản.")]
    head_count = delivery.agency.people.count()
    if staff_reached < 0 or (head_count and staff_reached > head_count):
        errors["staff_reached"] = [
            _("Số người phải từ 0 đến %(n)s (số người của đơn vị).") % {"n": head_count}
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if locked.is_confirmed:
            raise ValidationError(_("Đơn vị đã xác nhận quán triệt văn bản này."))
        locked.confirmed_on = confirmed_on
        locked.staff_reached = staff_reached
        locked.note = nfc_text(note)
        locked.confirmed_by = (
            actor if actor is not None and actor.is_authenticated else None
        )
        locked.save(
            update_fields=["confirmed_on", "staff_reached", "note", "confirmed_by"]
        )
        log_action(
            locked.movement,
            "movements.confirm_delivery",
            actor=actor,
            agency_id=locked.agency_id,
            data={
                "unit": locked.agency.name,
                "confirmed_on": confirmed_on.isoformat(),
                "staff_reached": staff_reached,
            },
        )
    return locked


def remind_delivery(delivery: Delivery, *, actor=None) -> int:
    """Remind every account of the unit that can confirm (its heads and TĐKT officers),
    in the app and by mail as each chose. Answers how many people were reminded (0: the
    unit has nobody to remind, and the office is told so); the reminder is recorded
    either way."""
    movement = delivery.movement
    deadline = delivery_deadline(delivery)
    with transaction.atomic():
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if locked.is_confirmed:
            return 0
        people = unit_recipients([locked.agency_id])[locked.agency_id]
        locked.reminders_sent += 1
        locked.last_reminded_at = timezone.now()
        locked.save(update_fields=["reminders_sent", "last_reminded_at"])
        log_action(
            movement,
            "movements.remind",
            actor=actor,
            agency_id=locked.agency_id,
            data={
                "unit": locked.agency.name,
                "recipients": [user.username for user in people],
            },
        )
        notify(
            people,
            "movements.remind",
            _("Nhắc xác nhận quán triệt: %(name)s") % {"name": movement.name[:120]},
            link=reverse("movements:delivery-confirm", args=[locked.pk]),
            body=_(
                "Đơn vị %(unit)s chưa xác nhận đã quán triệt văn bản %(symbol)s "
                "(%(name)s). Hạn xác nhận: %(deadline)s. Vui lòng xác nhận trên thidua."
            )
            % {
                "unit": locked.agency.name,
                "symbol": movement.issued_document.symbol
                if movement.issued_document
                else "",
                "name": movement.name,
                "deadline": deadline.strftime("%d/%m/%Y"),
            },
            subject=movement,
        )
    return len(people)


def remind_overdue() -> int:
    """Daily job: remind every unit whose confirmation is overdue (at most once a day)."""
    today = timezone.localdate()
    count = 0
    pending = Delivery.objects.filter(confirmed_on__isnull=True).exclude(
        movement__state__in=[*UNISSUED, MovementState.CLOSED]
    )
    for delivery in pending.select_related("movement__issued_document", "agency"):
        reminded_today = (
            delivery.last_reminded_at
            and timezone.localdate(delivery.last_reminded_at) == today
        )
        if today > delivery_deadline(delivery) and not reminded_today:
            remind_delivery(delivery)
            count += 1
    return count
