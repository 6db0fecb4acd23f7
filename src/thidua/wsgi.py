"""The WSGI application. Under gunicorn's ``preload_app`` (thidua/gunicorn_conf.py) this
runs once, in the master, before the web workers are forked from it."""

import os

from thidua.drivers import keep_out_unused_drivers

# Uploads and generated documents are for thidua's own account only (0600/0700),
# also when gunicorn is started without `thidua serve`.
os.umask(0o077)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
keep_out_unused_drivers()

from django.core.wsgi import get_wsgi_application  # noqa: E402 (after the drivers)

application = get_wsgi_application()


def prepare() -> None:
    """Migrate when ``thidua serve`` asks (before any worker exists, so no request
    meets an old schema), then load what every worker would otherwise load on its
    first requests, once, to be shared: every view module (the URL table) and the
    templates of the pages everyone opens."""
    from django.core.management import call_command  # noqa: PLC0415 (apps ready)
    from django.db import connections  # noqa: PLC0415 (apps ready)
    from django.template.loader import get_template  # noqa: PLC0415 (apps ready)
    from django.urls import get_resolver  # noqa: PLC0415 (apps ready)

    if os.environ.get("THIDUA_MIGRATE_ON_START"):
        call_command("migrate", interactive=False, verbosity=0)
    get_resolver().reverse_dict  # noqa: B018 (imports every view module)
    for name in ("base.html", "accounts/login.html", "common/dashboard.html"):
        get_template(name)
    # No connection may cross the fork: a SQLite handle or a PostgreSQL socket shared
    # by two processes corrupts what both send. Each worker opens its own.
    connections.close_all()
