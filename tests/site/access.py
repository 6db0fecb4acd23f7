"""Who opens the work queues (anyone signed in: each lists what he may act on) and the
statistics dashboard (tests/access_matrix.py): a TĐKT office, for the
agencies it works on (organizations.selectors.office_agencies) — the higher officer for
the whole province."""

from ..access_matrix import OFFICES, SIGNED_IN, expect, only, post, route, with_

# No office at all: no agency to show, the page answers 404 (not 403) — kept as is.
NO_OFFICE = 404

ROUTES = [
    # The work queues list what the signed-in user may act on (nothing, for most).
    route("approvals", answers=SIGNED_IN),
    route("issue-queue", answers=SIGNED_IN),
    # The texts of the law: public, for everyone signed in.
    route("legal-texts", answers=SIGNED_IN),
    route("dashboard-charts", answers=expect(OFFICES, rest=NO_OFFICE)),
    # The law as the engine applies it, its settings and the re-evaluation of open
    # dossiers (nominations.view_law_settings): the system administrator's; to anyone
    # else there is no such page.
    route("law", answers=only("admin")),
    # The official calendar of days off and day swaps (common.manage_calendar): the
    # system administrator's; to anyone else there is no such page. A POST with nothing
    # in it is refused on its merits (the form's errors).
    route("workdays", answers=only("admin")),
    route("workdays", method="POST", answers=post(only("admin"))),
    route("workdays-remove", method="POST", answers=post(only("admin"))),
    # One movement's figures: hidden like a missing movement.
    route(
        "dashboard-charts",
        "other_movement",
        only("admin", "other_officer"),
        kwargs=with_(),
        query=with_(co_quan="other", phong_trao="other_movement"),
    ),
    # Another Sở's figures: hidden like a missing agency.
    route(
        "dashboard-charts",
        "other",
        only("admin", "higher_officer", "other_officer"),
        kwargs=with_(),
        query=with_(co_quan="other"),
    ),
]
