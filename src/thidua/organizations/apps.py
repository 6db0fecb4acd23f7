from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "thidua.organizations"
    label = "organizations"
    verbose_name = _("Tổ chức và cán bộ")

    def ready(self):
        from thidua.common.jobs import Durable, register_durable  # noqa: PLC0415 (apps load before their modules)

        from . import reporting, search  # noqa: F401, PLC0415 (register its search index and report sources)

        register_durable(
            Durable(
                name="organizations.staff_import",
                model="organizations.StaffImport",
                active=("queued", "running"),
                task="thidua.organizations.tasks:task_import_staff",
                give_up="thidua.organizations.services.staff_import:give_up_staff_import",
            )
        )
