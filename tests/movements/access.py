"""Who opens the movement pages (tests/access_matrix.py), from movements/selectors.py
and movements/rules.py:

- a movement is seen by the TĐKT office of its launching agency (drafts included), by
  its head, deputy and clerk (who approve and number the launch document) and, once
  issued, by everyone whose unit (or an agency above it) its scope covers; hidden from
  everyone else (``movements_for_user``);
- the launch document goes before the head (the office's move), the head or his
  deputy approves or returns it, the clerk numbers and issues it (workflows.MOVEMENT);
- running it — editing, registrations to review, indicators, reminders, reviews — is
  ``change_movement``: the launching office; the others who see it: 403;
- a unit's registration and progress are filled by its heads and the officers over it;
- the inbox: deliveries to the units one heads or whose office one staffs;
- the public pages show issued movements with their PDF, to anyone.
"""

from ..access_matrix import (
    OFFICERS,
    OTHER_OFFICE,
    OWN_OFFICE,
    PUBLIC,
    SIGNED_IN,
    expect,
    only,
    post,
    route,
    with_,
)

# The Sở's head, his deputy (KT.) and its clerk (tests.factories.make_users).
AGENCY_LEADS = ("head", "deputy", "clerk")
# Sở KH&ĐT's movement, issued to its units: its office, Phòng ĐKKD's head, and the
# Văn phòng's people (the secretary, the staff member). Not the higher officer
# (Ban TĐKT of Sở Nội vụ), not the council member (no unit), not Sở Tài chính.
SEES_MOVEMENT = (
    "admin",
    "officer",
    "unit_head",
    "council_secretary",
    "staff",
    *AGENCY_LEADS,
)
# The launching Sở's office and its head, deputy and clerk, drafts included.
LAUNCHERS = (*OWN_OFFICE, *AGENCY_LEADS)
MOVEMENTS = {
    "draft_movement": (LAUNCHERS, OWN_OFFICE),
    "awaiting_movement": (LAUNCHERS, OWN_OFFICE),
    "movement": (SEES_MOVEMENT, OWN_OFFICE),
    "other_movement": (OTHER_OFFICE, OTHER_OFFICE),  # Sở Tài chính's, to its units
}
# Phòng ĐKKD's registration and indicator: its head and the officers over it.
FILLS_DKKD = ("admin", "officer", "unit_head")


def seen(key: str = "movement") -> dict:
    return only(*MOVEMENTS[key][0])


def office(key: str = "movement") -> dict:
    """``change_movement``: the launching office; the others who see it: 403."""
    sees, runs = MOVEMENTS[key]
    return only(*runs, forbidden=sees)


ROUTES = [
    route("movements:movement-list", answers=SIGNED_IN),
    # Launching needs an officer role somewhere (an agency to launch for).
    route("movements:movement-create", answers=expect(OFFICERS, rest=403)),
    *[route("movements:movement-detail", key, seen(key)) for key in MOVEMENTS],
    *[route("movements:movement-edit", key, office(key)) for key in MOVEMENTS],
    route(
        "movements:movement-section",
        "movement",
        office(),
        kwargs=with_(pk="movement", section="=purposes"),
    ),
    # The launch plan written in the editor (documents.add_draft for the launcher):
    # the office; a draft movement's plan is made, an issued one's refused on its
    # merits; the others who see the movement may not.
    *[
        route(
            "movements:movement-write",
            key,
            post(only(*OWN_OFFICE, forbidden=MOVEMENTS[key][0])),
            method="POST",
        )
        for key in ("draft_movement", "movement")
    ],
    # The file of the plan that launched a movement: whoever sees the movement; not
    # through another movement.
    route(
        "movements:movement-attachment",
        "plan_movement",
        seen("movement"),
        kwargs=with_(pk="plan_movement", attachment="plan_file"),
    ),
    route(
        "movements:movement-attachment",
        "movement",
        only(),
        kwargs=with_(pk="movement", attachment="plan_file"),
    ),
    # Its data sections written again: the office; the head, deputy and clerk who
    # read the draft may not.
    route(
        "movements:movement-refresh-plan",
        "draft_movement",
        post(only(*OWN_OFFICE, forbidden=LAUNCHERS)),
        method="POST",
        kwargs=with_(pk="draft_movement", draft="movement_plan"),
    ),
    *[
        route(
            "movements:movement-section",
            "draft_movement",
            office("draft_movement"),
            kwargs=with_(pk="draft_movement", section=f"={section}"),
        )
        for section in ("rounds", "awards", "funding")
    ],
    # The launch document before the head: the office's move (a draft's every part
    # there), refused to the head, deputy and clerk who see it.
    route(
        "movements:movement-transition",
        "draft_movement",
        post(office("draft_movement")),
        method="POST",
        data={"to": "cho_duyet"},
    ),
    # Approved by the head or his deputy (refused on its merits here: no staff record
    # to sign with); the office and the clerk who see it may not.
    route(
        "movements:movement-transition",
        "awaiting_movement",
        post(only("head", "deputy", forbidden=LAUNCHERS)),
        method="POST",
        data={"to": "da_duyet"},
    ),
    # Not approved: nobody numbers it, the clerk and the admin included.
    route(
        "movements:movement-transition",
        "awaiting_movement",
        only(forbidden=LAUNCHERS),
        method="POST",
        data={"to": "da_ban_hanh"},
    ),
    # Đã sơ kết → đã tổng kết: the office's move.
    route(
        "movements:movement-transition",
        "movement",
        post(office()),
        method="POST",
        data={"to": "da_tong_ket"},
    ),
    *[
        route("movements:movement-files", key, seen(key))
        for key in ("movement", "other_movement")
    ],
    route(
        "movements:movement-file",
        "movement",
        seen(),
        kwargs=with_(pk="movement", fmt="=pdf"),
    ),
    route("movements:movement-remind", "movement", post(office()), method="POST"),
    route("movements:registration-list", "movement", office()),
    route("movements:registration-export", "movement", office()),
    # Phòng ĐKKD's registration form: not the business of the others who see the
    # movement, hidden from them as from everyone else.
    route(
        "movements:registration-edit",
        "registration",
        only(*FILLS_DKKD),
        kwargs=with_(pk="movement", agency="dkkd"),
    ),
    route(
        "movements:registration-decide",
        "registration",
        post(office()),
        method="POST",
        kwargs=with_(pk="movement", registration="registration"),
        data={"to": "da_duyet"},
    ),
    route("movements:indicator-board", "movement", seen()),
    route("movements:indicator-create", "movement", office()),
    route(
        "movements:indicator-edit",
        "indicator",
        office(),
        kwargs=with_(pk="movement", indicator="indicator"),
    ),
    # Reported by the indicator's owner unit (Phòng ĐKKD); the others who see: 403.
    route(
        "movements:progress-report",
        "indicator",
        only(*FILLS_DKKD, forbidden=SEES_MOVEMENT),
        kwargs=with_(pk="movement", indicator="indicator"),
    ),
    # The board shows every report to whoever sees the movement, with its evidence.
    route(
        "movements:evidence",
        "progress",
        seen(),
        kwargs=with_(pk="movement", report="progress"),
    ),
    route(
        "movements:review-create",
        "movement",
        post(office()),
        method="POST",
        data={"kind": "tong_ket"},
    ),
    *[
        route(
            f"movements:{name}",
            "review",
            office(),
            kwargs=with_(pk="movement", review="review"),
        )
        for name in ("review-edit", "review-draft")
    ],
    route(
        "movements:review-issue",
        "review",
        post(office()),
        method="POST",
        kwargs=with_(pk="movement", review="review"),
    ),
    # The issued report's file: whoever sees the movement (the view asks no more).
    route(
        "movements:review-file",
        "review",
        seen(),
        kwargs=with_(pk="movement", review="review", fmt="=pdf"),
    ),
    route("movements:inbox", answers=SIGNED_IN),
    route("movements:delivery-confirm", "delivery", only(*FILLS_DKKD)),
    route("movements:delivery-confirm", "other_delivery", only(*OTHER_OFFICE)),
    route("movements:public-list", answers=PUBLIC),
    *[
        route(f"movements:{name}", "movement", PUBLIC)
        for name in ("public-detail", "public-file")
    ],
    # A draft is not public: the same 404 as a missing movement, for everyone.
    *[
        route(
            f"movements:{name}",
            "draft_movement",
            expect(rest=404, anonymous=404),
        )
        for name in ("public-detail", "public-file")
    ],
]
