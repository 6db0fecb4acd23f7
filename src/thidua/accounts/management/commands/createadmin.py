"""Create a system administrator account."""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị hệ thống."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-env",
            default="THIDUA_ADMIN_PASSWORD",
            help="Biến môi trường chứa mật khẩu (nếu không có sẽ hỏi).",
        )

    def handle(self, *args, **options):
        password = os.environ.get(options["password_env"])
        if not password:
            password = getpass.getpass("Mật khẩu: ")
            if password != getpass.getpass("Nhập lại mật khẩu: "):
                raise CommandError("Hai lần nhập mật khẩu không khớp.")
        try:
            create_account(
                username=options["username"],
                password=password,
                email=options["email"],
                first_name="Quản trị",
                roles=[(Role.ADMIN, None, None)],
            )
        except ValidationError as exc:
            problems = exc.message_dict if hasattr(exc, "error_dict") else {}
            if "password" in problems:
                raise CommandError(
                    "Mật khẩu không đạt yêu cầu: " + " ".join(problems["password"])
                ) from exc
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Đã tạo tài khoản quản trị “{options['username']}”.")
        )
