"""``thidua backup ĐƯỜNG_DẪN [--include-keys] [--keep-daily N --keep-weekly N
--keep-monthly N]``: one archive with a consistent copy of the database, the uploads
and generated documents, and a manifest; in a folder, optionally the older dated
backups pruned (docs/backup.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from thidua.common.backup import BackupError, create_backup
from thidua.common.backup.prune import prune

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
        for period, default_help in (
            ("daily", "ngày"),
            ("weekly", "tuần"),
            ("monthly", "tháng"),
        ):
            parser.add_argument(
                f"--keep-{period}",
                type=int,
                metavar="N",
                help=f"Khi ĐƯỜNG_DẪN là thư mục: giữ bản mới nhất của mỗi {default_help} "
                f"trong N {default_help} gần nhất, xóa các bản thidua-*.tar.gz cũ khác.",
            )

    def handle(self, *args, **options):
        policy = {
            period: options[f"keep_{period}"] or 0
            for period in ("daily", "weekly", "monthly")
        }
        pruning = any(options[f"keep_{p}"] is not None for p in policy)
        folder = Path(options["path"])
        if pruning and not (folder.is_dir() or options["path"].endswith("/")):
            raise CommandError("--keep-… chỉ dùng khi ĐƯỜNG_DẪN là một thư mục.")
        try:
            result = create_backup(
                options["path"], include_keys=options["include_keys"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if result.path.resolve().is_relative_to(Path(settings.DATA_DIR)):
            self.stderr.write(
                self.style.WARNING(
                    "Cảnh báo: bản sao lưu nằm trong thư mục dữ liệu; hãy lưu ở ổ đĩa "
                    "hoặc máy khác (quy tắc 3-2-1, docs/backup.md)."
                )
            )
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
        if pruning:
            for path in prune(result.path.parent, protect=result.path, **policy):
                self.stdout.write(f"  Đã xóa bản sao lưu cũ {path.name}")
