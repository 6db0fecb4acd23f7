"""Nominating in bulk (issue #17, point 2): many proposals of one unit in one round —
from its approved registrations or from an Excel list — checked all before anything
is written, then created in one transaction, each audited as the single form's and
one summary entry for the batch."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import log_action
from thidua.organizations.models import Agency, Person

from ..models import Nomination, NominationRound
from ..selectors.bulk import taken_subjects
from .nomination import (
    DUPLICATE_MESSAGE,
    check_proposing_unit,
    check_round,
    create_nomination,
    subject_errors,
)

__all__ = ["Proposal", "create_nominations", "proposal_problems"]


@dataclass(frozen=True)
class Proposal:
    """One nominee of a batch; ``label`` names its row in every message ("Dòng 7",
    a person's name)."""

    label: str
    code: str
    person: Person | None = None
    agency: Agency | None = None
    summary: str = ""
    award_type: str = "cong_trang"

    @property
    def subject_key(self) -> tuple:
        return (self.person.pk if self.person else None, self.agency_id, self.code)

    @property
    def agency_id(self) -> int | None:
        return self.agency.pk if self.agency else None


def proposal_problems(round_: NominationRound, unit: Agency, proposals) -> list[str]:
    """Every problem of every row, each named: the same refusals as the single form
    (subject outside the unit, a code for the other kind, already proposed or
    awarded) and a nominee listed twice."""
    taken = taken_subjects(round_.year, [p.subject_key for p in proposals])
    problems, seen = [], {}
    for proposal in proposals:
        found = subject_errors(
            unit, proposal.code, person=proposal.person, agency=proposal.agency
        )
        messages = [m for field_messages in found.values() for m in field_messages]
        key = proposal.subject_key
        if key in seen:
            messages.append(_("trùng với %(other)s.") % {"other": seen[key]})
        else:
            seen[key] = proposal.label
            if key in taken:
                messages.append(DUPLICATE_MESSAGE % {"year": round_.year})
        problems += [f"{proposal.label}: {message}" for message in messages]
    return problems


def create_nominations(
    round_: NominationRound,
    *,
    proposing_unit: Agency,
    proposals: list[Proposal],
    source: str,
    actor=None,
) -> list[Nomination]:
    """All of ``proposals`` created, or none: every row's errors are reported at once
    (``ValidationError`` of named messages); a duplicate another user created in the
    meantime (the database's constraint) undoes the whole batch, its row named."""
    check_round(round_)
    check_proposing_unit(round_, proposing_unit)
    if not proposals:
        raise ValidationError(_("Chưa chọn đối tượng nào để đề nghị."))
    problems = proposal_problems(round_, proposing_unit, proposals)
    if problems:
        raise ValidationError(problems)
    created = []
    with transaction.atomic():
        for proposal in proposals:
            try:
                created.append(
                    create_nomination(
                        round_,
                        proposing_unit=proposing_unit,
                        code=proposal.code,
                        person=proposal.person,
                        agency=proposal.agency,
                        award_type=proposal.award_type,
                        summary=proposal.summary,
                        actor=actor,
                    )
                )
            except ValidationError as exc:
                raise ValidationError(
                    [f"{proposal.label}: {message}" for message in exc.messages]
                ) from exc
        log_action(
            round_,
            "nominations.bulk_create",
            actor=actor,
            agency_id=proposing_unit.pk,
            data={
                "source": source,
                "unit": proposing_unit.name,
                "count": len(created),
                "nominations": [n.pk for n in created],
            },
        )
    return created
