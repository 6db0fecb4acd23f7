"""Subprocess for test_concurrency: two officers move the same dossier at the same instant.

For each nomination, one officer appraises it while another returns it, both from the
version their page showed; for each item of a tờ trình, one higher officer records the
decision while another returns it. Exactly one of each pair may win; the other must be
told "Hồ sơ đã được người khác cập nhật." and nothing of its move may be written.
"""

import argparse
import datetime
import json
import sys
import threading
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def prepare(count: int):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import make_org, make_users
    from thidua.nominations.services.nomination import (
        add_attachment,
        create_nomination,
        open_round,
        transition_nomination,
    )

    org = make_org()
    users = make_users(org)
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save()
    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    from tests.factories import make_person

    nominations = []
    for i in range(count):
        person = make_person(org.dkkd, f"Nguyễn Văn Thử {i:03d}")
        nomination = create_nomination(
            round_, proposing_unit=org.dkkd, person=person, code="LDTT"
        )
        for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
            add_attachment(
                nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF)
            )
        transition_nomination(nomination, "da_gui", actor=users["admin"])
        nominations.append(nomination)
    return org, users, round_, nominations


def pairs_race(pairs) -> Counter:
    """Run each pair of callables at the same instant; count the outcomes."""
    from django.core.exceptions import ValidationError
    from django.db import connection

    outcomes: Counter = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(2 * len(pairs))

    def worker(call):
        try:
            barrier.wait()
            try:
                call()
            except ValidationError as exc:
                result = " ".join(exc.messages)
            else:
                result = "ok"
        except Exception as exc:  # reported by the caller
            result = f"error: {exc!r}"
        finally:
            connection.close()
        with lock:
            outcomes[result] += 1

    threads = [
        threading.Thread(target=worker, args=(c,)) for pair in pairs for c in pair
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def run(count: int) -> dict:
    from django.db import connection

    from thidua.nominations.models import Nomination, NominationEvent
    from thidua.nominations.services.nomination import transition_nomination
    from thidua.submissions.services.submission import record_outcome, return_item

    org, users, round_, nominations = prepare(count)
    officer, other = users["officer"], users["admin"]
    pairs = []
    for n in nominations:
        seen = Nomination.objects.get(
            pk=n.pk
        ).version  # what each officer's page showed
        pairs.append(
            (
                lambda n=n, v=seen: transition_nomination(
                    n,
                    "da_tham_dinh",
                    actor=officer,
                    appraisal="Đủ tiêu chuẩn",
                    expected_version=v,
                ),
                lambda n=n, v=seen: transition_nomination(
                    n, "tra_lai", actor=other, reason="Thiếu chữ ký", expected_version=v
                ),
            )
        )
    moved = pairs_race(pairs)
    states = Counter(Nomination.objects.values_list("state", flat=True))
    events = NominationEvent.objects.filter(from_state="da_gui").count()

    # The tờ trình side: record the decision vs return, on the same item.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.council_paper import advance
    from tests.factories import make_person
    from tests.submissions.factories import submit_nominations
    from thidua.nominations.services.nomination import (
        add_attachment,
        create_nomination,
    )

    upward = []
    for i in range(max(count // 2, 1)):
        person = make_person(org.dkkd, f"Trần Thị Trình {i:03d}")
        n = create_nomination(
            round_, proposing_unit=org.dkkd, person=person, code="CSTD_BO_TINH"
        )
        for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet", "chung_nhan_sang_kien"):
            add_attachment(n, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
        for to in ("da_gui", "da_tham_dinh", "trinh_hoi_dong", "hoi_dong_da_xet"):
            advance(n, to, actor=users["admin"])
        upward.append(n)
    submission = submit_nominations(
        round_,
        upward,
        issued_on=datetime.date(2026, 1, 20),
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
        actor=officer,
    )
    higher = users["higher_officer"]
    item_pairs = []
    for item in submission.items.all():
        seen = item.version
        item_pairs.append(
            (
                lambda i=item, v=seen: record_outcome(
                    i,
                    awarded=True,
                    decision_number="125/QĐ-UBND",
                    decision_date=datetime.date(2026, 2, 2),
                    decision_signer="Hồ Tiến Thiệu",
                    decided_by="Chủ tịch UBND tỉnh",
                    actor=higher,
                    expected_version=v,
                ),
                lambda i=item, v=seen: return_item(
                    i, reason="Bổ sung hồ sơ", actor=users["admin"], expected_version=v
                ),
            )
        )
    decided = pairs_race(item_pairs)
    from thidua.awards.models import Award

    items = Counter(submission.items.values_list("outcome", flat=True))
    return {
        "vendor": connection.vendor,
        "moves": dict(moved),
        "states": dict(states),
        "events": events,
        "item_moves": dict(decided),
        "items": dict(items),
        "awards": Award.objects.filter(code="CSTD_BO_TINH").count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    sys.stdout.write(json.dumps(run(args.count), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
