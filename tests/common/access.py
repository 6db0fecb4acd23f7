"""Who opens the site-wide pages (tests/access_matrix.py): the home page, the audit
log, search, and the two helpers answered before any login."""

from ..access_matrix import EVERYONE, OFFICERS, PUBLIC, SIGNED_IN, expect, route

ROUTES = [
    # Every account has a home page, scoped to what it sees.
    route("dashboard", answers=SIGNED_IN),
    # common.view_activitylog: the admin, and an officer for the entries of his subtree.
    route("audit-log", answers=expect(OFFICERS, rest=403)),
    # Every kind is searched within what the role sees (tests/common/test_search.py).
    route("search", answers=SIGNED_IN, query={"q": "Nguyễn"}),
    # For load balancers and browsers, before any session is read.
    route("healthz", answers=PUBLIC),
    route("favicon", answers=expect(EVERYONE, status=301, anonymous=301)),
]
