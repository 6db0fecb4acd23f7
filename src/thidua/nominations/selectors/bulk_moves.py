"""Moving many dossiers of a round at once (issue #17, point 2): which moves the
round's page offers for a selection, and what one would do — read from the kernel's
table (workflows.NOMINATION), so a bulk move is never allowed where the single one
is not.

Appraisal is one move in the kernel (Đã gửi → Đã thẩm định, with the officer's
opinion). What cost the officer two state changes per dossier was appraising and then
sending to the council; the law puts no step between them when the dossier goes to
the council (Luật TĐKT 2022 Art 84–85: the office appraises, the council considers),
so the bulk action "Ghi nhận thẩm định và trình Hội đồng" makes both, each dossier
through the same two kernel moves as by hand (two audit entries, two timeline rows)."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..enums import NominationState as N
from ..workflows import NOMINATION

__all__ = ["APPRAISE_TO_COUNCIL", "BulkPlan", "bulk_actions", "bulk_plan", "steps_of"]

APPRAISE_TO_COUNCIL = f"{N.APPRAISED}+{N.TO_COUNCIL}"
_CHAINS = {
    APPRAISE_TO_COUNCIL: (
        (N.APPRAISED, N.TO_COUNCIL),
        gettext_lazy("Ghi nhận thẩm định và trình Hội đồng"),
    )
}


def steps_of(key: str) -> tuple[str, ...]:
    """The target states an action's key names: one state, or a known chain; ``()``
    for anything else."""
    if key in _CHAINS:
        return _CHAINS[key][0]
    return (key,) if key in N.values else ()


@dataclass(frozen=True)
class BulkAction:
    key: str
    label: str
    needs_reason: bool = False
    asks_for: str = ""


def _moves_of(user, nomination) -> list[BulkAction]:
    moves = []
    for move in NOMINATION.available(user, nomination):
        moves.append(
            BulkAction(
                str(move.target), str(move.label), move.needs_reason, move.asks_for
            )
        )
        # Sending to the council is the same office's move (the same permission):
        # whoever may appraise may do both at once (the confirmation checks again).
        if move.target == N.APPRAISED:
            moves.append(
                BulkAction(
                    APPRAISE_TO_COUNCIL,
                    str(_CHAINS[APPRAISE_TO_COUNCIL][1]),
                    asks_for="appraisal",
                )
            )
    return moves


def bulk_actions(user, nominations) -> list[BulkAction]:
    """Every move some of the listed dossiers offer ``user``, in table order, each
    dossier's own marked on it (``bulk_moves``: the keys, for the page's script, which
    enables an action only when every selected dossier offers it)."""
    actions: dict[str, BulkAction] = {}
    for nomination in nominations:
        moves = _moves_of(user, nomination)
        nomination.bulk_moves = " ".join(move.key for move in moves)
        for move in moves:
            actions.setdefault(move.key, move)
    return list(actions.values())


def _why_not(user, nomination, steps) -> str | None:
    """Why ``nomination`` cannot make ``steps`` (the kernel's table and the
    permission; guards are the kernel's to check when it moves), or None."""
    state = nomination.state
    for to in steps:
        move = NOMINATION.find(state, to)
        if move is None or move.only_through or not move.offered:
            return _("đang ở trạng thái “%(s)s”, không chuyển sang “%(t)s” được") % {
                "s": N(nomination.state).label,
                "t": N(to).label,
            }
        if not user.has_perm(move.permission, nomination):
            return _("bạn không có quyền %(verb)s") % {"verb": move.label.lower()}
        state = to
    return None


@dataclass
class BulkPlan:
    """What a bulk action would do: its label, whether it asks for a reason or the
    appraisal opinion, the number of dossiers per title, and the dossiers that cannot
    make it (each with why) — one of those and nothing moves."""

    key: str
    steps: tuple[str, ...]
    label: str
    needs_reason: bool
    asks_for: str
    counts: list[tuple[str, int]] = field(default_factory=list)
    blocked: list[tuple[object, str]] = field(default_factory=list)


def bulk_plan(user, nominations, key: str) -> BulkPlan | None:
    """The plan of action ``key`` on ``nominations``; None for an unknown action."""
    steps = steps_of(key)
    if not steps:
        return None
    if key in _CHAINS:
        label, needs_reason, asks_for = str(_CHAINS[key][1]), False, "appraisal"
    else:
        # The kernel's wording of the move ("Trả lại" from any state says the same).
        move = next((t for t in NOMINATION.transitions if t.target == key), None)
        if move is None:
            return None
        label, needs_reason, asks_for = (
            str(move.label),
            move.needs_reason,
            move.asks_for,
        )
    plan = BulkPlan(key, steps, label, needs_reason, asks_for)
    counts = Counter(n.get_code_display() for n in nominations)
    plan.counts = sorted(counts.items())
    for nomination in nominations:
        why = _why_not(user, nomination, steps)
        if why is not None:
            plan.blocked.append((nomination, why))
    return plan
