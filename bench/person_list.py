"""Person list page with 20,000 people: median server time and query count.

    taskset -c 0 .venv/bin/python bench/person_list.py [--people 20000] [--database-url URL]

Target (issue #2): ≤ 150 ms median; constant queries whatever the page size.
"""

import argparse
import statistics
import time

from _common import machine, make_agency, setup_django, write_staff_workbook


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    data = setup_django(args.database_url)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from thidua.accounts.enums import Role
    from thidua.accounts.models import User
    from thidua.accounts.services import create_account
    from thidua.organizations.imports.staff import import_staff

    root, codes = make_agency()
    path = data / "staff.xlsx"
    write_staff_workbook(path, args.people, codes)
    assert import_staff(path, agency=root).ok
    create_account(
        username="officer",
        password="mat-khau-benchmark-2026",
        first_name="Cán bộ",
        last_name="TĐKT",
        roles=[(Role.OFFICER, root, None)],
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(
        User.objects.get(username="officer"),
        backend="thidua.accounts.backends.PasswordBackend",
    )
    cases = {
        "first page (50)": {},
        "page 200 of 400": {"page": 200},
        "search 'nguyen van' (no diacritics)": {"q": "nguyen van"},
        "search by CCCD": {"q": "020"},
    }
    print(f"machine: {machine()}")
    print(f"people: {args.people}")
    for label, params in cases.items():
        client.get("/ca-nhan/", params)  # warm up
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = client.get("/ca-nhan/", params)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get("/ca-nhan/", params)
        print(
            f"{label}: median {statistics.median(times):.1f} ms, "
            f"p95 {sorted(times)[int(len(times) * 0.95) - 1]:.1f} ms, "
            f"{len(queries)} queries"
        )
    for size in (1, 50, 200):
        with CaptureQueriesContext(connection) as queries:
            client.get("/ca-nhan/", {"size": size})
        print(f"page size {size}: {len(queries)} queries")


if __name__ == "__main__":
    main()
