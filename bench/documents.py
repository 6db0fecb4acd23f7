"""Rendering of the seed launch document 173/PD-SKHĐT, DOCX and PDF.

    .venv/bin/python bench/documents.py [--runs 5]

Targets (issue #4): seed DOCX ≤ 1 s; seed PDF ≤ 5 s including the LibreOffice start.
"Cold" is the first render in a fresh process (python-docx imported, LibreOffice started
with a fresh profile); "warm" repeats in the same process. Every PDF conversion starts
its own LibreOffice with its own temporary profile, so warm PDF times still include a
LibreOffice start; they only benefit from the operating system's file cache.
"""

import argparse
import datetime
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from _common import ROOT, machine, timed

sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import_time, _ = timed(__import__, "thidua.documents.rendering")
    from tests.documents.seed_173 import seed_173_spec

    from thidua.documents.rendering import docx_to_pdf, find_soffice, render_docx

    spec = seed_173_spec()
    soffice = find_soffice()
    version = subprocess.run(
        [soffice, "--version"], capture_output=True, text=True, timeout=60, check=False
    ).stdout.strip()
    print(f"machine: {machine()}")
    print(f"LibreOffice: {version or soffice}")
    print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"import thidua.documents.rendering: {import_time * 1000:.0f} ms")

    cold_docx, docx = timed(render_docx, spec)
    warm_docx = [timed(render_docx, spec)[0] for _ in range(args.runs)]
    print(f"seed DOCX ({len(docx) / 1024:.0f} KiB), target ≤ 1 s:")
    print(f"  cold (imports python-docx): {cold_docx:.3f} s")
    print(f"  warm median of {args.runs}: {statistics.median(warm_docx):.3f} s")

    cold_pdf, pdf = timed(docx_to_pdf, docx)
    warm_pdf = [timed(docx_to_pdf, docx)[0] for _ in range(args.runs)]
    print(f"seed PDF ({len(pdf) / 1024:.0f} KiB), target ≤ 5 s including LibreOffice:")
    print(f"  cold (first LibreOffice start, fresh profile): {cold_pdf:.2f} s")
    print(
        f"  warm median of {args.runs}: {statistics.median(warm_pdf):.2f} s "
        f"(max {max(warm_pdf):.2f} s)"
    )
    end_to_end = [timed(lambda: docx_to_pdf(render_docx(spec)))[0] for _ in range(3)]
    print(
        f"  spec → PDF end to end, median of 3: {statistics.median(end_to_end):.2f} s"
    )

    with ThreadPoolExecutor(max_workers=2) as pool:
        started = time.perf_counter()
        list(pool.map(docx_to_pdf, [docx, docx]))
        both = time.perf_counter() - started
    print(f"  2 conversions at once (separate profiles): {both:.2f} s wall")


if __name__ == "__main__":
    main()
