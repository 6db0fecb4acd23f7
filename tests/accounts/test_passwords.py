"""The password policy: Django's list, a Vietnamese list and patterns compared without
accents, case or signs; Vietnamese messages; applied wherever a password is set."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from thidua.accounts.models import User

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db
COMMON = "Mật khẩu này quá phổ biến, dễ bị đoán."
ONE_WORD = "Mật khẩu chỉ là một từ phổ biến"
A_NAME = "Mật khẩu chỉ là một tên người thêm số"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("matkhau123456", COMMON),
        ("Mật khẩu 123", COMMON),  # accents, case and spaces do not help
        ("MAT KHAU 123", COMMON),
        ("Anh yêu em!!", COMMON),
        ("emyeuanh", COMMON),
        ("1234567890", COMMON),
        ("iloveyou123", COMMON),
        ("quản trị hệ thống", COMMON),
        ("Thidua2026", ONE_WORD),
        ("thi đua 2026!", ONE_WORD),
        ("2026@ThiDua", ONE_WORD),
        ("anhyeuem2024", ONE_WORD),
        ("yêu em 123456", ONE_WORD),
        ("m@tkh@u2026", ONE_WORD),
        ("Khen thưởng 2025", ONE_WORD),
        ("UBND@2026!", ONE_WORD),
        ("Sở Nội vụ 2026", ONE_WORD),
        ("pa55word2024", ONE_WORD),
        ("Nguyễn Văn An 1990", A_NAME),
        ("nguyenthihuong1985", A_NAME),
        ("Lan.1995.1995", A_NAME),
    ],
)
def test_common_vietnamese_passwords_are_refused(password, message):
    with pytest.raises(ValidationError) as exc:
        validate_password(password, User(username="khac"))
    assert any(m.startswith(message) for m in exc.value.messages), exc.value.messages


@pytest.mark.parametrize(
    "password",
    [
        PASSWORD,
        "thidua-demo-2026",
        "mot-mat-khau-dai-2026",
        "Đèo Mã Phục bảy khúc",
        "correct horse battery staple",
        "Lạng Sơn mùa hoa đào 2026",
    ],
)
def test_ordinary_passphrases_pass(password):
    validate_password(password, User(username="khac"))


def test_every_message_is_vietnamese():
    user = User(username="anh.nv", first_name="Ánh", last_name="Nguyễn Văn")
    with pytest.raises(ValidationError) as exc:
        validate_password("12345", user)
    assert exc.value.messages == [
        "Mật khẩu quá ngắn: cần ít nhất 10 ký tự.",
        "Mật khẩu này quá phổ biến, dễ bị đoán.",
        "Mật khẩu không được chỉ gồm chữ số.",
    ]
    with pytest.raises(ValidationError) as exc:
        validate_password("nguyen van anh", user)  # the name, without accents
    assert "Mật khẩu quá giống họ và đệm của tài khoản." in exc.value.messages


def test_admin_creating_an_account(client_for):
    response = client_for("admin").post(
        reverse("accounts:account-create"),
        {
            "username": "moi.nv",
            "last_name": "Trần Văn",
            "first_name": "Mới",
            "password": "Mật khẩu 123456",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password"] == [COMMON]
    assert not User.objects.filter(username="moi.nv").exists()


def test_admin_setting_a_password(client_for, users):
    response = client_for("admin").post(
        reverse("accounts:account-password", args=[users["staff"].pk]),
        {"password": "Thidua2026!"},
    )
    assert response.status_code == 200
    errors = response.context["password_form"].errors["password"]
    assert errors[0].startswith(ONE_WORD)
    users["staff"].refresh_from_db()
    assert users["staff"].check_password(PASSWORD)


def test_changing_ones_own_password(client_for, users):
    response = client_for("staff").post(
        reverse("accounts:password-change"),
        {
            "old_password": PASSWORD,
            "new_password1": "anhyeuem2024",
            "new_password2": "anhyeuem2024",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"][0].startswith(ONE_WORD)
    users["staff"].refresh_from_db()
    assert users["staff"].check_password(PASSWORD)


def test_createadmin(monkeypatch, db):
    monkeypatch.setenv("THIDUA_ADMIN_PASSWORD", "matkhau@2026")
    with pytest.raises(CommandError) as exc:
        call_command("createadmin", "--username", "quantri")
    assert str(exc.value).startswith("Mật khẩu không đạt yêu cầu: " + ONE_WORD)
    assert not User.objects.filter(username="quantri").exists()
    monkeypatch.setenv("THIDUA_ADMIN_PASSWORD", "Lạng Sơn mùa hoa đào 2026")
    call_command("createadmin", "--username", "quantri")
    assert User.objects.get(username="quantri").check_password(
        "Lạng Sơn mùa hoa đào 2026"
    )
