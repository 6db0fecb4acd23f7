import datetime
import io
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.common.uploads import check_attachment
from thidua.movements.models import Indicator, ProgressReport
from thidua.movements.services.movement import update_movement
from thidua.movements.services.progress import indicator_status, save_indicator

from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


def docx_bytes(part="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.fixture
def movement(org):
    draft = make_movement(org)
    update_movement(draft, {"starts_on": datetime.date(2026, 1, 1)})
    return issue_movement(draft, issued_on=ISSUED_ON)


@pytest.fixture
def indicator(movement, org):
    return save_indicator(
        movement,
        name="Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng",
        unit_of_measure="%",
        baseline=Decimal("60"),
        target=Decimal("100"),
        direction="tang",
        owner=org.dkkd,
        due_on=datetime.date(2026, 12, 31),
        content_item=movement.contents.first(),
    )


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.pdf", PDF, "pdf"),
        ("b.png", PNG, "png"),
        ("c.jpg", b"\xff\xd8\xff\xe0JFIF", "jpg"),
        ("d.docx", docx_bytes(), "docx"),
        ("e.xlsx", docx_bytes("xl/workbook.xml"), "xlsx"),
    ],
)
def test_attachments_are_recognised_by_content(name, data, kind):
    checked = check_attachment(SimpleUploadedFile(name, data))
    assert checked.kind == kind
    assert re.fullmatch(rf"[0-9a-f]{{32}}\.{kind}", checked.content.name)  # random name


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("virus.exe", b"MZ\x90\x00"),
        ("trang.pdf", b"<html><script>alert(1)</script>"),
        ("macro.docx", docx_bytes("xl/vbaProject.bin")),
        ("x.pdf", b"%PDF-<html>"),
    ],
)
def test_other_files_are_refused(name, data):
    with pytest.raises(ValidationError):
        check_attachment(SimpleUploadedFile(name, data))


def test_attachment_names_are_cleaned():
    checked = check_attachment(
        SimpleUploadedFile("../../etc/báo cáo\u202efdp.exe.pdf", PDF)
    )
    assert checked.original_name == "báo cáofdp.exe.pdf"


def test_indicator_direction_is_checked(movement, org):
    with pytest.raises(ValidationError) as exc:
        save_indicator(
            movement,
            name="PCI",
            unit_of_measure="hạng",
            baseline=Decimal(30),
            target=Decimal(40),
            direction="giam",
            owner=org.skhdt,
            due_on=datetime.date(2026, 12, 31),
        )
    assert exc.value.message_dict["target"] == [
        "Chỉ tiêu phải thấp hơn giá trị ban đầu."
    ]


@pytest.mark.parametrize(
    ("today", "value", "state"),
    [
        (datetime.date(2026, 7, 2), None, "chua_bao_cao"),
        (
            datetime.date(2026, 7, 2),
            "82",
            "dung_tien_do",
        ),  # half the way, half the year
        (datetime.date(2026, 7, 2), "70", "cham"),  # 25 % done at 50 % of the time
        (datetime.date(2026, 7, 2), "100", "dat"),
        (datetime.date(2027, 1, 5), "90", "khong_dat"),
    ],
)
def test_indicator_status(indicator, today, value, state):
    reports = []
    if value:
        reports = [
            ProgressReport(
                indicator=indicator,
                reported_on=datetime.date(2026, 6, 30),
                value=Decimal(value),
                pk=1,
            )
        ]
    assert indicator_status(indicator, reports, today=today).state == state


@time_machine.travel(datetime.date(2026, 7, 2))
def test_owner_unit_reports_progress_with_evidence(
    client_for, movement, indicator, org
):
    url = reverse("movements:progress-report", args=[movement.pk, indicator.pk])
    assert client_for("staff").get(url).status_code == 403  # sees it, not the owner
    assert client_for("other_officer").get(url).status_code == 404
    client = client_for("unit_head")
    bad = client.post(
        url,
        {
            "reported_on": "30/06/2026",
            "value": "70",
            "evidence": SimpleUploadedFile("x.pdf", b"<html>"),
        },
    )
    assert "Chỉ nhận tệp PDF" in bad.content.decode()
    client.post(
        url,
        {
            "reported_on": "30/06/2026",
            "value": "70",
            "note": "Quý II",
            "evidence": SimpleUploadedFile("bao-cao-quy-2.pdf", PDF),
        },
    )
    report = ProgressReport.objects.get()
    assert (report.value, report.evidence_name) == (
        Decimal("70.00"),
        "bao-cao-quy-2.pdf",
    )
    board = client_for("officer").get(
        reverse("movements:indicator-board", args=[movement.pk])
    )
    assert board.context["at_risk"] == 1
    body = board.content.decode()
    assert 'data-values="70.00"' in body and "Có nguy cơ không đạt" in body
    assert 'data-testid="indicators-excel"' in body
    sheet = client_for("officer").get(
        reverse("movements:indicator-board", args=[movement.pk]), {"excel": "1"}
    )
    book = openpyxl.load_workbook(io.BytesIO(sheet.content))
    row = [c.value for c in book["Chỉ tiêu"][3]]
    assert (
        row[0] == indicator.name and row[6] == 70.0 and row[8] == "Có nguy cơ không đạt"
    )
    # Numbers stay numbers, shown with Vietnamese Excel's separators.
    assert [c.number_format for c in book["Chỉ tiêu"][3]][3:8] == [
        "#,##0",
        "#,##0",
        "DD/MM/YYYY",
        "#,##0",
        "#,##0",
    ]
    assert [c.value for c in book["Số liệu"][2]][1:3] == [
        datetime.datetime(2026, 6, 30),  # noqa: DTZ001 (openpyxl reads naive)
        70.0,
    ]
    evidence = client_for("officer").get(
        reverse("movements:evidence", args=[movement.pk, report.pk])
    )
    assert evidence["Content-Disposition"].startswith("attachment")
    assert b"".join(evidence.streaming_content) == PDF


def test_officer_adds_indicators_in_the_ui(client_for, movement, org):
    client = client_for("officer")
    client.post(
        reverse("movements:indicator-create", args=[movement.pk]),
        {
            "name": "Giải ngân vốn đầu tư công",
            "unit_of_measure": "%",
            "baseline": "0",
            "target": "95",
            "direction": "tang",
            "owner": org.skhdt.pk,
            "due_on": "31/12/2026",
        },
    )
    assert Indicator.objects.get().target == Decimal("95.00")
    assert (
        client_for("unit_head")
        .get(reverse("movements:indicator-create", args=[movement.pk]))
        .status_code
        == 403
    )


def test_movement_pages_satisfy_the_content_security_policy(
    client_for, movement, indicator
):

    client = client_for("officer")
    pages = [
        movement.get_absolute_url(),
        reverse("movements:indicator-board", args=[movement.pk]),
        reverse("movements:registration-list", args=[movement.pk]),
        reverse(
            "movements:movement-section",
            args=[make_movement_draft(movement).pk, "contents"],
        ),
        reverse("movements:inbox"),
        reverse("movements:movement-list"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        nonce = re.search(
            r"'nonce-([^']+)'", response["Content-Security-Policy"]
        ).group(1)
        body = response.content.decode()
        for tag in re.findall(r"<script\b[^>]*>", body):
            assert f'nonce="{nonce}"' in tag, (url, tag)
        assert not re.search(r"\sstyle=", body), url
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", body), url


def make_movement_draft(movement):
    from thidua.movements.services.movement import create_movement

    return create_movement(
        {"name": "Nháp", "kind": "thuong_xuyen", "year": 2026},
        launcher=movement.launcher,
    )


@time_machine.travel(datetime.date(2026, 7, 2))
def test_evidence_keeps_its_vietnamese_name_on_download(
    client_for, movement, indicator
):
    from thidua.movements.services.progress import report_progress

    name = 'Báo cáo "quý 2"; bản cuối.pdf'
    report = report_progress(
        indicator,
        reported_on=datetime.date(2026, 6, 30),
        value=Decimal(70),
        evidence=SimpleUploadedFile(name, PDF),
    )
    response = client_for("officer").get(
        reverse("movements:evidence", args=[movement.pk, report.pk])
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="Bao cao _quy 2_ ban cuoi.pdf"; '
        "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22qu%C3%BD%202%22%3B%20"
        "b%E1%BA%A3n%20cu%E1%BB%91i.pdf"
    )
    assert b"".join(response.streaming_content) == PDF  # consumed: file closed
