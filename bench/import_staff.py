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
    print(f"re-import (validate, nothing changes): {second:.1f} s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
