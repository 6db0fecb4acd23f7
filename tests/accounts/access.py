"""Who opens the account pages (tests/access_matrix.py): signing in and out, one's own
password and API tokens, and the account administration of system administrators
(``accounts.manage_accounts``: refused with 403 before any account is looked up)."""

from ..access_matrix import (
    ADMIN_ONLY,
    EVERYONE,
    PUBLIC,
    SIGNED_IN,
    expect,
    only,
    post,
    route,
    with_,
)

ROUTES = [
    # Signed in already: sent on to the home page.
    route("accounts:login", answers=expect(EVERYONE, status=302, anonymous=200)),
    # POST only; then back to the login page.
    route("accounts:logout", method="POST", answers=expect(EVERYONE, status=302)),
    route("accounts:password-change", answers=SIGNED_IN),
    # "Quên mật khẩu": for anyone, signed in or not.
    route("accounts:password-reset", answers=PUBLIC),
    route("accounts:password-reset-done", answers=PUBLIC),
    route("accounts:password-reset-complete", answers=PUBLIC),
    # A link that is not one: the page says so (200), for anyone.
    route(
        "accounts:password-reset-confirm",
        answers=PUBLIC,
        kwargs=with_(uidb64="=MQ", token="=sai-ma"),
    ),
    # One's own notifications; another's is missing, even to the admin.
    route("accounts:notifications", answers=SIGNED_IN),
    route("accounts:notification-settings", answers=SIGNED_IN),
    route("accounts:notifications-read-all", answers=post(SIGNED_IN), method="POST"),
    route(
        "accounts:notification-open",
        "notification",
        expect(["officer"], status=302),
    ),
    # One's own tokens (the admin: everyone's).
    route("accounts:token-list", answers=SIGNED_IN),
    # The officer's token: its owner and the admin revoke it; to anyone else it does
    # not exist.
    route(
        "accounts:token-revoke", "token", post(only("admin", "officer")), method="POST"
    ),
    route("accounts:account-list", answers=ADMIN_ONLY),
    route("accounts:account-create", answers=ADMIN_ONLY),
    route("accounts:account-detail", "account", ADMIN_ONLY),
    route(
        "accounts:account-lock",
        "account",
        post(ADMIN_ONLY),
        method="POST",
        data={"active": "1"},
    ),
    route("accounts:account-password", "account", post(ADMIN_ONLY), method="POST"),
    route(
        "accounts:role-revoke",
        "account",
        post(ADMIN_ONLY),
        method="POST",
        kwargs=with_(pk="account", role_id="role"),
    ),
]
