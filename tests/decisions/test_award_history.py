"""Lý lịch khen thưởng: the register of one person or collective as DOCX/PDF."""

import datetime
import io

import docx
import pypdf
import pytest
from django.urls import reverse

from thidua.awards.services.annulment import annul_award

from .test_awards import award

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_person_history_lists_titles_and_forms_and_marks_annulled(client_for, org):
    person = org.people["dkkd_staff"]
    award({"person": person}, "LDTT", 2022)
    award({"person": person}, "CSTDCS", 2023)
    gone = award({"person": person}, "GIAY_KHEN", 2023)
    annul_award(
        gone,
        reason="Kê khai sai",
        annulment_decision="45/QĐ-SKHĐT",
        annulled_on=datetime.date(2024, 3, 10),
    )
    client = client_for("officer")
    tab = client.get(person.get_absolute_url(), {"tab": "awards"}).content.decode()
    url = reverse("awards:person-history", args=[person.pk, "docx"])
    assert url in tab
    response = client.get(url)
    assert response.status_code == 200
    assert (
        'filename="ly-lich-khen-thuong-nguyen-van-anh.docx"'
        in response["Content-Disposition"]
    )
    text = _text(response.content)
    assert "LÝ LỊCH KHEN THƯỞNG" in text and "Nguyễn Văn Ánh" in text
    assert text.index("II. DANH HIỆU THI ĐUA") < text.index("Chiến sĩ thi đua cơ sở")
    assert text.index("III. HÌNH THỨC KHEN THƯỞNG") < text.index("Giấy khen")
    assert "Đã hủy bỏ theo 45/QĐ-SKHĐT ngày 10/03/2024" in text
    assert "2 danh hiệu thi đua và 1 hình thức khen thưởng" in text
    assert "Sở Kế hoạch và Đầu tư" in text  # the register it is extracted from
    pdf = client.get(reverse("awards:person-history", args=[person.pk, "pdf"]))
    assert pdf.status_code == 200
    assert (
        "LÝ LỊCH KHEN THƯỞNG"
        in pypdf.PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    )


def test_history_is_scoped(client_for, org):
    person = org.people["dkkd_staff"]
    award({"agency": org.dkkd}, "TTLDTT", 2023)
    other = client_for("other_officer")
    assert (
        other.get(
            reverse("awards:person-history", args=[person.pk, "docx"])
        ).status_code
        == 404
    )
    url = reverse("awards:agency-history", args=[org.dkkd.pk, "docx"])
    assert other.get(url).status_code == 404
    assert client_for("staff").get(url).status_code == 404
    response = client_for("officer").get(url)
    assert response.status_code == 200 and "Tập thể lao động tiên tiến" in _text(
        response.content
    )
    assert (
        client_for("officer")
        .get(reverse("awards:agency-history", args=[org.dkkd.pk, "xls"]))
        .status_code
        == 404
    )
