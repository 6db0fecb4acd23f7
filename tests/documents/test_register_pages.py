import datetime
import io
import json

import docx
import pytest
from django.db import transaction
from django.urls import reverse

from thidua.documents.models import DocumentLayout, IssuedDocument, LocalDocumentType
from thidua.documents.services.numbering import issue_document

pytestmark = pytest.mark.django_db


def issue(org, agency):
    with transaction.atomic():
        return issue_document(
            type_code="QĐ",
            issued_on=datetime.date(2026, 3, 2),
            summary="Khen thưởng",
            signer_title="Giám đốc",
            signer_name="Vũ Hoàng Quý",
            agency=agency,
        )


def test_register_lists_only_the_officers_agencies(client_for, org):
    own = issue(org, org.skhdt)
    org.other.abbreviation = "STC"
    org.other.save()
    other = issue(org, org.other)
    response = client_for("officer").get(reverse("documents:register"), {"nam": 2026})
    assert [d.symbol for d in response.context["documents"]] == [own.symbol]
    assert (
        client_for("officer")
        .get(reverse("documents:file", args=[other.pk, "pdf"]))
        .status_code
        == 404
    )
    assert client_for("staff").get(reverse("documents:register")).status_code == 403


def test_settings_declare_numbers_and_local_types(client_for, org):
    client = client_for("officer")
    url = reverse("documents:register-settings")
    client.post(url, {"agency": org.skhdt.pk, "year": 2026, "last_number": 41})
    client.post(url, {"agency": org.skhdt.pk, "code": "PD", "name": "Phát động"})
    assert LocalDocumentType.objects.get().code == "PD"
    assert issue(org, org.skhdt).symbol == "42/QĐ-SKHĐT"
    back = client.post(url, {"agency": org.skhdt.pk, "year": 2026, "last_number": 3})
    assert "Sổ đã dùng đến số 42; không thể lùi lại." in back.content.decode()


def test_unknown_local_code_blocks_issuing_and_known_one_warns(client_for, org):
    from ..movements.factories import make_movement

    movement = make_movement(org, type_code="PD", document_title="Phát động")
    client = client_for("officer")
    body = client.get(movement.get_absolute_url()).content.decode()
    assert "Mã loại văn bản “PD” chưa được khai báo trong sổ văn bản đi." in body
    LocalDocumentType.objects.create(agency=org.skhdt, code="PD", name="Phát động")
    body = client.get(movement.get_absolute_url()).content.decode()
    assert "không thuộc Phụ lục III Nghị định 30/2020" in body


def test_admin_edits_a_layout_checked_against_the_decree(client_for, org):
    from thidua.documents.services.render import render_source
    from thidua.movements.services.movement import transition_movement

    from ..decisions.factories import head_of
    from ..movements.factories import make_movement

    client = client_for("admin")
    url = reverse("documents:layouts")
    bad = client.post(
        url, {"kind": "movement", "layout": json.dumps({"margins": {"left_mm": 50}})}
    )
    assert "Lề trái" in bad.content.decode()
    assert not DocumentLayout.objects.exists()
    client.post(
        url, {"kind": "movement", "layout": json.dumps({"margins": {"left_mm": 35}})}
    )
    assert DocumentLayout.objects.get().layout["margins"]["left_mm"] == 35
    # Approved (the signer block is the approver's), not yet numbered.
    movement = transition_movement(make_movement(org), "cho_duyet")
    movement = transition_movement(movement, "da_duyet", actor=head_of(org.skhdt))
    section = docx.Document(
        io.BytesIO(render_source("movement", movement.pk, "docx"))
    ).sections[0]
    assert round(section.left_margin.mm) == 35
    assert client_for("officer").get(url).status_code == 403
    assert IssuedDocument.objects.count() == 0


def test_render_command_by_id_and_by_number(org, tmp_path):
    from django.core.management import CommandError, call_command

    from ..movements.factories import ISSUED_ON, issue_movement, make_movement

    movement = issue_movement(make_movement(org), issued_on=ISSUED_ON)
    by_number = tmp_path / "a.docx"
    call_command(
        "documents",
        "render",
        "movement",
        "01/KH-SKHĐT",
        "--year",
        "2026",
        "--format",
        "docx",
        "-o",
        str(by_number),
    )
    by_id = tmp_path / "b.docx"
    call_command(
        "documents",
        "render",
        "movement",
        str(movement.pk),
        "--format",
        "docx",
        "-o",
        str(by_id),
    )
    assert by_number.read_bytes() == by_id.read_bytes()
    text = "\n".join(p.text for p in docx.Document(str(by_id)).paragraphs)
    assert "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2026" in text
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("documents", "render", "movement", "99/KH-SKHĐT", "-o", str(by_id))
