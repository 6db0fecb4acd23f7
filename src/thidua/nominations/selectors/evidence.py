"""What a dossier's evidence adds to its eligibility verdict (models/evidence.py), and
how each missing condition of the verdict is fixed (issue #17, point 8)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.eligibility import check_case
from thidua.organizations.eligibility import (
    case_with_supplied,
    collective_case,
    person_case,
    policy_for,
)
from thidua.organizations.views.eligibility import verdict_rows

from ..enums import EvidenceKind
from ..models import Nomination
from . import received_dates
from .supplied import supplied_for

__all__ = [
    "dossier_verdict",
    "fix_for",
    "send_warnings",
    "verdict_with_fixes",
]


def dossier_verdict(nomination: Nomination) -> dict:
    """``check_case``'s output on the dossier's subject for its code, judged under the
    law in force when it was received, with its confirmed evidence counted."""
    if nomination.person_id:
        case = person_case(nomination.person, nomination.year)
        unit = nomination.person.unit
    else:
        case = collective_case(nomination.agency, nomination.year)
        unit = nomination.agency
    case = case_with_supplied(case, supplied_for([nomination]).get(nomination.pk))
    case = {**case, "codes": [nomination.code]}
    if received := received_dates([nomination]).get(nomination.pk):
        case["received_on"] = received.isoformat()
    return check_case(case, policy_for(unit))


# Words of a condition that say which evidence fixes it.
_INITIATIVE_WORDS = ("sáng kiến", "đề tài", "công trình")
_RATING_WORDS = ("htxs", "htt", "hoàn thành", "xếp loại")


def fix_for(condition: dict, nomination: Nomination) -> dict:
    """How a missing ("thiếu") condition is fixed: the evidence the unit adds on the
    dossier's page, or the record the office keeps elsewhere. ``{"text", "url"}``."""
    words = f"{condition['text']} {condition['required']}".casefold()
    evidence_url = reverse("nominations:evidence-add", args=[nomination.pk])
    if nomination.person_id and any(w in words for w in _INITIATIVE_WORDS):
        return {
            "text": _(
                "Đơn vị bổ sung minh chứng sáng kiến, đề tài (kèm giấy chứng nhận) "
                "trong hồ sơ; cơ quan thẩm định xác nhận."
            ),
            "url": f"{evidence_url}?loai={EvidenceKind.INITIATIVE}",
        }
    if any(w in words for w in _RATING_WORDS):
        return {
            "text": _(
                "Đơn vị bổ sung minh chứng xếp loại chất lượng các năm trong hồ sơ; "
                "cơ quan thẩm định xác nhận."
            ),
            "url": f"{evidence_url}?loai={EvidenceKind.RATING}",
        }
    if nomination.person_id:
        return {
            "text": _(
                "Cơ quan thường trực cập nhật hồ sơ cán bộ (danh hiệu, khen thưởng, "
                "kỷ luật) rồi xét lại."
            ),
            "url": nomination.person.get_absolute_url(),
        }
    return {
        "text": _(
            "Cơ quan thường trực cập nhật hồ sơ đơn vị (xếp loại, danh hiệu) rồi "
            "xét lại."
        ),
        "url": nomination.agency.get_absolute_url(),
    }


def verdict_with_fixes(output: dict, nomination: Nomination) -> list[dict]:
    """``verdict_rows`` with, on each missing condition, how to fix it (``fix``)."""
    rows = verdict_rows(output)
    for row in rows:
        for condition in row["missing"]:
            condition["fix"] = fix_for(condition, nomination)
    return rows


def send_warnings(nomination: Nomination) -> list[str]:
    """The conditions of the dossier's title its subject does not meet today, as the
    unit is warned before sending it (a warning: the office and the council judge)."""
    result = dossier_verdict(nomination)["results"][0]
    return [
        f"{c['text']} ({_('yêu cầu')}: {c['required']}; {_('hiện có')}: {c['found']})"
        for c in result["conditions"]
        if c["met"] is False
    ]
