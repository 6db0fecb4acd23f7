"""Who opens the council meeting pages (tests/access_matrix.py): a meeting is seen by
whoever sees its council (organizations/selectors.py ``councils_for_user``: the
officers of its agency, its members, its secretary), and run by whoever may change the
council (``change_council``: those officers and the secretary; a member or the chair
who only sits on it: 403). Each member votes on their own ballots."""

from ..access_matrix import (
    OTHER_OFFICE,
    OWN_OFFICE,
    PUBLIC,
    SIGNED_IN,
    only,
    post,
    route,
    with_,
)
from ..nominations.access import SEES_NOMINATION
from ..organizations.access import RUNS_COUNCIL, SEES_COUNCIL

# Phòng ĐKKD's head (unit_head) chairs the council of Sở KH&ĐT.
CHAIR = "unit_head"
MEETINGS = {
    "meeting": (SEES_COUNCIL, RUNS_COUNCIL),  # Sở KH&ĐT's, closed, with its minutes
    "other_meeting": (OTHER_OFFICE, OTHER_OFFICE),  # Sở Tài chính's, scheduled
}

ROUTES = [
    route(
        "councils:meeting-create",
        "council",
        only(*RUNS_COUNCIL, forbidden=SEES_COUNCIL),
    ),
    route("councils:meeting-create", "other_council", only(*OTHER_OFFICE)),
    *[
        route("councils:meeting-detail", key, only(*sees))
        for key, (sees, _runs) in MEETINGS.items()
    ],
    # The secretary's (and the office's) one endpoint; the services then check the
    # seat of whoever opens, closes or counts. The chair runs the meeting too
    # (councils.run_meeting, held by the chair's and the secretary's seats).
    route(
        "councils:meeting-action",
        "meeting",
        post(only(*RUNS_COUNCIL, CHAIR, forbidden=SEES_COUNCIL)),
        method="POST",
        data={"action": "open"},
    ),
    route(
        "councils:meeting-action",
        "other_meeting",
        post(only(*OTHER_OFFICE)),
        method="POST",
        data={"action": "open"},
    ),
    # Kết quả họp trên giấy (nominations.record_council_result): the round's office
    # and the secretary or the chair of its agency's council; the head and deputy
    # who read the dossier are refused, the others do not see it.
    *[
        route(
            "councils:paper-result",
            "to_council",
            answers(
                only(
                    *OWN_OFFICE,
                    "council_secretary",
                    CHAIR,
                    forbidden=SEES_NOMINATION["submitted"],
                )
            ),
            method=method,
        )
        for method, answers in (("GET", dict), ("POST", post))
    ],
    # One's own ballots only: a page for everyone.
    route("councils:vote", answers=SIGNED_IN),
    # "Đã nhận x/y phiếu": whoever sees the meeting (the box of the open one).
    route("councils:box-progress", "box", only(*SEES_COUNCIL)),
    # The receipt check is public: anyone holding a receipt, signed in or not.
    route("councils:receipt-check", answers=PUBLIC),
    *[
        route(
            f"councils:{name}",
            "meeting",
            only(*SEES_COUNCIL),
            kwargs=with_(pk="meeting", fmt="=docx"),
        )
        for name in ("minutes-file", "tally-file")
    ],
]
