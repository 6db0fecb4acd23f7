"""Password login without Django's model permissions: every permission in thidua is a
django-rules predicate scoped to the organisation tree, so the per-user and per-group
permission tables are never consulted (and cost no queries)."""

from django.contrib.auth.backends import ModelBackend

__all__ = ["PasswordBackend"]


class PasswordBackend(ModelBackend):
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False
