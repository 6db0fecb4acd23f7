"""Tests move a dossier past the council the way the app allows it: through the
signed paper minutes (councils/services/paper.py), never by a bare transition."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.councils.services.paper import record_paper_result
from thidua.nominations.services.nomination import transition_nomination
from thidua.organizations.models import Council
from thidua.organizations.services.structure import create_council

PDF = b"%PDF-1.7\n%%EOF"
COUNCIL_DONE = "hoi_dong_da_xet"


def minutes(name="bien-ban.pdf"):
    return SimpleUploadedFile(name, PDF)


def pass_council(nomination, *, actor, yes=3, no=0, roster_size=3):
    """Record a passing paper result for a nomination in “trình Hội đồng”."""
    agency = nomination.round.agency
    council = Council.objects.filter(agency=agency).first() or create_council(
        agency=agency,
        name=f"Hội đồng TĐKT {agency}",
        term_start=datetime.date(2020, 1, 1),
    )
    record_paper_result(
        nomination,
        council=council,
        met_on=datetime.date(2025, 12, 1),
        roster_size=roster_size,
        yes=yes,
        no=no,
        minutes=minutes(),
        actor=actor,
    )
    nomination.refresh_from_db()
    return nomination


def advance(nomination, to, *, actor=None, **kwargs):
    """``transition_nomination``, except that the council's step goes through paper."""
    if to == COUNCIL_DONE:
        return pass_council(nomination, actor=actor)
    return transition_nomination(nomination, to, actor=actor, **kwargs)
