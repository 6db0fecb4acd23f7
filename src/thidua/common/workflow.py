"""The one workflow kernel: every state machine of thidua declares its transitions as
data and moves through :meth:`Workflow.transition`.

A transition names its source and target states, the permission (a django-rules name,
checked against the object), the verb a button shows, whether a reason is required,
and guards — functions that return the reasons (Vietnamese, for the user) why the move
may not happen now. ``transition()`` locks the row, finds the transition, checks the
permission and the guards, runs the machine's effect (number a document, deliver it…),
saves the state, writes the audit entry in the same transaction and runs the on-commit
hooks. ``available()`` is what views, templates and the API offer a user, so "who may
move" is decided in one place.

No FSM library: the tables stay readable in each app's ``workflows.py``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .services.audit import log_action
from .text import nfc

__all__ = ["Transition", "Workflow"]

Guard = Callable[..., list[str]]


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    permission: str
    label: str  # the verb on the button: "Ban hành", "Bắt đầu thực hiện"
    needs_reason: bool = False
    guards: tuple[Guard, ...] = ()
    # Offered as a button wherever the object shows its actions (some moves happen
    # only as part of another action, e.g. a sơ kết report issued).
    offered: bool = True
    # A field the form of this move asks for besides the reason ("appraisal").
    asks_for: str = ""
    # Its own audit action code, where the machine's moves were audited apart before.
    action: str = ""
    # Made only by the named service (e.g. "tờ trình": a nomination sent up is moved
    # by the tờ trình service, which checked the actor itself); never offered.
    only_through: str = ""
    # The summary the user confirms before an irreversible move (a number taken, a
    # text sent up, a dossier cancelled): what will happen to ``%(object)s``.
    confirm: str = ""
    # What the user is told once the move is made, where it produced something to
    # name: ``%(symbol)s`` and ``%(date)s`` of the document it issued.
    done: str = ""

    def confirm_text(self, obj) -> str:
        """The confirmation summary for ``obj``, or "" for a move made without one."""
        return self.confirm % {"object": obj} if self.confirm else ""


@dataclass
class Workflow:
    """A state machine over ``model.<state_field>``; ``action`` is its audit action code."""

    model: type
    transitions: Iterable[Transition]
    action: str
    state_field: str = "state"
    noun: str = ""  # "phong trào": what error messages call the object
    # Messages of the machine's own wording, where its users already know them.
    reason_message: str = ""
    stale_message: str = ""
    # One message, or one per ``only_through`` name.
    through_message: str | dict = ""
    # What the user is told when the object is no longer where the move starts: one
    # message, or one per target state (the others keep the kernel's wording).
    refused_message: str | dict = ""
    agency_of: Callable = staticmethod(lambda obj: None)
    # The object the audit entry is filed under, where a move of a part belongs in
    # the history of the whole (an item's outcome in its tờ trình's).
    audit_object: Callable = staticmethod(lambda obj: obj)
    # Who is told when the object reaches a state: ``{state: tell(locked, agency_id,
    # actor)}``, run in the move's transaction (a notice commits with the move).
    on_enter: dict = field(default_factory=dict)
    _table: dict = field(init=False, repr=False)

    def __post_init__(self):
        self.transitions = tuple(self.transitions)
        self._table = {(t.source, t.target): t for t in self.transitions}

    def find(self, source: str, target: str) -> Transition | None:
        return self._table.get((source, target))

    def available(self, user, obj) -> list[Transition]:
        """The moves ``user`` may make on ``obj`` now, in table order."""
        state = getattr(obj, self.state_field)
        return [
            t
            for t in self.transitions
            if t.source == state
            and t.offered
            and not t.only_through
            and user.has_perm(t.permission, obj)
        ]

    def _label(self, value: str) -> str:
        choices = dict(self.model._meta.get_field(self.state_field).choices)
        return str(choices.get(value, value))

    def transition(
        self,
        obj,
        to: str,
        *,
        actor=None,
        reason: str = "",
        check_permission: bool = True,
        effect: Callable | None = None,
        data: dict | Callable | None = None,
        lock: Callable | None = None,
        expected_version: int | None = None,
        through: str = "",
    ):
        """Move ``obj`` to ``to``. ``effect(locked, transition)`` runs inside the
        transaction before the state is saved and returns the names of the other
        fields it changed; ``data`` (or ``data(locked)``) goes into the audit entry. Trusted callers (a
        service moving the machine as part of its own checked action) pass
        ``check_permission=False``; the service named by a transition's
        ``only_through`` passes ``through=`` that name. ``expected_version``: the
        ``version`` the user saw; another is refused as stale."""
        with transaction.atomic():
            # Lock the object's own row only: related rows joined for reading (a
            # nullable one included, which PostgreSQL cannot lock) stay unlocked.
            query = self.model.objects.select_for_update(of=("self",))
            locked = (lock(query) if lock else query).get(pk=obj.pk)
            if expected_version is not None and locked.version != expected_version:
                raise ValidationError(
                    self.stale_message or _("Dữ liệu đã được người khác cập nhật."),
                    code="stale",
                )
            before = getattr(locked, self.state_field)
            move = self.find(before, to)
            if move is not None and move.only_through != through:
                if move.only_through:
                    message = self.through_message
                    if isinstance(message, dict):
                        message = message.get(move.only_through, "")
                    raise ValidationError(
                        message
                        or _("Bước này chỉ được thực hiện qua %(via)s.")
                        % {"via": move.only_through}
                    )
                move = None
            refused = self.refused_message
            if isinstance(refused, dict):
                refused = refused.get(to, "")
            if move is None and refused:
                raise ValidationError(refused)
            if move is None:
                raise ValidationError(
                    _("Không thể chuyển %(noun)s từ “%(a)s” sang “%(b)s”.")
                    % {
                        "noun": self.noun,
                        "a": self._label(before),
                        "b": self._label(to),
                    }
                )
            if (
                check_permission
                and actor is not None
                and not actor.has_perm(move.permission, locked)
            ):
                raise PermissionDenied
            if move.needs_reason and not reason.strip():
                message = self.reason_message or _("Phải ghi lý do %(verb)s.") % {
                    "verb": move.label.lower()
                }
                raise ValidationError({"reason": [message]})
            problems = [p for guard in move.guards for p in guard(locked)]
            if problems:
                raise ValidationError(problems)
            changed = list(effect(locked, move) or []) if effect else []
            setattr(locked, self.state_field, to)
            locked.save(update_fields=[self.state_field, *changed])
            log_action(
                self.audit_object(locked),
                move.action or self.action,
                actor=actor,
                agency_id=self.agency_of(locked),
                changes={self.state_field: [before, to]},
                data={
                    **({"reason": nfc(reason)} if reason.strip() else {}),
                    **(data(locked) if callable(data) else data or {}),
                },
            )
            tell = self.on_enter.get(to)
            if tell is not None:
                tell(locked, self.agency_of(locked), actor)
        return locked
