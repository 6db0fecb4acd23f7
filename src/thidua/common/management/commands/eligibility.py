"""``thidua eligibility check|explain|forecast|quotas``: the eligibility engine's CLI.

A thin wrapper: arguments go unchanged to :mod:`thidua.eligibility.cli`, which
needs no database. Bad input prints one Vietnamese line to stderr and exits 2
(no CommandError traceback).
"""

import argparse
import sys

from django.core.management.base import BaseCommand

from thidua.eligibility import cli


class Command(BaseCommand):
    help = (
        "Xét điều kiện danh hiệu thi đua, hình thức khen thưởng: check CASE.json, "
        "explain CODE, forecast CASE.json, quotas LIST.json."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        # Everything after the command name belongs to the eligibility CLI.
        parser.add_argument("args", nargs=argparse.REMAINDER)

    def run_from_argv(self, argv):
        # Bypass Django's option parser so that ``--format`` and ``--help`` reach
        # the eligibility CLI as written (argv = ["thidua", "eligibility", ...]).
        status = cli.main(argv[2:], prog=f"{argv[0]} {argv[1]}")
        sys.stdout.flush()
        if status:
            sys.exit(status)

    def handle(self, *args, **options):
        status = cli.main(list(args), prog="thidua eligibility")
        if status:
            sys.exit(status)
