"""The ``thidua`` command: Django's management commands with friendlier names.

``thidua demo``, ``thidua serve``, ``thidua import-staff FILE --agency CODE``,
``thidua createadmin``, ``thidua audit verify``, ``thidua backup``, ``thidua restore``
and every ``manage.py`` command.
"""

import os
import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> None:
    # Everything thidua writes (database, uploads, documents, keys, backups) is for
    # its own account only: files 0600, folders 0700.
    os.umask(0o077)
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from thidua.drivers import keep_out_unused_drivers  # noqa: PLC0415 (after the umask)

    keep_out_unused_drivers()
    if len(argv) > 1 and argv[1] == "serve":
        # The supervisor loads no Django: see thidua/common/supervise.py.
        from thidua.common.supervise import main as serve  # noqa: PLC0415 (serve only)

        sys.exit(serve(argv[2:]))
    from django.core.management import execute_from_command_line  # noqa: PLC0415 (not for serve)

    execute_from_command_line(["thidua", *argv[1:]])


if __name__ == "__main__":
    main()
