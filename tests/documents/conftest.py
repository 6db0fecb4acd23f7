import shutil
import subprocess

import pytest

from thidua.documents.rendering import render_docx, render_pdf

from .seed_173 import seed_173_spec
from .signing_fixtures import (  # noqa: F401 (fixtures of the signing tests)
    credential,
    fast_pdf,
    round_,
    signed_decision,
)


def require_soffice() -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip(
            "LibreOffice missing: install the Debian package libreoffice-writer-nogui"
        )


def require_poppler() -> None:
    if not (shutil.which("pdftotext") and shutil.which("pdffonts")):
        pytest.skip(
            "pdftotext/pdffonts missing: install the Debian package poppler-utils"
        )


def pdftotext_pages(pdf_path, *, layout: bool = True) -> list[str]:
    """Text of each page (``pdftotext`` separates pages with a form feed)."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    out = subprocess.run(
        [*args, str(pdf_path), "-"], capture_output=True, check=True, timeout=60
    )
    pages = out.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@pytest.fixture(scope="session")
def seed_spec():
    return seed_173_spec()


@pytest.fixture(scope="session")
def seed_docx(seed_spec):
    return render_docx(seed_spec)


@pytest.fixture(scope="session")
def seed_pdf_path(seed_spec, tmp_path_factory):
    require_soffice()
    path = tmp_path_factory.mktemp("seed") / "173-PD-SKHDT.pdf"
    path.write_bytes(render_pdf(seed_spec))
    return path
