"""Moving many dossiers of a round in one step (issue #17, point 2;
selectors/bulk_moves.py says which moves): each dossier through ``transition_nomination``,
the single move's service — the same permission, guards, timeline row and audit
entry per dossier — all in one transaction. One dossier that cannot move and none
moves; the error names each one and why."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import NominationState
from ..selectors.bulk_moves import steps_of
from .nomination import transition_nomination

__all__ = ["bulk_move"]


def bulk_move(
    nominations,
    key: str,
    *,
    actor,
    reason: str = "",
    appraisal: str = "",
    versions: dict[int, int] | None = None,
) -> int:
    """Make action ``key`` (a target state, or a chain of them: selectors.bulk_moves) on
    every one of ``nominations``, all or nothing; ``versions`` (pk → the version the
    user confirmed) refuses a dossier changed since. Answers how many moved."""
    steps = steps_of(key)
    if not steps:
        raise ValidationError(_("Thao tác không hợp lệ."))
    if not nominations:
        raise ValidationError(_("Chưa chọn hồ sơ nào."))
    versions = versions or {}
    problems = []
    with transaction.atomic():
        for nomination in nominations:
            try:
                with transaction.atomic():
                    for index, to in enumerate(steps):
                        transition_nomination(
                            nomination,
                            to,
                            actor=actor,
                            reason=reason,
                            appraisal=appraisal
                            if to == NominationState.APPRAISED
                            else "",
                            # Only the first step: the next one follows the first.
                            expected_version=versions.get(nomination.pk)
                            if index == 0
                            else None,
                        )
            except ValidationError as exc:
                problems.append(f"{nomination}: {' '.join(exc.messages)}")
            except PermissionDenied:
                problems.append(
                    _("%(n)s: bạn không có quyền thực hiện bước này.")
                    % {"n": nomination}
                )
        if problems:
            raise ValidationError(
                [_("Không hồ sơ nào được chuyển, vì:")] + [f"– {p}" for p in problems]
            )
    return len(nominations)
