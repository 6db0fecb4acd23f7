"""DOCX → PDF through LibreOffice: the seed's PDF, and every way conversion can fail."""

import re
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from thidua.documents.rendering import ConversionError, docx_to_pdf, find_soffice

from .conftest import pdftotext_pages, require_poppler


@pytest.mark.needs_system
def test_pages_are_a4(seed_pdf_path):
    reader = PdfReader(seed_pdf_path)
    assert 2 <= len(reader.pages) <= 5
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - 595.3) <= 1
        assert abs(float(page.mediabox.height) - 841.9) <= 1


@pytest.mark.needs_system
def test_fonts_are_embedded_times_or_liberation_serif(seed_pdf_path):
    require_poppler()
    out = subprocess.run(
        ["pdffonts", str(seed_pdf_path)],
        capture_output=True,
        check=True,
        timeout=60,
        text=True,
    ).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        name = row.split()[0]
        assert re.search(r"LiberationSerif|Times", name), row
        # Columns: name type encoding emb sub uni object ID → emb is "yes".
        assert row.split()[-5] == "yes", row
    names = {row.split()[0].split("+")[-1] for row in rows}
    assert any("Bold" in n for n in names) and any("Italic" in n for n in names)


@pytest.mark.needs_system
def test_text_is_nfc_and_pages_are_numbered_from_two(seed_pdf_path):
    require_poppler()
    pages = pdftotext_pages(seed_pdf_path)
    for page in pages:
        assert unicodedata.is_normalized("NFC", page)
    first_lines = [
        next(line.strip() for line in p.splitlines() if line.strip()) for p in pages
    ]
    assert first_lines[0].startswith("UBND TỈNH LẠNG SƠN")
    assert first_lines[1] == "2"
    assert first_lines[1:] == [str(n) for n in range(2, len(pages) + 1)]
    assert not re.fullmatch(r"\d+", first_lines[0])


def test_missing_binary_raises_conversion_error():
    with pytest.raises(ConversionError, match="libreoffice-writer-nogui"):
        docx_to_pdf(b"PK", soffice="/nonexistent/bin/soffice")


def test_missing_binary_from_environment_and_path(monkeypatch, tmp_path):
    monkeypatch.setenv("THIDUA_SOFFICE", str(tmp_path / "soffice"))
    with pytest.raises(ConversionError, match="Không tìm thấy LibreOffice"):
        find_soffice()
    monkeypatch.delenv("THIDUA_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConversionError, match="Không tìm thấy LibreOffice"):
        docx_to_pdf(b"PK")


def _fake_soffice(tmp_path, body: str):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_failing_libreoffice_reports_its_error(tmp_path):
    fake = _fake_soffice(tmp_path, 'echo "source file could not be loaded" >&2\nexit 1')
    with pytest.raises(ConversionError, match="source file could not be loaded"):
        docx_to_pdf(b"PK", soffice=fake)


def test_libreoffice_writing_no_pdf_is_an_error(tmp_path):
    fake = _fake_soffice(tmp_path, "exit 0")
    with pytest.raises(ConversionError, match="không chuyển được"):
        docx_to_pdf(b"PK", soffice=fake)


def test_libreoffice_writing_something_else_is_an_error(tmp_path):
    # Arguments: ... --outdir OUT SOURCE; write a non-PDF where the PDF should be.
    body = 'for last; do :; done\nout="$(dirname "$last")/out"\necho hello > "$out/van-ban.pdf"'
    fake = _fake_soffice(tmp_path, body)
    with pytest.raises(ConversionError, match="không phải PDF"):
        docx_to_pdf(b"PK", soffice=fake)


def test_timeout_kills_libreoffice_and_its_children(tmp_path):
    marker = tmp_path / "child-alive"
    # A launcher that starts a child (as soffice starts soffice.bin) and hangs.
    fake = _fake_soffice(tmp_path, f"(sleep 3; touch {marker}) &\nsleep 30")
    started = time.monotonic()
    with pytest.raises(ConversionError, match="sau 0.5 giây"):
        docx_to_pdf(b"PK", soffice=fake, timeout=0.5)
    assert time.monotonic() - started < 5
    time.sleep(3.5)
    assert not marker.exists(), "the child process outlived the timeout"


def test_conversion_uses_a_private_profile_and_home(tmp_path):
    log = tmp_path / "args.txt"
    body = (
        f'printf "%s\\n" "$@" > {log}\necho "HOME=$HOME" >> {log}\n'
        'for last; do :; done\nout="$(dirname "$last")/out"\n'
        'printf "%%PDF-1.7 fake" > "$out/van-ban.pdf"'
    )
    fake = _fake_soffice(tmp_path, body)
    assert docx_to_pdf(b"PK", soffice=fake).startswith(b"%PDF-")
    lines = log.read_text().splitlines()
    profile = next(
        line for line in lines if line.startswith("-env:UserInstallation=file://")
    )
    home = next(line for line in lines if line.startswith("HOME="))
    assert "--headless" in lines and "--norestore" in lines
    assert lines[lines.index("--convert-to") + 1] == "pdf"
    work = profile.removeprefix("-env:UserInstallation=file://").rsplit("/", 1)[0]
    assert home.removeprefix("HOME=").startswith(work)
    assert Path(work).name.startswith("thidua-lo-")
    assert not Path(work).exists(), "the temporary folder is removed"
