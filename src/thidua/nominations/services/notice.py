"""Public notice (công khai): publish, comment, acknowledge (NĐ 98/2023 Art 46)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.common.workdays import add_working_days

from ..enums import NominationState
from ..models import Nomination, NominationRound, NoticeComment, PublicNotice
from .nomination import transition_nomination

__all__ = ["acknowledge_comment", "add_comment", "open_notice"]

PUBLISHABLE = (NominationState.COUNCIL_DONE,)


def open_notice(
    round_: NominationRound,
    nominations: list[Nomination],
    *,
    starts_on: datetime.date,
    working_days: int = 10,
    title: str = "",
    actor=None,
) -> PublicNotice:
    """Publish ``nominations`` (decided by the council) and move them to "Công khai"."""
    if not nominations:
        raise ValidationError(_("Chọn ít nhất một hồ sơ để công khai."))
    if not 1 <= working_days <= 60:
        raise ValidationError({"working_days": [_("Số ngày làm việc từ 1 đến 60.")]})
    nominations = list(Nomination.objects.filter(pk__in=[n.pk for n in nominations]))
    wrong = [
        n for n in nominations if n.round_id != round_.pk or n.state not in PUBLISHABLE
    ]
    if wrong:
        raise ValidationError(
            [_("Chỉ công khai hồ sơ Hội đồng đã xét của đợt này:")]
            + [f"– {n}" for n in wrong]
        )
    with transaction.atomic():
        notice = PublicNotice.objects.create(
            round=round_,
            title=nfc(title)
            or _("Công khai danh sách đề nghị khen thưởng – %(r)s")
            % {"r": round_.name},
            starts_on=starts_on,
            working_days=working_days,
            ends_on=add_working_days(starts_on, working_days),
            created_by=actor,
        )
        for nomination in nominations:
            transition_nomination(
                nomination, NominationState.PUBLIC_NOTICE, actor=actor
            )
        notice.nominations.set(nominations)
        log_action(
            notice,
            "notices.open",
            actor=actor,
            agency_id=round_.agency_id,
            data={
                "nominations": [n.pk for n in nominations],
                "from": starts_on.isoformat(),
                "to": notice.ends_on.isoformat(),
            },
        )
    return notice


def add_comment(
    notice: PublicNotice, nomination_id, *, name: str, contact: str, content: str
) -> NoticeComment:
    """Anyone may comment while the notice runs; name and contact are required."""
    today = timezone.localdate()
    if not notice.starts_on <= today <= notice.ends_on:
        raise ValidationError(_("Đã hết thời hạn nhận góp ý (hoặc chưa bắt đầu)."))
    nomination = notice.nominations.filter(pk=nomination_id).first()
    errors = {}
    if nomination is None:
        errors["nomination"] = [_("Chọn cá nhân, tập thể được góp ý trong danh sách.")]
    for field, value in (("name", name), ("contact", contact), ("content", content)):
        if not value.strip():
            errors[field] = [_("Trường này là bắt buộc.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        comment = NoticeComment.objects.create(
            notice=notice,
            nomination=nomination,
            name=nfc(name.strip()),
            contact=nfc(contact.strip()),
            content=nfc(content.strip()),
        )
        log_action(
            comment,
            "notices.comment",
            agency_id=notice.round.agency_id,
            data={"notice": notice.pk, "nomination": nomination.pk},
        )
    return comment


def acknowledge_comment(comment: NoticeComment, *, response: str, actor=None):
    if not response.strip():
        raise ValidationError({"response": [_("Phải ghi kết quả xem xét góp ý.")]})
    with transaction.atomic():
        locked = NoticeComment.objects.select_for_update().get(pk=comment.pk)
        if locked.acknowledged_at:
            raise ValidationError(_("Góp ý này đã được xem xét."))
        locked.response = nfc(response)
        locked.acknowledged_at = timezone.now()
        locked.acknowledged_by = actor
        locked.save(update_fields=["response", "acknowledged_at", "acknowledged_by"])
        log_action(
            locked,
            "notices.acknowledge",
            actor=actor,
            agency_id=locked.notice.round.agency_id,
            data={"response": locked.response},
        )
    return locked
