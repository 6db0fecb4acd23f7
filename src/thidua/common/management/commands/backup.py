"""``thidua backup ĐƯỜNG_DẪN [--include-keys]``: one archive with a consistent copy of
the database, the uploads and generated documents, and a manifest (docs/backup.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from thidua.common.backup import BackupError, create_backup

KEYS_WARNING = """
CẢNH BÁO: bản sao lưu này CHỨA KHÓA BÍ MẬT ({keys}).
Ai có tệp này có thể giải mã chứng thư số của cơ quan, giả chữ ký phiên đăng nhập và
ký giả mốc kiểm chứng nhật ký. Cất giữ nó như cất khóa: mã hóa, để riêng khỏi các bản
sao lưu thường, chỉ người được giao giữ khóa mới được truy cập (docs/backup.md).
"""


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (bản sao nhất quán), tệp tải lên và văn bản đã tạo "
        "vào một tệp .tar.gz (hoặc .tar) có manifest và mã SHA-256."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            help="Tệp đích (.tar.gz, .tgz hoặc .tar), hoặc một thư mục: tệp "
            "thidua-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY.tar.gz trong đó.",
        )
        parser.add_argument(
            "--include-keys",
            action="store_true",
            help="Kèm các khóa bí mật (SECRET_KEY, khóa chứng thư số, khóa mốc kiểm "
            "chứng). Tệp khi đó phải được cất giữ như khóa.",
        )

    def handle(self, *args, **options):
        try:
            result = create_backup(
                options["path"], include_keys=options["include_keys"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu vào {result.path} ({filesizeformat(result.size)})."
            )
        )
        self.stdout.write(
            f"  cơ sở dữ liệu {manifest['engine']}: {len(manifest['tables'])} bảng, "
            f"{rows} dòng; nhật ký thao tác đến mục #{manifest['audit']['seq']}"
        )
        self.stdout.write(
            f"  tệp: {manifest['media']['files']} tệp "
            f"({filesizeformat(manifest['media']['bytes'])})"
        )
        for path in result.skipped:
            self.stderr.write(f"  Bỏ qua (không sao lưu): {path}")
        if manifest["keys"]:
            self.stderr.write(
                self.style.WARNING(
                    KEYS_WARNING.format(keys=", ".join(manifest["keys"]))
                )
            )
        else:
            self.stdout.write(
                "  không kèm khóa bí mật: giữ các khóa ở nơi riêng (docs/backup.md)."
            )
