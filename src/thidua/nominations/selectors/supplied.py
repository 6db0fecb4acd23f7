"""A dossier's confirmed evidence (models/evidence.py) as the eligibility adapter
takes it: what ``nomination_verdicts`` and the dossier's page add to each case."""

from collections import defaultdict

from thidua.organizations.models import Initiative

from ..enums import EvidenceKind, EvidenceStatus
from ..models import DossierEvidence

__all__ = ["supplied_for"]

# The engine's names of the initiative kinds (organizations.eligibility).
_ENGINE_KIND = {
    EvidenceKind.INITIATIVE: "sang_kien",
    EvidenceKind.RESEARCH: "de_tai_khcn",
}


def _same_title(title: str) -> str:
    return " ".join(title.casefold().split())


def supplied_for(nominations) -> dict[int, dict]:
    """The confirmed evidence of each nomination, by pk, as
    ``organizations.eligibility.case_with_supplied`` takes it, in two queries. An
    initiative the staff register already holds (same person, year and title) is not
    counted twice."""
    by_pk = {n.pk: n for n in nominations}
    confirmed = list(
        DossierEvidence.objects.filter(
            nomination__in=list(by_pk), status=EvidenceStatus.CONFIRMED
        ).order_by("year", "pk")
    )
    people = {by_pk[e.nomination_id].person_id for e in confirmed} - {None}
    registered = {
        (i.person_id, i.year, _same_title(i.title))
        for i in Initiative.objects.filter(person_id__in=people)
    }
    supplied: dict[int, dict] = defaultdict(lambda: {"initiatives": [], "ratings": {}})
    for evidence in confirmed:
        entry = supplied[evidence.nomination_id]
        if evidence.kind == EvidenceKind.RATING:
            entry["ratings"][evidence.year] = evidence.rating
            continue
        person_id = by_pk[evidence.nomination_id].person_id
        if (person_id, evidence.year, _same_title(evidence.title)) in registered:
            continue
        entry["initiatives"].append(
            {
                "year": evidence.year,
                "scope": evidence.scope,
                "kind": _ENGINE_KIND[evidence.kind],
            }
        )
    return dict(supplied)
