"""Statistics for the database's query planner.

A list ordered by name and filtered by the caller's scope has two good plans: walk
the name index and keep the visible rows (an officer who sees most people: it stops
after one page), or fetch the few visible rows by unit and sort them (a unit head).
Which one is cheaper depends on how many rows the scope holds, and the planner can
only tell from its statistics. PostgreSQL keeps them itself (autovacuum's analyze);
SQLite keeps none until ANALYZE runs, and without them it always takes the unit index
and sorts every visible person for each page. thidua refreshes them after migrating,
after a staff import (a bulk change) and nightly (`thidua serve` migrates at every
start, so a server that starts has fresh statistics too).
"""

from django.db import connections

__all__ = ["refresh_statistics"]

# Rows SQLite samples per index: approximate statistics at a bounded cost (~50 ms on
# 200,000 people) are all the planner needs to choose between the two plans.
SQLITE_ANALYSIS_LIMIT = 1000


def refresh_statistics(using: str = "default") -> None:
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
