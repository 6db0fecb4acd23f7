"""Statistical report of a province: 50,000 people × 10 years of awards (issue #6 item 2).

    .venv/bin/python bench/stats_report.py [--people 50000] [--years 10]
    THIDUA_DATABASE_URL=postgres://… .venv/bin/python bench/stats_report.py  # scratch DB

Builds a province (Sở with their phòng, and communes), ``--people`` people and a realistic
register with bulk_create: each year most people get Lao động tiên tiến, some CSTĐ cơ sở
or a Giấy khen, a few a Bằng khen or CSTĐ of the province, very few state awards; units
get Tập thể lao động tiên tiến/xuất sắc, Giấy khen, a few Cờ thi đua and Bằng khen; a
few awards are revoked. Then times every form of the province's report for one
reporting year (consolidated, with the per-child breakdown), the Excel export and the
DOCX, and the same for the whole ten years. Target: ≤ 5 s for the report.
"""

import argparse
import datetime
import os
import random
import statistics
import sys

from _common import ROOT, machine, peak_rss_mb, setup_django, timed

sys.path.insert(0, str(ROOT))

LAST_YEAR = 2025  # reporting year measured (01/12/2024–30/11/2025)


def build(people: int, years: int, seed: int) -> tuple:
    from thidua.awards.models import Award
    from thidua.organizations.models import Agency, Person

    rng = random.Random(seed)
    province = Agency.objects.create(
        code="T", name="Ủy ban nhân dân tỉnh Bench", level="tinh", position=0
    )
    tops = Agency.objects.bulk_create(
        [
            Agency(
                parent=province,
                code=f"S{i:02d}",
                name=f"Sở số {i:02d}",
                level="so_ban_nganh",
                position=i,
            )
            for i in range(20)
        ]
        + [
            Agency(
                parent=province,
                code=f"X{i:03d}",
                name=f"Xã số {i:03d}",
                level="xa",
                position=100 + i,
            )
            for i in range(100)
        ]
    )
    units = list(tops[20:]) + Agency.objects.bulk_create(
        [
            Agency(
                parent=top,
                code=f"{top.code}-{j}",
                name=f"Phòng {j} {top.name}",
                level="phong_don_vi",
                position=j,
            )
            for top in tops[:20]
            for j in range(8)
        ]
    )
    units += tops[:20]
    minorities = ["Tày", "Nùng", "Dao", "H'Mông", "Thái"]
    persons = [
        Person(
            full_name=f"Người {i}",
            gender=rng.choice(("nam", "nu")),
            birth_date=datetime.date(rng.randint(1965, 2000), 1, 1),
            cccd=f"{i:012d}",
            ethnicity=rng.choice(minorities) if rng.random() < 0.15 else "Kinh",
            category=rng.choice(("cong_chuc", "vien_chuc", "nguoi_lao_dong")),
            is_direct_worker=rng.random() < 0.3,
            unit=rng.choice(units),
            search_text=f"nguoi {i}",
            sort_key=f"nguoi {i:06d}",
        )
        for i in range(people)
    ]
    Person.objects.bulk_create(persons, batch_size=5000)
    batch: list = []
    total = 0

    def add(**kw):
        nonlocal total
        year = kw["year"]
        # decided between December of the achievement year and March of the next
        decided = datetime.date(year, 12, 1) + datetime.timedelta(
            days=rng.randint(0, 110)
        )
        kind = rng.random()
        award_type = (
            "chuyen_de"
            if kind < 0.05
            else "dot_xuat"
            if kind < 0.08
            else "nien_han"
            if kind < 0.09
            else "cong_trang"
        )
        batch.append(
            Award(
                decision_number=f"{total}/QĐ",
                decision_date=decided,
                decided_by="Chủ tịch UBND tỉnh",
                award_type=award_type,
                revoked=rng.random() < 0.002,
                **kw,
            )
        )
        total += 1
        if len(batch) >= 5000:
            Award.objects.bulk_create(batch)
            batch.clear()

    person_awards = (
        ("LDTT", 0.6),
        ("CSTDCS", 0.1),
        ("GIAY_KHEN", 0.1),
        ("BK_BO_TINH", 0.02),
        ("CSTD_BO_TINH", 0.005),
        ("BK_TTG", 0.001),
        ("HCLD_3", 0.0002),
        ("CSTDTQ", 0.0001),
    )
    unit_awards = (
        ("TTLDTT", 0.7),
        ("TTLDXS", 0.2),
        ("GIAY_KHEN", 0.2),
        ("BK_BO_TINH", 0.05),
        ("CO_BO_TINH", 0.03),
        ("CO_CP", 0.005),
        ("BK_TTG", 0.005),
    )
    for year in range(LAST_YEAR - years, LAST_YEAR):
        for person in persons:
            for code, p in person_awards:
                if rng.random() < p:
                    add(person=person, code=code, year=year)
        for unit in units:
            for code, p in unit_awards:
                if rng.random() < p:
                    add(agency=unit, code=code, year=year)
    Award.objects.bulk_create(batch)
    movements = _movements(rng, [province, *tops[:20]], years)
    _tdkt(rng, persons, tops)
    return province, total, len(units) + 1, movements


def _movements(rng, launchers, years: int) -> int:
    """Each year the province and every Sở launch a regular and a thematic movement
    (form 0601), with their numbered launch plans."""
    from thidua.documents.models import IssuedDocument, NumberSeries
    from thidua.movements.models import Movement

    made = []
    for year in range(LAST_YEAR - years, LAST_YEAR + 1):
        series = NumberSeries.objects.bulk_create(
            [NumberSeries(agency=a, year=year, last_number=2) for a in launchers]
        )
        docs = IssuedDocument.objects.bulk_create(
            [
                IssuedDocument(
                    series=s,
                    number=n,
                    year=year,
                    type_code="KH",
                    type_name="Kế hoạch",
                    symbol=f"{n}/KH-{s.agency.code}",
                    issued_on=datetime.date(year, rng.randint(1, 3), 10),
                    summary="Phát động thi đua",
                    signer_title="Giám đốc",
                    signer_name="Bench",
                    status="ready",
                )
                for s in series
                for n in (1, 2)
            ]
        )
        for doc in docs:
            thematic = doc.number == 2
            start = datetime.date(year, 4, 1)
            made.append(
                Movement(
                    name=f"Phong trào {doc.symbol}",
                    year=year,
                    launcher=doc.series.agency,
                    kind="chuyen_de" if thematic else "thuong_xuyen",
                    starts_on=start,
                    ends_on=start
                    + datetime.timedelta(days=rng.choice((180, 700, 1500)))
                    if thematic
                    else datetime.date(year, 12, 31),
                    issued_document=doc,
                    state="dang_thuc_hien",
                    # Made directly, as movements issued before the head's approval
                    # step existed (no approver on record).
                    legacy=True,
                )
            )
    Movement.objects.bulk_create(made)
    return len(made)


def _tdkt(rng, persons, tops) -> None:
    """A TĐKT body under the first Sở (the Sở Nội vụ's Ban) and ~1 % of people doing
    TĐKT work (forms 0604, 0605)."""
    from thidua.organizations.models import Agency, Person

    Agency.objects.filter(pk=tops[0].pk).update(tdkt_body="ban_thuoc_snv")
    staff = rng.sample(persons, len(persons) // 100)
    for person in staff:
        person.tdkt_since = datetime.date(rng.randint(1995, 2024), 1, 1)
        person.education_level = rng.choice(("dai_hoc", "tren_dai_hoc", "cao_dang"))
    Person.objects.bulk_update(
        staff, ["tdkt_since", "education_level"], batch_size=2000
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pdf", action="store_true", help="also time one PDF")
    args = parser.parse_args()
    url = os.environ.pop("THIDUA_DATABASE_URL", "")
    from tests.scratch import scratch_database

    with scratch_database("bench_stats", url) as scratch_url:
        setup_django(scratch_url or None)
        run(args)


def run(args) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.reports.definitions import REGIMES
    from thidua.reports.exports import report_docx, report_workbook
    from thidua.reports.selectors import compute_report, reporting_period

    seconds, (province, awards, agencies, movements) = timed(
        build, args.people, args.years, args.seed
    )
    print(f"machine: {machine()}")
    print(f"database: {connection.vendor}")
    print(
        f"setup: {args.people} people, {agencies} agencies, {awards} awards, "
        f"{movements} movements in {seconds:.1f} s"
    )
    regime = REGIMES["tt02_2023"]
    start, end = reporting_period(LAST_YEAR)
    cases = {
        f"reporting year {LAST_YEAR}": (start, end),
        f"all {args.years} years": (datetime.date(LAST_YEAR - args.years, 1, 1), end),
    }
    for label, (first, last) in cases.items():
        compute_report(province, first, last, regime)  # warm up
        with CaptureQueriesContext(connection) as queries:
            report = compute_report(province, first, last, regime)
        counted = report.figures[-1].value("01", "total")
        launched = report.figures[0].value("01", "total")
        staff = next(f for f in report.figures if f.form.slug == "0605n")
        times = {"figures": [], "xlsx": [], "docx": [], "figures+xlsx": []}
        for _ in range(args.repeat):
            t_fig, report = timed(compute_report, province, first, last, regime)
            t_xlsx, _data = timed(report_workbook, report)
            t_docx, _data = timed(report_docx, report)
            times["figures"].append(t_fig)
            times["xlsx"].append(t_xlsx)
            times["docx"].append(t_docx)
            times["figures+xlsx"].append(t_fig + t_xlsx)
        medians = ", ".join(
            f"{name} {statistics.median(values):.3f} s"
            for name, values in times.items()
        )
        print(
            f"{label}: {counted} awards, {launched} movements, "
            f"{staff.value('01', 'total')} TĐKT staff counted, {len(queries)} queries; "
            f"median of {args.repeat}: {medians}"
        )
    if args.pdf:
        from thidua.documents.rendering import docx_to_pdf

        t_pdf, _pdf = timed(docx_to_pdf, report_docx(report))
        print(f"PDF (LibreOffice, one conversion): {t_pdf:.2f} s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
