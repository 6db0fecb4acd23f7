"""Who opens the tờ trình pages (tests/access_matrix.py), from submissions/selectors.py:
a tờ trình is seen by the office that drafts and sends it, the sending agency's head,
deputy and clerk (who approve and number it) and, once sent, the office that receives
it (for a higher officer, the inboxes of the agencies below: here the province's),
hidden from everyone else; only the receiving office acts on a sent one. Drafting one
from a round is ``change_agency`` of the round's agency; the draft goes before the
head (the office's move), the head or his deputy approves or returns it, the clerk
numbers and sends it (workflows.SUBMISSION)."""

from ..access_matrix import OFFICES, SIGNED_IN, expect, only, post, route, with_
from ..nominations.access import round_office

# Sở KH&ĐT's tờ trình to the province: its office sent it, the higher officer receives.
# The Sở's head, his deputy (KT.) and its clerk (tests.factories.make_users).
AGENCY_LEADS = ("head", "deputy", "clerk")
SEES_SUBMISSION = ("admin", "officer", "higher_officer", *AGENCY_LEADS)
# A draft: the sending Sở's alone (the province does not see it before it is sent).
SEES_DRAFT = ("admin", "officer", *AGENCY_LEADS)
RECEIVES = ("admin", "higher_officer")
# The sending office sees the tờ trình but may not act for the receiver: the views
# answer 404 there, not 403 (no existence is leaked: it sees the tờ trình anyway).
SENDER_ACTS = {"officer": 404, **dict.fromkeys(AGENCY_LEADS, 404)}

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
    route("submissions:detail", "awaiting_submission", only(*SEES_DRAFT)),
    # Not sent: no package, no file yet, for anyone who sees it (the same 404).
    *[
        route(f"submissions:{name}", "awaiting_submission", expect())
        for name in ("package",)
    ],
    route(
        "submissions:document",
        "awaiting_submission",
        expect(),
        kwargs=with_(pk="awaiting_submission", fmt="=docx"),
    ),
    # Approved by the head or his deputy (refused on its merits here: no staff record
    # to sign with); the office and the clerk who see it may not.
    route(
        "submissions:move",
        "awaiting_submission",
        post(only("head", "deputy", forbidden=SEES_DRAFT)),
        method="POST",
        data={"to": "da_duyet"},
    ),
    # Not approved: nobody numbers it, the clerk and the admin included.
    route(
        "submissions:move",
        "awaiting_submission",
        only(forbidden=SEES_DRAFT),
        method="POST",
        data={"to": "da_ban_hanh"},
    ),
    # Sent: no step is left to anyone who sees it.
    route(
        "submissions:move",
        "submission",
        only(forbidden=SEES_SUBMISSION),
        method="POST",
        data={"to": "da_duyet"},
    ),
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
