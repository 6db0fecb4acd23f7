"""Permission names of the council's machines: the secretary or the chair runs a
meeting (councils/workflows.py); the agency's TĐKT office, or either of them, prepares it
(attendance, agenda, paper ballots, biên bản — the services check a seat where the law
wants one)."""

import rules
from django.core.exceptions import ValidationError
from django.utils import timezone

__all__ = ["prepares_meeting", "runs_meeting"]


@rules.predicate
def runs_meeting(user, meeting) -> bool:
    from .services._common import officer_seat  # noqa: PLC0415 (services import this app's workflows, which name this permission)

    if meeting is None:
        return False
    try:
        officer_seat(meeting.council, user, on=timezone.localdate())
    except ValidationError:
        return False
    return True


rules.add_perm("councils.run_meeting", runs_meeting)


@rules.predicate
def prepares_meeting(user, meeting) -> bool:
    if meeting is None:
        return False
    return user.has_perm("organizations.change_council", meeting.council) or (
        runs_meeting(user, meeting)
    )


rules.add_perm("councils.prepare_meeting", prepares_meeting)
