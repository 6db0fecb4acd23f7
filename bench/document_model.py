"""The document model of any agency (issue #15): every built-in template rendered,
the real documents of tests/documents/real scored element by element (directly and
brought back through the DOCX import), the DOCX import and the editor's preview timed.

    .venv/bin/python bench/document_model.py [--runs 3]

Targets: a template's DOCX ≤ 1 s; a DOCX import ≤ 1 s; the preview (PDF + page
images) ≤ 5 s including LibreOffice's start; real documents ≥ 95 % of their structural
elements right.
"""

import argparse
import datetime
import json
import os
import statistics
import sys

from _common import ROOT, machine, timed

sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.test")

    from tests.documents.real.elements import compare, extract
    from tests.documents.real.test_real_documents import FIXTURES, renderable
    from tests.documents.test_drafting_templates import _filled

    from thidua.documents.drafting.docx_import import import_docx
    from thidua.documents.drafting.preview import preview_pages
    from thidua.documents.drafting.templates import builtin_templates
    from thidua.documents.drafting.to_spec import content_spec
    from thidua.documents.rendering import render_docx

    print(f"machine: {machine()}")
    print(f"date: {datetime.datetime.now(tz=datetime.UTC):%Y-%m-%d %H:%M} UTC")

    times = []
    for template in builtin_templates():
        content = _filled(template.content)
        render_docx(content_spec(content))  # python-docx imported, caches warm
        runs = [timed(render_docx, content_spec(content))[0] for _ in range(args.runs)]
        times.append((statistics.median(runs), template.code))
    print(f"built-in templates rendered (DOCX), {len(times)} of them, target ≤ 1 s:")
    for seconds, code in sorted(times, reverse=True):
        print(f"  {code:36s} {seconds * 1000:6.0f} ms")

    right = total = right_back = 0
    imports = []
    for path in FIXTURES:
        fixture = json.loads(path.read_text(encoding="utf-8"))
        written = render_docx(content_spec(renderable(fixture)))
        score = compare(path.stem, fixture["expected"], extract(written))
        seconds, imported = timed(import_docx, written)
        imports.append(seconds)
        again = render_docx(content_spec(imported.content))
        back = compare(path.stem, fixture["expected"], extract(again))
        right, total = right + len(score.right), total + score.total
        right_back += len(back.right)
        print(
            f"  {path.stem:36s} {len(score.right):3d}/{score.total:3d} direct, "
            f"{len(back.right):3d}/{back.total:3d} through the import "
            f"({seconds * 1000:.0f} ms)"
        )
    print(
        f"real documents: {right}/{total} = {right / total:.1%} of the structural "
        f"elements right; through the DOCX import {right_back}/{total} = "
        f"{right_back / total:.1%}; import median {statistics.median(imports) * 1000:.0f} ms"
    )

    plan = _filled(
        next(t for t in builtin_templates() if t.code == "ke_hoach_tinh").content
    )
    runs = [timed(preview_pages, plan)[0] for _ in range(args.runs)]
    pages = preview_pages(plan)
    print(
        f"preview of the provincial plan ({len(pages)} pages, PDF + PNG), target ≤ 5 s: "
        f"median {statistics.median(runs):.2f} s (max {max(runs):.2f} s)"
    )
    assert right / total >= 0.95, "real documents below 95 %"


if __name__ == "__main__":
    main()
