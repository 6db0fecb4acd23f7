"""Reads for nominating in bulk: who a unit registered (đăng ký thi đua) and may now
propose in a round, with the engine's verdict on each, and who is already proposed or
awarded."""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Q

from thidua.awards.models import Award
from thidua.eligibility.catalog import NAMES
from thidua.movements.enums import RegistrationState
from thidua.movements.models import Registration
from thidua.organizations.eligibility import Verdict, verdicts_for
from thidua.organizations.enums import VerdictStatus
from thidua.organizations.models import Agency, Person

from ..enums import ACTIVE_STATES
from ..models import Nomination, NominationRound

__all__ = ["Candidate", "registration_candidates", "taken_subjects", "with_verdicts"]


def taken_subjects(year: int, keys) -> set[tuple]:
    """Of ``keys`` — (person pk, agency pk, code) — those already proposed (a nomination
    not refused nor cancelled) or awarded that year, in two queries."""
    keys = list(keys)
    if not keys:
        return set()
    people = {k[0] for k in keys if k[0]}
    agencies = {k[1] for k in keys if k[1]}
    codes = {k[2] for k in keys}
    subjects = Q(person_id__in=people) | Q(agency_id__in=agencies)
    found = set()
    for model, only in (
        (Nomination, Q(state__in=ACTIVE_STATES)),
        (Award, Q(revoked=False)),
    ):
        found.update(
            model.objects.filter(only, subjects, year=year, code__in=codes).values_list(
                "person_id", "agency_id", "code"
            )
        )
    return found & set(keys)


@dataclass
class Candidate:
    """A nominee the bulk page offers: the registered title, the movement it was
    registered in, the engine's verdict and whether it is already proposed."""

    key: str
    code: str
    person: Person | None = None
    agency: Agency | None = None
    movement: str = ""
    verdict: Verdict | None = None
    taken: bool = False

    @property
    def subject(self):
        return self.person or self.agency

    @property
    def code_name(self) -> str:
        return NAMES.get(self.code, self.code)

    @property
    def ticked(self) -> bool:
        """Pre-ticked: not yet proposed and not barred by the law."""
        return not self.taken and not (
            self.verdict and self.verdict.status == VerdictStatus.BLOCKED
        )


def _sources(round_: NominationRound, unit: Agency):
    """The unit's approved registrations the round reuses: its movement's; for a round
    not linked to a movement (a yearly round), those of every movement of the round's
    year — a registered yearly title is what the unit proposes at the year's end."""
    registrations = Registration.objects.filter(
        agency=unit, state=RegistrationState.APPROVED
    ).select_related("movement")
    if round_.movement_id:
        return registrations.filter(movement_id=round_.movement_id)
    return registrations.filter(movement__year=round_.year).order_by("movement_id")


def registration_candidates(round_: NominationRound, unit: Agency) -> list[Candidate]:
    """The unit's collective title and its members' titles from its approved
    registrations, once each (the first movement's when two registered the same), the
    unit first then its people in the order of the staff list."""
    collective, people, seen = [], [], set()
    for registration in _sources(round_, unit):
        movement = registration.movement.name
        code = registration.collective_title
        if code and ("a", code) not in seen:
            seen.add(("a", code))
            collective.append(
                Candidate(
                    key=f"a{unit.pk}-{code}", code=code, agency=unit, movement=movement
                )
            )
        for entry in registration.entries.select_related("person").order_by(
            "person__sort_key"
        ):
            if ("p", entry.person_id) in seen:
                continue
            seen.add(("p", entry.person_id))
            people.append(
                Candidate(
                    key=f"p{entry.person_id}",
                    code=entry.title,
                    person=entry.person,
                    movement=movement,
                )
            )
    return with_verdicts(round_.year, collective + people)


def with_verdicts(year: int, candidates: list[Candidate]) -> list[Candidate]:
    """The engine's verdict on each candidate for its code in ``year`` (the same
    computation as a nomination's: ``organizations.eligibility.verdicts_for``) and
    whether it is already proposed or awarded."""
    as_nominations = [
        SimpleNamespace(
            pk=index,
            person_id=c.person.pk if c.person else None,
            agency=c.agency,
            agency_id=c.agency.pk if c.agency else None,
            code=c.code,
            year=year,
        )
        for index, c in enumerate(candidates)
    ]
    verdicts = verdicts_for(as_nominations)
    taken = taken_subjects(
        year, [(n.person_id, n.agency_id, n.code) for n in as_nominations]
    )
    for n, candidate in zip(as_nominations, candidates, strict=True):
        candidate.verdict = verdicts[n.pk]
        candidate.taken = (n.person_id, n.agency_id, n.code) in taken
    return candidates
