from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _

from thidua.common import fts  # registers the FTS5 system check


class CommonConfig(AppConfig):
    name = "thidua.common"
    label = "common"
    verbose_name = _("Chung")

    def ready(self):
        # Every app's audit action labels (their actions.py), and the check that
        # every action the code writes has one.
        from django.utils.module_loading import autodiscover_modules  # noqa: PLC0415 (needs the app registry)

        from . import checks  # noqa: F401, PLC0415 (registers the system check)

        autodiscover_modules("actions")
        # SQLite drops a table's triggers when a migration rebuilds it: put the search
        # index's back (and refill it) after every migrate.
        post_migrate.connect(fts.repair, sender=self, dispatch_uid="thidua-fts-repair")
        # A signed checkpoint of the audit chain at every install and upgrade.
        from .services.audit import checkpoint_after_migrate  # noqa: PLC0415 (models are ready now)

        post_migrate.connect(
            checkpoint_after_migrate,
            sender=self,
            dispatch_uid="thidua-audit-checkpoint",
        )

        # The query planner's statistics after every install and upgrade (planner.py).
        post_migrate.connect(
            _refresh_statistics, sender=self, dispatch_uid="thidua-planner-statistics"
        )
        # Every text stored by a thidua model is NFC (common/normalise.py).
        from .normalise import normalise_on_save  # noqa: PLC0415 (needs the app registry)

        pre_save.connect(normalise_on_save, dispatch_uid="thidua-nfc")


def _refresh_statistics(sender, using="default", **kwargs) -> None:
    from .planner import refresh_statistics  # noqa: PLC0415 (the database is ready)

    refresh_statistics(using)
