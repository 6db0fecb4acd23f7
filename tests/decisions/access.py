"""Who opens the decision pages (tests/access_matrix.py): a decision is the issuing
agency's business — its TĐKT office's, its head's and authorised deputy's, its
clerk's (decisions/selectors.py ``access_decision``, hidden from everyone else);
drafting one in a round is ``change_agency`` (the unit heads who see the round: 403);
annulling it is the office's (the head, deputy and clerk who see it: 403). A step on
the world's decision, registered, is offered to no one (403 to those who see it). The
queues list what the signed-in user may act on. A certificate goes with its award:
whoever sees the award (awards/selectors.py)."""

from ..access_matrix import (
    OTHER_OFFICE,
    OWN_OFFICE,
    SIGNED_IN,
    expect,
    only,
    post,
    route,
    with_,
)
from ..awards.access import AWARDS, award_seen
from ..nominations.access import round_office

# The head, the deputy and the clerk of tests.factories.make_users are Sở KH&ĐT's.
AGENCY_LEADS = ("head", "deputy", "clerk")
DECISIONS = {
    "decision": (*OWN_OFFICE, *AGENCY_LEADS),
    "other_decision": OTHER_OFFICE,
}

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
        for name in ("decision-detail", "decision-proposal")
        for key, office in DECISIONS.items()
    ],
    route(
        "decisions:decision-proposal",
        "awaiting_decision",
        only(*DECISIONS["decision"]),
    ),
    route(
        "decisions:decision-annul",
        "decision",
        only(*OWN_OFFICE, forbidden=AGENCY_LEADS),
    ),
    route("decisions:decision-annul", "other_decision", only(*OTHER_OFFICE)),
    *[
        route(
            "decisions:decision-move",
            key,
            expect(forbidden=office),
            method="POST",
            data={"to": "da_duyet"},
        )
        for key, office in DECISIONS.items()
    ],
    route(
        "decisions:decision-detail", "awaiting_decision", only(*DECISIONS["decision"])
    ),
    # The head and the deputy may approve it (refused on its merits: no staff record
    # to sign with); the office, the clerk and the admin see it but may not.
    route(
        "decisions:decision-move",
        "awaiting_decision",
        post(only("head", "deputy", forbidden=DECISIONS["decision"])),
        method="POST",
        data={"to": "da_duyet"},
    ),
    route("decisions:decision-approvals", answers=SIGNED_IN),
    route("decisions:decision-issue-queue", answers=SIGNED_IN),
    *[
        route("decisions:decision-create", key, round_office(key))
        for key in ("round", "other_round")
    ],
]
