"""Lý lịch khen thưởng downloads, for whoever may see the person or the collective's awards."""

from django.http import Http404
from django.views import View

from thidua.common.text import fold
from thidua.documents.files import generated_file_response
from thidua.organizations.selectors import access_agency, access_person

from ..history import award_history_docx
from ..selectors import awards_for_user

__all__ = ["AgencyAwardHistoryView", "PersonAwardHistoryView"]


def _issuer_name(unit) -> str:
    """The nearest agency above (or at) ``unit`` that keeps a register: the first that
    issues documents (has an abbreviation)."""
    if unit is None:
        return "thidua"
    for agency in reversed(list(unit.ancestors(include_self=True))):
        if agency.abbreviation:
            return agency.name
    return unit.name


def _slug(text: str) -> str:
    return "-".join(fold(text).split())[:60] or "ly-lich"


class PersonAwardHistoryView(View):
    def get(self, request, pk, fmt):
        person = access_person(request.user, pk)
        awards = awards_for_user(request.user).filter(person=person)
        data = award_history_docx(
            person, list(awards), issuer_name=_issuer_name(person.unit)
        )
        return generated_file_response(
            data, fmt, f"ly-lich-khen-thuong-{_slug(person.full_name)}"
        )


class AgencyAwardHistoryView(View):
    def get(self, request, pk, fmt):
        agency = access_agency(request.user, pk)
        awards = list(awards_for_user(request.user).filter(agency=agency))
        if not request.user.has_perm("organizations.change_agency", agency):
            raise Http404  # collective awards are the office's register (agency page)
        data = award_history_docx(
            agency, awards, issuer_name=_issuer_name(agency.parent or agency)
        )
        return generated_file_response(
            data, fmt, f"ly-lich-khen-thuong-{_slug(agency.name)}"
        )
