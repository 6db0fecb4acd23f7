"""The head's approval, shared by every text the agency issues in his name: the
Quyết định khen thưởng, the tờ trình sent upward and the launch document of a
movement. The TĐKT office drafts and submits, the head — or whoever signs for him —
approves or returns with the reason, the clerk numbers and issues.

The signer block is written at approval from the approver's staff record and his
role, never typed (Nghị định 30/2020/NĐ-CP Art 13, Phụ lục I ô 7a/7b):

- the head (Role.HEAD): his own title;
- the acting head (Role.ACTING): "Q. <the title he acts in>" (on his role);
- a deputy (Role.DEPUTY): "KT. <the head's title>" / his own title;
- a delegate (Role.DELEGATE): "TUQ." or "TL. <the delegating head's title>" / his own
  title, the head named on his role.

Each machine (decisions, submissions, movements workflows.py) calls
:func:`approve` and :func:`send_back` with its own kernel and lock."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.accounts.enums import Role
from thidua.accounts.models import RoleAssignment
from thidua.accounts.notifications import notify
from thidua.common.text import nfc
from thidua.organizations.access import scopes_for
from thidua.organizations.account_selectors import unit_recipients

__all__ = ["approve", "send_back", "signer_block", "tell_approvers", "tell_clerks"]

# Who approves and signs for the head (scopes.approver_agencies reads the same roles).
APPROVERS = (Role.HEAD, Role.DEPUTY, Role.ACTING, Role.DELEGATE)


def _title(person) -> str:
    return person.position if person is not None else ""


def _assignment(user, agency, role):
    return (
        RoleAssignment.objects.filter(user=user, role=role, agency=agency)
        .select_related("principal__person")
        .order_by("pk")
        .first()
    )


def _head_title(agency) -> str:
    head = (
        RoleAssignment.objects.filter(
            role=Role.HEAD, agency=agency, user__person__isnull=False
        )
        .select_related("user__person")
        .order_by("pk")
        .first()
    )
    title = _title(head.user.person) if head else ""
    if not title:
        raise ValidationError(
            _("%(a)s chưa có thủ trưởng có chức vụ trên hồ sơ để ký thay.")
            % {"a": agency.name}
        )
    return title


def signer_block(user, agency) -> dict:
    """The signature block of ``user`` approving for ``agency`` (see the module);
    the strongest of his roles there wins: head, acting head, deputy, delegate."""
    person = user.person
    if person is None or not person.position:
        raise ValidationError(
            _("Tài khoản của người duyệt chưa gắn hồ sơ cá nhân có chức vụ.")
        )
    scopes = scopes_for(user)
    block = {
        "signer_title": person.position,
        "signer_name": person.full_name,
        "signer_authority": "",
        "signer_principal": "",
    }
    if agency.pk in scopes.head_agencies:
        return block
    if agency.pk in scopes.acting_agencies:
        acting = _assignment(user, agency, Role.ACTING)
        return block | {"signer_authority": "Q.", "signer_title": acting.acting_title}
    if agency.pk in scopes.deputy_agencies:
        return block | {
            "signer_authority": "KT.",
            "signer_principal": _head_title(agency),
        }
    delegation = _assignment(user, agency, Role.DELEGATE)
    if delegation is None:
        raise ValidationError(
            _("Tài khoản không có quyền ký văn bản của %(a)s.") % {"a": agency.name}
        )
    principal = _title(delegation.principal.person)
    if not principal:
        raise ValidationError(
            _("Thủ trưởng ủy quyền chưa có chức vụ trên hồ sơ cá nhân.")
        )
    return block | {
        "signer_authority": delegation.signs_as,
        "signer_principal": principal,
    }


def approve(workflow, obj, to, *, actor, agency_of, lock=None, data=None):
    """Move ``obj`` to its approved state ``to`` through ``workflow``: the approver and
    the time recorded, the signer block his (:func:`signer_block`), any earlier
    return reason cleared; the audit entry names the signer."""

    def effect(locked, _move) -> list[str]:
        block = signer_block(actor, agency_of(locked))
        for name, value in block.items():
            setattr(locked, name, value)
        locked.approved_by = actor
        locked.approved_at = timezone.now()
        locked.return_reason = ""
        return [*block, "approved_by", "approved_at", "return_reason"]

    if actor is None:  # the head decides: no trusted caller approves in his name
        raise PermissionDenied
    return workflow.transition(
        obj,
        to,
        actor=actor,
        effect=effect,
        data=lambda locked: {"signer": locked.signer_text, **(data or {})},
        lock=lock,
    )


def send_back(workflow, obj, to, *, actor, reason: str, lock=None):
    """Return ``obj`` to the office (state ``to``) with the reason, kept on it."""

    def effect(locked, _move) -> list[str]:
        locked.return_reason = nfc(reason.strip())
        return ["return_reason"]

    return workflow.transition(
        obj, to, actor=actor, reason=reason, effect=effect, lock=lock
    )


def _tell(roles, kind: str, wording):
    def tell(locked, agency_id, actor) -> None:
        people = [
            user
            for user in unit_recipients([agency_id], roles)[agency_id]
            if actor is None or user.pk != actor.pk
        ]
        notify(
            people,
            kind,
            f"{wording}: {locked}",
            link=locked.get_absolute_url(),
            subject=locked,
        )

    return tell


# A workflow's ``on_enter`` (common.workflow): the text is before the head and those
# who sign for him; approved, it waits for the clerk's number.
tell_approvers = _tell(APPROVERS, "documents.awaiting", gettext_lazy("Chờ duyệt"))
tell_clerks = _tell(
    (Role.CLERK,), "documents.to_number", gettext_lazy("Chờ lấy số, ban hành")
)
