"""Test settings: the base settings with fast hashing and jobs run in-process."""

import os
import tempfile

os.environ.setdefault("THIDUA_DATA_DIR", tempfile.mkdtemp(prefix="thidua-test-"))

from .base import *  # noqa: E402, F403
from .base import HUEY  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
HUEY["immediate"] = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
# Tests read their own writes at once; tests/api/test_count_cache.py turns it on.
THIDUA_API_COUNT_CACHE_SECONDS = 0
# Test databases roll back and reuse ids: a cached scope could outlive its tree.
THIDUA_SCOPES_CACHE_SECONDS = 0
# Test databases roll back: a cached year of day swaps could outlive its rows.
THIDUA_WORKDAYS_CACHE_SECONDS = 0
# An audit code written without a Vietnamese label fails the test that writes it
# (thidua.common.services.audit); production only has the start-up check (E101).
THIDUA_STRICT_AUDIT_LABELS = True
