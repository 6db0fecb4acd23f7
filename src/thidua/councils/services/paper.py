"""“Kết quả họp trên giấy”: the council met on paper; the secretary or the chair (or
the round agency's TĐKT office — permission ``nominations.record_council_result``)
uploads the signed biên bản and enters the tally. The pass rule is the council's rule for the
title, as a ballot would use; the dossier moves past the council through the kernel
(``THROUGH_COUNCIL``), audited as ``councils.paper_result``."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.common.text import nfc
from thidua.common.uploads import check_attachment
from thidua.eligibility.regimes import select_regime
from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.services.nomination import transition_nomination
from thidua.nominations.workflows import COUNCIL, THROUGH_COUNCIL
from thidua.organizations.models import Council

from ..models import AgendaItem, PaperCouncilResult
from .pass_rules import passes, resolve_pass_rule

__all__ = ["record_paper_result"]


def _check_numbers(met_on, roster_size, yes, no) -> None:
    errors: dict[str, list[str]] = {}
    if met_on > timezone.localdate():
        errors["met_on"] = [_("Ngày họp không được sau hôm nay.")]
    if roster_size < 1:
        errors["roster_size"] = [_("Số thành viên được biểu quyết phải lớn hơn 0.")]
    for field, value, label in (
        ("yes", yes, _("Số phiếu đồng ý")),
        ("no", no, _("Số phiếu không đồng ý")),
    ):
        if value < 0:
            errors[field] = [_("%(label)s không được âm.") % {"label": label}]
    if not errors and yes + no > roster_size:
        errors["yes"] = [
            _(
                "Số phiếu đồng ý và không đồng ý (%(total)s) vượt quá số thành viên "
                "được biểu quyết (%(roster)s)."
            )
            % {"total": yes + no, "roster": roster_size}
        ]
    if errors:
        raise ValidationError(errors)


def record_paper_result(
    nomination: Nomination,
    *,
    council: Council,
    met_on: datetime.date,
    roster_size: int,
    yes: int,
    no: int,
    minutes,
    note: str = "",
    actor,
) -> PaperCouncilResult:
    """Record the council's result from the signed paper minutes and move the dossier
    from “trình Hội đồng” to “Hội đồng đã xét” in the same transaction."""
    if not actor.has_perm(COUNCIL, nomination):
        raise PermissionDenied
    if council.agency_id != nomination.round.agency_id:
        raise ValidationError(
            {"council": [_("Hội đồng không thuộc cơ quan tổ chức đợt xét.")]}
        )
    _check_numbers(met_on, roster_size, yes, no)
    if minutes is None:
        raise ValidationError(
            {"minutes": [_("Phải tải lên biên bản họp Hội đồng đã ký.")]}
        )
    checked = check_attachment(minutes, field="minutes", label=_("Biên bản họp"))
    rule = resolve_pass_rule(council, nomination.code, select_regime(nomination.year))
    passed = passes(yes, roster_size=roster_size, votes_cast=yes + no, rule=rule)
    with transaction.atomic():
        state = Nomination.objects.select_for_update().get(pk=nomination.pk).state
        if state != NominationState.TO_COUNCIL:
            raise ValidationError(_("Hồ sơ không ở bước “Trình Hội đồng”."))
        if AgendaItem.objects.filter(
            nomination=nomination, ballot__isnull=False
        ).exists():
            raise ValidationError(
                _("Hồ sơ đã được bỏ phiếu tại phiên họp, kết quả lấy từ phiếu bầu.")
            )
        result = PaperCouncilResult.objects.create(
            nomination=nomination,
            council=council,
            met_on=met_on,
            roster_size=roster_size,
            yes=yes,
            no=no,
            passed=passed,
            rule_label=rule.label[:255],
            minutes_file=checked.content,
            minutes_name=checked.original_name,
            minutes_sha256=checked.sha256,
            note=nfc(note).strip(),
            entered_by=actor,
        )
        log_action(
            nomination,
            "councils.paper_result",
            actor=actor,
            agency_id=nomination.round.agency_id,
            data={
                "council": council.pk,
                "met_on": met_on.isoformat(),
                "roster_size": roster_size,
                "yes": yes,
                "no": no,
                "passed": passed,
                "rule": result.rule_label,
                "minutes": checked.original_name,
                "sha256": checked.sha256,
                "source": "paper",
            },
        )
        transition_nomination(
            nomination,
            NominationState.COUNCIL_DONE,
            actor=actor,
            reason=_("Kết quả nhập từ biên bản giấy"),
            through=THROUGH_COUNCIL,
        )
    return result
