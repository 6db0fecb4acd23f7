"""Every stored text is NFC: text typed or pasted in NFD (macOS, some Vietnamese
keyboards, files from other systems) is normalised by forms, services, imports and the
API, and — under them all — before any thidua model is saved. The audit trail hashes
what it stores, in NFC."""

import hashlib
import io
import json
import unicodedata
import zipfile

import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.urls import reverse

from thidua.common.forms import StyledFormMixin
from thidua.common.models import ActivityLog
from thidua.common.normalise import normalise_on_save
from thidua.common.services.audit import log_action, verify_chain
from thidua.common.text import nfc_data, nfc_text
from thidua.organizations.models import Person

pytestmark = pytest.mark.django_db


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def is_nfc(value) -> bool:
    return json.dumps(value, ensure_ascii=False) == unicodedata.normalize(
        "NFC", json.dumps(value, ensure_ascii=False)
    )


NAME = "Nguyễn Thị Thu Hà"
TEXT = "Hoàn thành xuất sắc nhiệm vụ.\n\nĐược Bộ trưởng tặng Bằng khen."


def test_helpers():
    assert nfd(NAME) != NAME and nfd(TEXT) != TEXT  # the tests below mean something
    assert nfc_text(nfd("  Dòng một  \r\nDòng  hai\r\n")) == "Dòng một\nDòng  hai"
    assert nfc_data({nfd("Tỉnh"): [nfd("Lạng Sơn"), 3, None]}) == {
        "Tỉnh": ["Lạng Sơn", 3, None]
    }


def test_every_model_of_the_project_is_normalised_before_saving():
    """The net under every write: each CharField, TextField and JSONField of each
    thidua model, except the audit trail (hashed as log_action normalised it)."""
    checked = 0
    for model in apps.get_models():
        if not model.__module__.startswith("thidua.") or model._meta.abstract:
            continue
        instance = model()
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for field in fields:
            value = (
                {nfd("Tên"): [nfd(NAME)]}
                if isinstance(field, models.JSONField)
                else nfd(NAME)
            )
            setattr(instance, field.attname, value)
        normalise_on_save(sender=model, instance=instance)
        for field in fields:
            value = getattr(instance, field.attname)
            if model is ActivityLog:
                assert not is_nfc(value), field
            else:
                assert is_nfc(value), (model, field.name)
        checked += bool(fields)
    assert checked > 40


def test_a_plain_orm_save_stores_nfc(org):
    person = org.people["dkkd_staff"]
    person.position = nfd("Phó Trưởng phòng")
    person.save()
    stored = Person.objects.filter(pk=person.pk).values_list("position", flat=True)
    assert stored.get() == "Phó Trưởng phòng"


class _Form(StyledFormMixin, forms.Form):
    name = forms.CharField()
    text = forms.CharField(widget=forms.Textarea)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)


def test_forms_hand_on_nfc_but_passwords_as_typed():
    form = _Form({"name": nfd(NAME), "text": nfd(TEXT), "password": nfd("Mật khẩu")})
    assert form.is_valid()
    assert form.cleaned_data == {
        "name": NAME,
        "text": TEXT,
        "password": nfd("Mật khẩu"),
    }


def test_audit_entries_are_stored_in_nfc_and_still_verify(org):
    with transaction.atomic():
        log_action(
            org.dkkd,
            "people.update",
            data={nfd("ghi chú"): nfd(TEXT)},
            changes={"name": [nfd(NAME), NAME]},
        )
    entry = ActivityLog.objects.latest("seq")
    assert entry.data == {"ghi chú": TEXT, "changes": {"name": [NAME, NAME]}}
    assert verify_chain().ok


def test_movement_sections_from_the_page(client_for, org):
    from tests.movements.factories import make_movement

    movement = make_movement(org)
    url = reverse("movements:movement-section", args=[movement.pk, "purposes"])
    client_for("officer").post(
        url,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-ORDER": "1",
            "form-0-text": nfd("Động viên công chức **thi đua**.\r\nDòng hai."),
        },
    )
    assert list(movement.purposes.values_list("text", flat=True)) == [
        "Động viên công chức **thi đua**.\nDòng hai."
    ]


def test_movement_sections_from_the_service(org):
    from tests.movements.factories import make_movement
    from thidua.movements.services.movement import replace_section

    movement = make_movement(org)
    replace_section(movement, "duties", [{"actor": "don_vi", "text": nfd(TEXT)}])
    replace_section(
        movement,
        "parents",
        [
            {
                "name": nfd("Phong trào “Cả nước thi đua”"),
                "launched_by": nfd("Thủ tướng"),
            }
        ],
    )
    assert movement.duties.get().text == TEXT
    assert movement.parents.get().name == "Phong trào “Cả nước thi đua”"


def test_a_package_from_another_system(org):
    from thidua.submissions.services.package import FORMAT, VERSION, import_package

    pdf = b"%PDF-1.7\n%%EOF"
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "from": {"code": "X", "name": nfd("Sở Nội vụ tỉnh Cao Bằng")},
        "document": {
            "symbol": nfd("09/TTr-SNV"),
            "issued_on": "2026-01-20",
            "summary": nfd("Đề nghị khen thưởng"),
            "signer_title": nfd("Giám đốc"),
            "signer_name": nfd("Nông Văn Ba"),
        },
        "files": [],
        "items": [
            {
                "subject_name": nfd(NAME),
                "code": "CSTD_BO_TINH",
                "year": 2025,
                "achievement": nfd(TEXT),
                "files": [
                    {
                        "path": "ho-so/01.pdf",
                        "kind": "bao_cao_thanh_tich",
                        "name": nfd("Báo cáo thành tích.pdf"),
                        "sha256": hashlib.sha256(pdf).hexdigest(),
                    }
                ],
            }
        ],
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("ho-so/01.pdf", pdf)
    upload = SimpleUploadedFile("goi.zip", out.getvalue())
    submission = import_package(upload, to_agency=org.other, actor=None)
    item = submission.items.get()
    assert (submission.from_name, submission.signer_name) == (
        "Sở Nội vụ tỉnh Cao Bằng",
        "Nông Văn Ba",
    )
    assert (item.subject_name, item.achievement) == (NAME, TEXT)  # paragraphs kept
    assert item.files[0]["name"] == "Báo cáo thành tích.pdf"


def test_an_account_created_with_nfd_names(org):
    from thidua.accounts.services import create_account

    user = create_account(
        username="ha.ntt",
        password="Lạng Sơn mùa hoa đào 2026",
        first_name=nfd("Hà"),
        last_name=nfd("Nguyễn Thị Thu"),
    )
    user.refresh_from_db()
    assert user.get_full_name() == NAME
