"""Signing and verifying small PDFs (no LibreOffice): tamper, appended bytes, trust."""

import io
import shutil
import subprocess

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader

from thidua.documents import pades
from thidua.documents.services.signing import sign_pdf, upload_credential, verify_pdf

from .certs import PASSPHRASE, blank_pdf, make_cert, make_p12

pytestmark = pytest.mark.django_db
CN = "Sở Kế hoạch và Đầu tư (thử nghiệm)"


@pytest.fixture
def credential(org, users):
    return upload_credential(
        org.skhdt,
        make_p12(*make_cert(CN)),
        PASSPHRASE,
        "Chứng thư Sở",
        True,
        users["admin"],
    )


@pytest.fixture
def signed(credential):
    return sign_pdf(blank_pdf(), credential, "05/QĐ-SKHĐT")


def test_signed_pdf_is_intact_valid_and_trusted(signed, credential, org):
    report = verify_pdf(signed)
    assert report.signed and report.intact and report.valid and report.trusted
    assert report.entire_file and report.unaltered
    assert report.signer_cn == CN
    assert report.credential == credential and report.agency == org.skhdt
    assert report.signing_time is not None
    assert report.summary.startswith("Chữ ký số hợp lệ")
    assert report.signatures[0].field_name == "ChuKySoCoQuan"


def test_visible_stamp_sits_in_the_top_right_margin_with_symbol_and_iso_time(signed):
    page = PdfReader(io.BytesIO(signed)).pages[0]
    annot = next(
        a.get_object()
        for a in page["/Annots"]
        if a.get_object()["/Subtype"] == "/Widget"
    )
    x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert x2 == pytest.approx(width - 15 * pades.MM, abs=1)  # right margin
    assert y1 >= height - 20 * pades.MM - 1 and y2 <= height  # inside the top margin
    assert x2 - x1 >= 77 * pades.MM - 1
    fonts = annot["/AP"]["/N"].get_object()["/Resources"]["/Font"]
    assert any("TeXGyreTermes" in f.get_object()["/BaseFont"] for f in fonts.values())


@pytest.mark.needs_system
def test_stamp_text_reads_back(signed, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing: install the Debian package poppler-utils")
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()
    assert "Số: 05/QĐ-SKHĐT" in text
    assert f"Ký bởi: {CN}" in text
    assert "+07:00" in text and "Thời gian ký: 20" in text


def test_invisible_signature_when_no_stamp_is_wanted(credential):
    credential.visible_stamp = False
    data = sign_pdf(blank_pdf(), credential, "05/QĐ-SKHĐT")
    page = PdfReader(io.BytesIO(data)).pages[0]
    rects = [
        [float(v) for v in a.get_object()["/Rect"]] for a in page.get("/Annots", [])
    ]
    assert all(r[2] - r[0] == 0 for r in rects)
    assert verify_pdf(data).unaltered


def test_one_flipped_byte_inside_the_signed_range_breaks_integrity(signed):
    data = bytearray(signed)
    data[200] ^= 0x01
    report = verify_pdf(bytes(data))
    assert report.signed and not report.intact and not report.unaltered
    assert "bị sửa đổi sau khi ký" in report.summary


def test_bytes_appended_after_signing_are_reported(signed):
    report = verify_pdf(signed + b"\n% them noi dung\n")
    assert report.intact and report.valid and not report.entire_file
    assert "có nội dung thêm sau khi ký" in report.summary


def test_incremental_update_after_signing_is_reported(signed):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.root["/ThemVao"] = generic.NameObject("/Co")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue())
    assert report.intact and not report.entire_file and not report.unaltered


def test_unregistered_certificate_is_not_trusted(credential):
    key, cert = make_cert("Người lạ", slot=3)
    data = pades.sign_pdf_bytes(blank_pdf(), make_p12(key, cert), PASSPHRASE)
    report = verify_pdf(data)
    assert report.intact and report.valid and not report.trusted
    assert report.credential is None
    assert "không thuộc danh sách tin cậy" in report.summary


def test_trust_roots_setting_adds_an_anchor(settings, tmp_path, db):
    from cryptography.hazmat.primitives.serialization import Encoding

    ca = make_cert(
        "CA thử nghiệm TĐKT",
        slot=4,
        usage=("key_cert_sign", "crl_sign", "digital_signature"),
    )
    key, leaf = make_cert("Nguyễn Văn Thành", slot=5, issuer=ca)
    data = pades.sign_pdf_bytes(
        blank_pdf(), make_p12(key, leaf, extra=[ca[1]]), PASSPHRASE
    )
    assert not verify_pdf(data).trusted
    bundle = tmp_path / "roots.pem"
    bundle.write_bytes(ca[1].public_bytes(Encoding.PEM))
    settings.THIDUA_SIGNATURE_TRUST_ROOTS = str(bundle)
    report = verify_pdf(data)
    assert (
        report.trusted and report.unaltered and report.signer_cn == "Nguyễn Văn Thành"
    )


def test_unsigned_and_unreadable_files(db):
    assert verify_pdf(blank_pdf()).summary == "Tệp không có chữ ký số."
    report = verify_pdf(b"%PDF-1.7 rac")
    assert not report.signed


@pytest.mark.needs_system
def test_pdfsig_agrees(signed, tmp_path):
    if not shutil.which("pdfsig"):
        pytest.skip("pdfsig missing: install the Debian package poppler-utils")
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    out = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert "Signature is Valid" in out.stdout
    assert "ETSI.CAdES.detached" in out.stdout and "Total document signed" in out.stdout
