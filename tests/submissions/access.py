"""Who opens the tờ trình pages (tests/access_matrix.py), from submissions/selectors.py:
a tờ trình is seen by the office that sent it and the office that receives it (for a
higher officer, the inboxes of the agencies below: here the province's), hidden from
everyone else; only the receiving office acts on it. Sending one from a round is
``change_agency`` of the round's agency."""

from ..access_matrix import OFFICES, SIGNED_IN, expect, only, post, route, with_
from ..nominations.access import round_office

# Sở KH&ĐT's tờ trình to the province: its office sent it, the higher officer receives.
SEES_SUBMISSION = ("admin", "officer", "higher_officer")
RECEIVES = ("admin", "higher_officer")
# The sending office sees the tờ trình but may not act for the receiver: the views
# answer 404 there, not 403 (no existence is leaked: it sees the tờ trình anyway).
SENDER_ACTS = {"officer": 404}

ROUTES = [
    route("submissions:create", "round", round_office("round")),
    route("submissions:create", "other_round", round_office("other_round")),
    route("submissions:list", answers=SIGNED_IN),
    # Importing a package: into an agency one works on as an office; none: 404.
    route("submissions:import", answers=expect(OFFICES, rest=404)),
    route("submissions:detail", "submission", only(*SEES_SUBMISSION)),
    route(
        "submissions:forward",
        "submission",
        post(only(*RECEIVES)) | SENDER_ACTS,
        method="POST",
    ),
    route("submissions:package", "submission", only(*SEES_SUBMISSION)),
    route(
        "submissions:document",
        "submission",
        only(*SEES_SUBMISSION),
        kwargs=with_(pk="submission", fmt="=docx"),
    ),
    route(
        "submissions:item-action",
        "item",
        post(only(*RECEIVES)) | SENDER_ACTS,
        method="POST",
        kwargs=with_(pk="item", action="=tham-dinh"),
        data=lambda w: {f"i{w.item.pk}-appraisal": "Đủ điều kiện."},
    ),
    route(
        "submissions:file",
        "item",
        only(*SEES_SUBMISSION),
        kwargs=with_(pk="item", index=0),
    ),
]
