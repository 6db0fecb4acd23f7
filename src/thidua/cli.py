"""The ``thidua`` command: Django's management commands with friendlier names.

``thidua demo``, ``thidua serve``, ``thidua import-staff FILE --agency CODE``,
``thidua createadmin``, ``thidua audit verify`` and every ``manage.py`` command.
"""

import os
import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["thidua", *argv[1:]])


if __name__ == "__main__":
    main()
