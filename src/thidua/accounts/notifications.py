"""Notifications: written in the caller's transaction (the event and its notices
commit together), shown on the account's "Thông báo" page, and mailed after the commit
by a job — at once, or in the daily digest, as the account chose.

Lower apps cannot reach the organisation tree; the caller passes the accounts to tell
(``organizations.account_selectors.unit_recipients`` finds a unit's)."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.common.jobs import enqueue_on_commit
from thidua.common.services.audit import log_action

from .enums import MailPreference
from .models import Notification, User

__all__ = [
    "mark_all_read",
    "mark_read",
    "notify",
    "send_digests",
    "send_due_mail",
    "set_mail_preference",
    "unread_count",
]

logger = logging.getLogger(__name__)


def notify(
    users: Iterable[User],
    kind: str,
    title: str,
    *,
    link: str = "",
    body: str = "",
    subject=None,
) -> list[Notification]:
    """Tell each active account (once, however often it is listed) about ``subject``.
    Call inside the event's transaction; the mail leaves after the commit."""
    recipients = {user.pk: user for user in users if user.is_active}
    if not recipients:
        return []
    content_type = (
        ContentType.objects.get_for_model(subject) if subject is not None else None
    )
    now = timezone.now()
    rows = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            title=title[:300],
            body=body,
            link=link[:500],
            content_type=content_type,
            object_id=subject.pk if subject is not None else None,
            created_at=now,
            mail=user.mail_preference if user.email else MailPreference.NONE,
        )
        for user in recipients.values()
    )
    if any(row.mail == MailPreference.IMMEDIATE for row in rows):
        from .tasks import task_send_due_mail  # noqa: PLC0415 (tasks import this)

        enqueue_on_commit(task_send_due_mail)
    return rows


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(user) -> QuerySet[Notification]:
    """The account's own notifications, newest first (nobody reads another's)."""
    return Notification.objects.filter(recipient=user)


def mark_read(user, pk) -> Notification:
    """Mark one of the account's notifications read; answers it (404 if not its own:
    the caller raises). Reading is not audited, like a login time."""
    notification = notifications_for(user).get(pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user) -> int:
    return (
        notifications_for(user)
        .filter(read_at__isnull=True)
        .update(read_at=timezone.now())
    )


def set_mail_preference(user: User, preference: str, *, actor=None) -> User:
    """How the account's notifications are mailed from now on (audited)."""
    if preference not in MailPreference.values:
        raise ValidationError(
            {"mail_preference": [_("Chọn một cách nhận thông báo qua thư.")]}
        )
    with transaction.atomic():
        old = user.mail_preference
        if old != preference:
            user.mail_preference = preference
            user.save(update_fields=["mail_preference"])
            log_action(
                user,
                "accounts.set_mail_preference",
                actor=actor,
                changes={"mail_preference": [old, preference]},
            )
    return user


def _absolute(link: str) -> str:
    return settings.PUBLIC_BASE_URL + link if link else ""


def _message(notification: Notification) -> EmailMessage:
    lines = [notification.title]
    if notification.body:
        lines += ["", notification.body]
    if notification.link:
        lines += [
            "",
            _("Xem trên thidua: %(url)s") % {"url": _absolute(notification.link)},
        ]
    return EmailMessage(
        subject=notification.title[:200],
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient.email],
    )


def _send(messages: list[EmailMessage]) -> bool:
    """Send over one connection; False (logged) when the mail server refuses, so the
    rows stay due and the next sweep tries again."""
    try:
        get_connection().send_messages(messages)
    except OSError:
        logger.warning("notification mail not sent", exc_info=True)
        return False
    return True


def send_due_mail(limit: int = 200) -> int:
    """Mail every notification due at once and not mailed yet; answers how many."""
    due = list(
        Notification.objects.filter(
            mail=MailPreference.IMMEDIATE, mailed_at__isnull=True
        )
        .select_related("recipient")
        .order_by("id")[:limit]
    )
    if not due or not _send([_message(n) for n in due]):
        return 0
    Notification.objects.filter(pk__in=[n.pk for n in due]).update(
        mailed_at=timezone.now()
    )
    return len(due)


def send_digests() -> int:
    """Daily: one mail per account choosing the digest, listing what it was told since
    the last one; answers how many mails left."""
    due = (
        Notification.objects.filter(mail=MailPreference.DIGEST, mailed_at__isnull=True)
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "id")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in due:
        by_user.setdefault(notification.recipient_id, []).append(notification)
    sent = 0
    for rows in by_user.values():
        recipient = rows[0].recipient
        lines = [
            f"- {timezone.localtime(n.created_at):%d/%m/%Y %H:%M} {n.title}"
            + (f" ({_absolute(n.link)})" if n.link else "")
            for n in rows
        ]
        message = EmailMessage(
            subject=ngettext(
                "thidua: %(n)s thông báo mới", "thidua: %(n)s thông báo mới", len(rows)
            )
            % {"n": len(rows)},
            body="\n".join([_("Các thông báo mới của bạn:"), "", *lines]),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient.email],
        )
        if _send([message]):
            Notification.objects.filter(pk__in=[n.pk for n in rows]).update(
                mailed_at=timezone.now()
            )
            sent += 1
    return sent
