import io

import pypdf
import pytest
import segno
from django.urls import reverse
from docx import Document

from thidua.awards.services.annulment import annul_award
from thidua.decisions.certificates import certificate_docx, verify_url

from .test_awards import award

pytestmark = pytest.mark.django_db


def qr_png(url):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def text_and_images(data):
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    for table in doc.tables:
        text += "\n" + "\n".join(c.text for row in table.rows for c in row.cells)
    images = [p.blob for p in doc.part.package.parts if p.content_type == "image/png"]
    return text, images, doc


def test_certificate_names_the_award_and_carries_the_qr_of_its_verification_url(
    org, settings
):
    settings.PUBLIC_BASE_URL = "https://thiduakhenthuong.langson.gov.vn"
    person = org.people["dkkd_staff"]
    entry = award({"person": person}, "GIAY_KHEN", 2024)
    url = verify_url(entry)
    assert url == (
        f"https://thiduakhenthuong.langson.gov.vn/xac-minh/{entry.verification_code}/"
    )
    text, images, doc = text_and_images(certificate_docx([(entry, url)]))
    assert "GIẤY KHEN" in text and person.full_name in text
    assert "2024/QĐ-SKHĐT ngày 15/01/2025" in text
    assert entry.verification_code in text
    assert images == [qr_png(url)]  # the QR encodes exactly the public verification URL
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}


def test_title_certificates_say_chung_nhan(org):
    entry = award({"person": org.people["dkkd_staff"]}, "CSTDCS", 2023)
    text, _images, _doc = text_and_images(certificate_docx([(entry, "/x/")]))
    assert "GIẤY CHỨNG NHẬN" in text
    assert "Đạt danh hiệu Chiến sĩ thi đua cơ sở năm 2023" in text


def test_batch_has_one_page_per_award(org):
    entries = [
        award({"person": org.people["dkkd_staff"]}, "LDTT", 2023),
        award({"person": org.people["head"]}, "LDTT", 2023),
        award({"agency": org.dkkd}, "TTLDTT", 2023),
    ]
    data = certificate_docx((e, f"/xac-minh/{e.verification_code}/") for e in entries)
    text, images, _doc = text_and_images(data)
    assert len(images) == 3
    body = Document(io.BytesIO(data)).element.body.xml
    assert body.count('w:type="page"') == 2
    assert str(org.dkkd) in text


def test_officer_downloads_a_pdf_certificate(client_for, org):
    person = org.people["dkkd_staff"]
    entry = award({"person": person}, "GIAY_KHEN", 2024)
    client = client_for("officer")
    tab = client.get(person.get_absolute_url(), {"tab": "awards"}).content.decode()
    url = reverse("decisions:award-certificate", args=[entry.pk, "pdf"])
    assert url in tab
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) == 1
    extracted = pdf.pages[0].extract_text()
    assert person.full_name in extracted and "GIẤY KHEN" in extracted
    docx = client.get(reverse("decisions:award-certificate", args=[entry.pk, "docx"]))
    assert docx.status_code == 200
    assert (
        client.get(
            reverse("decisions:award-certificate", args=[entry.pk, "exe"])
        ).status_code
        == 404
    )


def test_no_certificate_for_strangers_or_annulled_awards(client_for, org):
    import datetime

    entry = award({"person": org.people["dkkd_staff"]}, "GIAY_KHEN", 2024)
    url = reverse("decisions:award-certificate", args=[entry.pk, "docx"])
    assert client_for("other_officer").get(url).status_code == 404
    annul_award(
        entry,
        reason="Sai",
        annulment_decision="9/QĐ-SKHĐT",
        annulled_on=datetime.date(2025, 6, 1),
    )
    assert client_for("officer").get(url).status_code == 404
