"""Export of an agency's subtree in the exchange format (``schema.py``): its units, their
people, the award register of both, and the decisions it issued."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from thidua.awards.models import Award
from thidua.common.services.audit import log_action
from thidua.decisions.models import Decision
from thidua.organizations.models import Agency, Person

from .schema import FORMAT, VERSION

__all__ = ["export_agency"]


def _date(value):
    return value.isoformat() if value else None


def _agency(a: Agency, codes: dict[int, str]) -> dict:
    return {
        "code": a.code,
        "name": a.name,
        "short_name": a.short_name,
        "abbreviation": a.abbreviation,
        "level": a.level,
        "parent": codes.get(a.parent_id),
        "is_small_collective": a.is_small_collective,
        "place_name": a.place_name,
        "tdkt_body": a.tdkt_body,
    }


def _person(p: Person, codes: dict[int, str]) -> dict:
    return {
        "cccd": p.cccd,
        "full_name": p.full_name,
        "gender": p.gender,
        "birth_date": _date(p.birth_date),
        "ethnicity": p.ethnicity,
        "category": p.category,
        "position": p.position,
        "civil_rank": p.civil_rank,
        "is_direct_worker": p.is_direct_worker,
        "recruited_on": _date(p.recruited_on),
        "education_level": p.education_level,
        "tdkt_since": _date(p.tdkt_since),
        "unit": codes[p.unit_id],
    }


def _award(a: Award, codes: dict[int, str]) -> dict:
    return {
        "person": a.person.cccd if a.person_id else None,
        "agency": codes.get(a.agency_id) if a.agency_id else None,
        "code": a.code,
        "award_type": a.award_type,
        "year": a.year,
        "period_from": a.period_from,
        "decision_number": a.decision_number,
        "decision_date": _date(a.decision_date),
        "decided_by": a.decided_by,
        "cash_amount": a.cash_amount or 0,
        "revoked": a.revoked,
        "revoked_reason": a.revoked_reason,
        "annulment_decision": a.annulment_decision,
        "annulled_on": _date(a.annulled_on),
        "recovery_note": a.recovery_note,
    }


def _decision(d: Decision, codes: dict[int, str]) -> dict:
    document = d.issued_document
    return {
        "symbol": document.symbol,
        "issued_on": _date(document.issued_on),
        "issuer": codes[d.round.agency_id],
        "summary": d.summary,
        "signer_title": d.signer_title,
        "signer_name": d.signer_name,
        "pdf_sha256": document.pdf_sha256 or "",
        "awardees": d.awardee_count,
    }


def export_agency(agency: Agency, *, actor=None) -> dict:
    """Everything of ``agency`` and its subtree, parents before children; audited (the
    file carries personal data: who took it, when, how much)."""
    with transaction.atomic():  # log_action writes only inside one (it was a 500)
        agencies = list(Agency.objects.descendants(agency, include_self=True))
        codes = {a.pk: a.code for a in agencies}
        people = list(Person.objects.filter(unit_id__in=codes).order_by("cccd"))
        awards = (
            Award.objects.filter(Q(person__unit_id__in=codes) | Q(agency_id__in=codes))
            .select_related("person")
            .order_by("year", "decision_date", "pk")
        )
        decisions = (
            # Issued ones only: a draft or one before the head has no number yet.
            Decision.objects.filter(
                round__agency_id__in=codes, issued_document__isnull=False
            )
            .select_related("issued_document", "round")
            .annotate(awardee_count=Count("items"))
            .order_by("issued_document__issued_on", "pk")
        )
        data = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": timezone.localtime().isoformat(timespec="seconds"),
            "root": agency.code,
            "agencies": [_agency(a, codes) for a in agencies],
            "people": [_person(p, codes) for p in people],
            "awards": [_award(a, codes) for a in awards],
            "decisions": [_decision(d, codes) for d in decisions],
        }
        data["agencies"][0]["parent"] = None  # the root's parent is not in the file
        log_action(
            agency,
            "exchange.export",
            actor=actor,
            agency_id=agency.pk,
            data={
                k: len(data[k]) for k in ("agencies", "people", "awards", "decisions")
            },
        )
        return data
