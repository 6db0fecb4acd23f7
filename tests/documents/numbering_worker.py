"""Subprocess for test_concurrency: many threads issue documents at once."""

import argparse
import datetime
import sys
import threading


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--per-thread", type=int, default=10)
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0, interactive=False)
    from thidua.documents.models import IssuedDocument
    from thidua.documents.services.numbering import issue_document
    from thidua.organizations.services.structure import create_agency

    agency = create_agency(
        code="SKHĐT",
        name="Sở Kế hoạch và Đầu tư",
        abbreviation="SKHĐT",
        level="so_ban_nganh",
        place_name="Lạng Sơn",
    )
    barrier = threading.Barrier(args.threads)
    errors = []

    def worker():
        try:
            barrier.wait()
            for _ in range(args.per_thread):
                with transaction.atomic():
                    issue_document(
                        type_code="QĐ",
                        issued_on=datetime.date(2026, 11, 25),
                        summary="Khen thưởng",
                        signer_title="Giám đốc",
                        signer_name="Vũ Hoàng Quý",
                        agency=agency,
                    )
        except Exception as exc:  # reported below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = args.threads * args.per_thread
    numbers = sorted(IssuedDocument.objects.values_list("number", flat=True))
    if errors or numbers != list(range(1, total + 1)):
        sys.stdout.write(
            f"errors={errors[:3]} numbers={numbers[:10]}… count={len(numbers)}\n"
        )
        return 1
    sys.stdout.write(f"numbers 1..{total} unique and gapless\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
