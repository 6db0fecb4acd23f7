"""A decision with 500 awardees, rendered (issue #5, benchmarks).

    .venv/bin/python bench/decision_500.py [--awardees 500] [--runs 3]

Targets: decision DOCX ≤ 2 s, PDF ≤ 10 s. Builds a fresh SQLite database, imports the
staff, files one LĐTT nomination each through the service, then marks them decided by the
council in one UPDATE (the council part is benchmarked in bench/ballots.py). Times the
issue itself, the DOCX (spec built from the database + python-docx), the PDF (LibreOffice,
fresh profile), the PAdES signature of that PDF with an RSA 2048 credential (visible
stamp) and its verification, and the batch of certificates for the same awardees.
"""

import argparse
import datetime
import statistics
import sys

from _common import (
    ROOT,
    machine,
    make_agency,
    setup_django,
    timed,
    write_staff_workbook,
)

sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--awardees", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = setup_django()

    from thidua.accounts.enums import Role
    from thidua.accounts.services import create_account
    from thidua.awards.models import Award
    from thidua.decisions.certificates import certificate_docx
    from thidua.decisions.rendering import decision_spec
    from thidua.decisions.services.decision import (
        approve_decision,
        draft_decision,
        issue_decision,
        submit_decision,
        write_awards,
    )
    from thidua.documents.rendering import docx_to_pdf, render_docx
    from thidua.nominations.models import Nomination
    from thidua.nominations.services.nomination import create_nomination, open_round
    from thidua.organizations.imports.staff import import_staff
    from thidua.organizations.models import Person

    root, codes = make_agency()
    root.place_name = "Lạng Sơn"
    root.abbreviation = root.abbreviation or "SKHĐT"
    root.save()
    path = data / "staff.xlsx"
    write_staff_workbook(path, args.awardees, codes)
    result = import_staff(path, agency=root)
    assert result.ok, result
    round_ = open_round(
        agency=root,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    people = list(Person.objects.select_related("unit").order_by("sort_key"))
    nominations = [
        create_nomination(round_, proposing_unit=p.unit, person=p, code="LDTT")
        for p in people
    ]
    Nomination.objects.filter(round=round_).update(state="hoi_dong_da_xet")

    # The office drafts, the head approves (his record gives the signer block), the
    # clerk issues: the timed step is the issue (number, nominations decided).
    director = people[0]
    director.position = "Giám đốc"
    director.save(update_fields=["position"])
    head = create_account(
        username="bench-giamdoc",
        password="Hoa-sen-no-7-thang-5!",
        person=director,
        roles=[(Role.HEAD, root, None)],
    )
    issued_on = datetime.date(2026, 1, 15)
    draft_s, decision = timed(draft_decision, round_, nominations, planned_on=issued_on)
    submit_decision(decision)
    approve_decision(decision, actor=head)
    issue_s, decision = timed(issue_decision, decision, issued_on=issued_on)

    def docx_from_db():
        return render_docx(decision_spec(decision))

    docx_runs = [timed(docx_from_db) for _ in range(args.runs)]
    docx = docx_runs[0][1]
    pdf_runs = [timed(docx_to_pdf, docx) for _ in range(args.runs)]
    from thidua.demo.signing import make_test_p12
    from thidua.documents.services.signing import (
        sign_pdf,
        upload_credential,
        verify_pdf,
    )

    credential = upload_credential(
        root,
        make_test_p12("Sở Kế hoạch và Đầu tư (bench)", passphrase="bench"),
        "bench",
        "Bench",
        True,
        actor=None,
    )
    symbol = decision.issued_document.symbol
    pdf = pdf_runs[0][1]
    sign_runs = [timed(sign_pdf, pdf, credential, symbol) for _ in range(args.runs)]
    verify_runs = [timed(verify_pdf, sign_runs[0][1]) for _ in range(args.runs)]
    assert verify_runs[0][1].unaltered and verify_runs[0][1].trusted
    write_s, _ = timed(write_awards, decision.pk)  # needs no files: bench calls it
    awards = list(Award.objects.select_related("person__unit").order_by("pk"))
    cert_s, certs = timed(
        certificate_docx,
        (
            (a, f"https://example.gov.vn/xac-minh/{a.verification_code}/")
            for a in awards
        ),
    )
    cert_pdf_s, cert_pdf = timed(docx_to_pdf, certs)

    print(f"machine: {machine()}")
    print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"awardees: {len(nominations)}; draft_decision: {draft_s:.2f} s; "
        f"issue_decision: {issue_s:.2f} s"
    )
    print(
        f"decision DOCX ({len(docx) / 1024:.0f} KiB), target ≤ 2 s: median "
        f"{statistics.median(t for t, _ in docx_runs):.2f} s "
        f"(first {docx_runs[0][0]:.2f} s)"
    )
    print(
        f"decision PDF ({len(pdf_runs[0][1]) / 1024:.0f} KiB, {args.runs} runs), "
        f"target ≤ 10 s: median {statistics.median(t for t, _ in pdf_runs):.2f} s"
    )
    print(
        f"sign the PDF (PAdES, visible stamp): median "
        f"{statistics.median(t for t, _ in sign_runs):.2f} s "
        f"(first {sign_runs[0][0]:.2f} s); verify: median "
        f"{statistics.median(t for t, _ in verify_runs):.2f} s"
    )
    print(f"write {len(awards)} awards to the register: {write_s:.2f} s")
    print(
        f"certificates DOCX ({len(awards)} pages): {cert_s:.2f} s; "
        f"PDF ({len(cert_pdf) / 1024:.0f} KiB): {cert_pdf_s:.2f} s"
    )


if __name__ == "__main__":
    main()
