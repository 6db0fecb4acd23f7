"""Moving many dossiers of a round at once: the round's page posts the selection and
the action; this page says what will happen (how many dossiers of each title, and
which cannot move, why) and, confirmed, moves them all or none
(services/bulk_moves.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from thidua.common.params import BadParameter, id_list, int_param

from ..enums import NominationState
from ..selectors import access_round, nominations_for_user
from ..selectors.bulk_moves import bulk_plan
from ..selectors.evidence import send_warnings
from ..services.bulk_moves import bulk_move

__all__ = ["BulkMoveView"]


class BulkMoveView(View):
    def post(self, request, pk):
        round_ = access_round(request.user, pk)
        # Only dossiers of this round the user sees: another's id is simply not there.
        nominations = list(
            nominations_for_user(request.user)
            .filter(round=round_, pk__in=id_list(request.POST, "ho_so"))
            .select_related("person__unit")
            .order_by("proposing_unit__name", "code", "pk")
        )
        if not nominations:
            messages.error(request, _("Chưa chọn hồ sơ nào."))
            return redirect(round_.get_absolute_url())
        plan = bulk_plan(request.user, nominations, request.POST.get("action", ""))
        if plan is None:
            messages.error(request, _("Thao tác không hợp lệ."))
            return redirect(round_.get_absolute_url())
        reason = request.POST.get("reason", "")
        if request.POST.get("xac_nhan") and not plan.blocked:
            if plan.needs_reason and not reason.strip():
                messages.error(request, _("Phải ghi rõ lý do."))
            else:
                try:
                    moved = bulk_move(
                        nominations,
                        plan.key,
                        actor=request.user,
                        reason=reason,
                        appraisal=request.POST.get("appraisal", ""),
                        versions=self._versions(request, nominations),
                    )
                except ValidationError as exc:
                    for message in exc.messages:
                        messages.error(request, message)
                    return redirect(round_.get_absolute_url())
                messages.success(
                    request,
                    _("Đã chuyển %(n)s hồ sơ: %(label)s.")
                    % {"n": moved, "label": plan.label},
                )
                return redirect(round_.get_absolute_url())
        warnings = []
        if plan.steps[0] == NominationState.SUBMITTED:
            warnings = [(n, w) for n in nominations if (w := send_warnings(n))]
        return render(
            request,
            "nominations/bulk_confirm.html",
            {
                "round": round_,
                "plan": plan,
                "nominations": nominations,
                "warnings": warnings,
                "reason": reason,
            },
        )

    @staticmethod
    def _versions(request, nominations) -> dict[int, int]:
        # A version that is no number is no version: that dossier is not checked
        # for staleness (as a single move without one).
        versions = {}
        for nomination in nominations:
            try:
                version = int_param(request.POST, f"v{nomination.pk}", min_value=1)
            except BadParameter:
                continue
            if version is not None:
                versions[nomination.pk] = version
        return versions
