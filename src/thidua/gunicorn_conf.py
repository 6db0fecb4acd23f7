"""gunicorn's configuration for thidua (``--config python:thidua.gunicorn_conf``), used by
``thidua serve``, ``thidua web`` and ``thidua demo``.

The application is loaded once in the master (``preload_app``) and the web workers are
forked from it: they start at once and share the imported code and the URL table
copy-on-write instead of each importing the whole application (thidua/wsgi.py warms
what every worker would otherwise load on its first requests). ``gc.freeze()`` before
the fork keeps the collector from touching — and so copying — those shared objects.
"""

import gc
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")

from django.conf import settings  # noqa: E402 (after the settings module is chosen)

preload_app = True
timeout = 120
# gunicorn's control socket (gunicornc) would be one path per user account, shared by
# every instance, and a second way to change the server beside thidua's supervisor.
control_socket_disable = True
accesslog = "-"
# Path only: query strings can carry a searched CCCD.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
# X-Forwarded-* only from THIDUA_PROXY_IPS (none by default), as in Django.
forwarded_allow_ips = ",".join(settings.THIDUA_PROXY_IPS)


def when_ready(server) -> None:
    """The master has loaded (and migrated) the application and listens: freeze what
    the workers will share, tell ``thidua serve`` (which then starts the job worker)
    and say where to go."""
    from thidua.wsgi import prepare  # noqa: PLC0415 (loaded already: preload_app)

    prepare()
    gc.freeze()
    bind = os.environ.get("THIDUA_ANNOUNCE_BIND", "")
    if bind:
        sys.stdout.write(
            f"thidua đang chạy tại http://{bind}/ (dữ liệu: {settings.DATA_DIR}). "
            "Nhấn Ctrl+C để dừng.\n"
        )
        sys.stdout.flush()
    fd = os.environ.pop("THIDUA_READY_FD", "")
    if fd:
        os.write(int(fd), b"ready\n")
        os.close(int(fd))
