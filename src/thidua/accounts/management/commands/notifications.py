"""``thidua notifications send`` mails what is due now; ``thidua notifications digest``
sends the daily digests (the worker does both on its own; this is for a cron without
the worker, or to try the SMTP settings)."""

from django.core.management.base import BaseCommand

from thidua.accounts.notifications import send_digests, send_due_mail


class Command(BaseCommand):
    help = "Gửi thư thông báo đang chờ (send) hoặc thư tổng hợp hằng ngày (digest)."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["send", "digest"])

    def handle(self, *args, **options):
        if options["what"] == "send":
            self.stdout.write(f"Đã gửi {send_due_mail()} thư thông báo.")
        else:
            self.stdout.write(f"Đã gửi {send_digests()} thư tổng hợp.")
