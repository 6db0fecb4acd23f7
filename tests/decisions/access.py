"""Who opens the decision pages (tests/access_matrix.py): a decision is the issuing
agency's business, its TĐKT office's only (decisions/selectors.py ``access_decision``,
hidden from everyone else); issuing one in a round is ``change_agency`` (the unit
heads who see the round: 403). A certificate goes with its award: whoever sees the
award (awards/selectors.py)."""

from ..access_matrix import OTHER_OFFICE, OWN_OFFICE, only, route, with_
from ..awards.access import AWARDS, award_seen
from ..nominations.access import round_office

DECISIONS = {"decision": OWN_OFFICE, "other_decision": OTHER_OFFICE}

ROUTES = [
    *[
        route(
            "decisions:award-certificate",
            key,
            award_seen(key),
            kwargs=with_(pk=key, fmt="=docx"),
        )
        for key in AWARDS
    ],
    *[
        route(
            f"decisions:{name}", key, only(*office), kwargs=with_(pk=key, fmt="=docx")
        )
        for name in ("decision-certificates", "decision-file")
        for key, office in DECISIONS.items()
    ],
    *[
        route(f"decisions:{name}", key, only(*office))
        for name in ("decision-detail", "decision-annul")
        for key, office in DECISIONS.items()
    ],
    *[
        route("decisions:decision-create", key, round_office(key))
        for key in ("round", "other_round")
    ],
]
