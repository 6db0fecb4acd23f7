"""Import of a 20,000-row staff file: every row validated, then written in one transaction.

    taskset -c 0 .venv/bin/python bench/import_staff.py [--rows 20000] [--database-url URL]

Target (issue #2): ≤ 30 s on one core.
"""

import argparse
import time

from _common import (
    machine,
    make_agency,
    peak_rss_mb,
    setup_django,
    write_staff_workbook,
)


def _floor(path, root) -> float:
    """The same file read by openpyxl as anyone would (read-only, values) and its rows
    written by one ``bulk_create`` — no validation, no memberships, no audit — in a
    transaction rolled back afterwards."""
    import datetime

    import openpyxl
    from django.db import transaction

    from thidua.organizations.models import Agency, Person

    units = dict(
        Agency.objects.descendants(root, include_self=True).values_list("code", "id")
    )
    start = time.perf_counter()
    with transaction.atomic():
        workbook = openpyxl.load_workbook(path, read_only=True)
        rows = workbook.worksheets[0].iter_rows(min_row=2, values_only=True)
        Person.objects.bulk_create(
            (
                Person(
                    full_name=row[1],
                    gender="nu" if row[2] == "Nữ" else "nam",
                    birth_date=datetime.date(*map(int, reversed(row[3].split("/")))),
                    cccd=row[4],
                    ethnicity=row[5],
                    category="cong_chuc",
                    position=row[7] or "",
                    unit_id=units[row[13]],
                    search_text=row[1].lower(),
                    sort_key=row[1],
                )
                for row in rows
                if row[1]
            ),
            batch_size=500,
        )
        workbook.close()
        elapsed = time.perf_counter() - start
        transaction.set_rollback(True)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    data = setup_django(args.database_url)

    from thidua.organizations.imports.staff import import_staff
    from thidua.organizations.models import Person

    root, codes = make_agency()
    path = data / "staff.xlsx"
    write_staff_workbook(path, args.rows, codes)
    size_mb = path.stat().st_size / 1048576

    floor = _floor(path, root)

    start = time.perf_counter()
    result = import_staff(path, agency=root)
    first = time.perf_counter() - start
    assert result.ok and result.created == args.rows, (
        result.rejected,
        result.errors[:3],
    )
    assert Person.objects.count() == args.rows

    start = time.perf_counter()
    again = import_staff(path, agency=root)
    second = time.perf_counter() - start
    assert again.unchanged == args.rows

    print(f"machine: {machine()}")
    print(f"file: {args.rows} rows, {size_mb:.1f} MB")
    print(f"first import (validate + create {args.rows}): {first:.1f} s")
    print(
        f"floor (openpyxl read + one bulk_create, nothing checked): {floor:.1f} s; "
        f"ratio {first / floor:.1f}×"
    )
    print(f"re-import (validate, nothing changes): {second:.1f} s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
