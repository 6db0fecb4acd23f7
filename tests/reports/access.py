"""Who opens the statistical reports (tests/access_matrix.py): a TĐKT office, for the
agencies it works on (organizations.selectors.office_agencies: an officer's subtree,
the higher officer's province); another agency is hidden like a missing one, and a role
with no office is refused the index (403)."""

from ..access_matrix import EVERYONE, OFFICES, expect, only, route, with_

REPORTED_BY = {
    "skhdt": ("admin", "officer", "higher_officer"),
    "province": ("admin", "higher_officer"),
    "other": ("admin", "higher_officer", "other_officer"),
}

ROUTES = [
    route("reports:index", answers=expect(OFFICES, rest=403)),
    # Choosing an agency on the index: sent on to its report, or 404 as for a missing
    # agency; no office at all: the index is refused first (403).
    *[
        route(
            "reports:index",
            key,
            expect(roles, forbidden=set(EVERYONE) - set(OFFICES), status=302),
            kwargs=with_(),
            query=with_(don_vi=key),
        )
        for key, roles in REPORTED_BY.items()
    ],
    *[route("reports:report", key, only(*roles)) for key, roles in REPORTED_BY.items()],
    *[
        route(
            "reports:report-file",
            key,
            only(*REPORTED_BY[key]),
            kwargs=with_(pk=key, fmt="=xlsx"),
        )
        for key in ("skhdt", "other")
    ],
]
