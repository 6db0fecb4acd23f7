"""The one view step of a text the head approves (decisions, tờ trình, launch
documents): the move asked for must be one the workflow offers the user (else 403),
the service of that target runs, its refusals become messages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from ..forms import ApprovalMoveForm

__all__ = ["approval_move"]


def approval_move(request, obj, workflow, steps: dict, *, done: str):
    """``steps``: target state → ``service(obj, actor=, reason=, issued_on=)``."""
    form = ApprovalMoveForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    to = data.get("to", "")
    offered = {t.target: t for t in workflow.available(request.user, obj)}
    if to not in offered:
        raise PermissionDenied
    if "issued_on" in form.errors:  # a date that is not one: nothing done
        for message in form.errors["issued_on"]:
            messages.error(request, message)
        return redirect(obj.get_absolute_url())
    try:
        steps[to](
            obj,
            actor=request.user,
            reason=data.get("reason") or "",
            issued_on=data.get("issued_on") or timezone.localdate(),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _result(offered[to], obj) or done or _("Đã cập nhật.")
        )
    return redirect(obj.get_absolute_url())


def _result(move, obj) -> str:
    """The move's own message naming what it produced: the number and date of the
    document it issued ("Đã ban hành số 12/QĐ-SNV ngày 08/12/2026.")."""
    if not move.done:
        return ""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    # A decision, a draft and a movement keep their document as issued_document,
    # a tờ trình as document.
    document = getattr(fresh, "issued_document", None) or fresh.document
    return move.done % {
        "symbol": document.symbol,
        "date": document.issued_on.strftime("%d/%m/%Y"),
    }
