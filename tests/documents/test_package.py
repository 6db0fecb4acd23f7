"""The rendering layer stays pure and cheap to import (architecture §9.8)."""

import subprocess
import sys


def test_import_loads_neither_django_nor_python_docx():
    code = (
        "import sys, thidua.documents.rendering as r; "
        "heavy = sorted(m for m in ('django', 'docx', 'lxml', 'pypdf') if m in sys.modules); "
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == ""


def test_public_api():
    import thidua.documents.rendering as rendering

    for name in (
        "render_docx",
        "render_pdf",
        "docx_to_pdf",
        "sha256",
        "Document",
        "Layout",
    ):
        assert name in rendering.__all__
    assert rendering.sha256(b"") == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
