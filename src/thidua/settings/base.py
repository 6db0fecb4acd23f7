"""Settings for thidua. Every deploy-specific value comes from the environment.

Defaults give an embedded install: SQLite and the huey queue under THIDUA_DATA_DIR.
A ``postgres://`` THIDUA_DATABASE_URL switches to PostgreSQL; THIDUA_REDIS_URL moves
the job queue to Redis.
"""

import ipaddress
import warnings
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from thidua.common import keys

env = environ.Env()

# cryptography 51 deprecates DSA; pyHanko 0.38 imports its key classes to recognise
# such keys. thidua makes and accepts no DSA keys: keep the server log quiet about it.
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env.str("THIDUA_DATA_DIR", default=str(Path.cwd() / "data"))).resolve()
# Owner-only: the data folder (0700) and its database and key files (0600).
keys.secure_data_dir(DATA_DIR)
# Keys live apart from the data folder (docs/backup.md): a copy of the database and
# the uploads alone does not decrypt the signing credentials nor sign checkpoints.
KEYS_DIR = Path(
    env.str("THIDUA_KEYS_DIR", default=str(keys.default_keys_dir(DATA_DIR)))
).resolve()
NODE_MODULES_DIR = Path(
    env.str(
        "THIDUA_NODE_MODULES", default=str(PACKAGE_DIR.parent.parent / "node_modules")
    )
)

DEBUG = env.bool("THIDUA_DEBUG", default=False)
PRODUCTION = env.bool("THIDUA_PRODUCTION", default=False)

_secret = env.str("THIDUA_SECRET_KEY", default="")
if not _secret:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "THIDUA_SECRET_KEY phải được đặt khi chạy production."
        )
    # Embedded installs keep a generated key in the keys folder (older installs: in
    # the data folder, still read), never in git.
    try:
        _secret = keys.secret_key_from_files(KEYS_DIR, DATA_DIR)
    except keys.KeyFileError as exc:
        raise ImproperlyConfigured(str(exc)) from exc
SECRET_KEY = _secret

ALLOWED_HOSTS = env.list("THIDUA_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("THIDUA_CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "thidua.common.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "axes",
    "csp",
    "huey.contrib.djhuey",
    "ninja",
    "thidua.common",
    "thidua.accounts",
    "thidua.organizations",
    "thidua.documents",
    "thidua.awards",
    "thidua.movements",
    "thidua.councils",
    "thidua.decisions",
    "thidua.nominations",
    "thidua.submissions",
    "thidua.exchange",
    "thidua.api",
    "thidua.reports",
    "thidua.site",
]

MIDDLEWARE = [
    "thidua.common.middleware.HealthCheckMiddleware",
    "thidua.common.middleware.ProxyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "thidua.common.middleware.RequestIdMiddleware",
    "thidua.common.middleware.ControlCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "thidua.common.middleware.LoginRequiredMiddleware",
    "thidua.common.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "thidua.accounts.middleware.ForcedPasswordChangeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    }
]

# --- Database -------------------------------------------------------------------
DATABASE_URL = env.str("THIDUA_DATABASE_URL", default="")
if DATABASE_URL:
    DATABASES = {"default": env.db_url_config(DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "thidua.sqlite3"),
        }
    }
# WAL lets the web server and the worker share the file; IMMEDIATE takes the write
# lock at BEGIN so concurrent writers wait instead of failing mid-way; FULL syncs
# every commit (durable across power loss).
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;"
    ),
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("THIDUA_DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and security -------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "thidua.accounts.backends.PasswordBackend",
]
# Django's checks with Vietnamese messages, plus passwords common in Vietnam
# (accounts/passwords.py), compared without accents, case or punctuation.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "thidua.accounts.passwords.UserAttributeSimilarityValidator"},
    {
        "NAME": "thidua.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "thidua.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "thidua.accounts.passwords.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# 15 minutes idle (TCVN session lock), 8 hours absolute.
SESSION_COOKIE_AGE = env.int("THIDUA_SESSION_IDLE_SECONDS", default=15 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_SECONDS = env.int("THIDUA_SESSION_ABSOLUTE_SECONDS", default=8 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Failed logins (and failed API tokens) are counted in the database by django-axes, so
# every worker process sees the same counts (accounts/lockout.py): per account and
# address, per account from any address, per address for any account.
THIDUA_LOGIN_FAILURE_LIMIT = env.int("THIDUA_LOGIN_FAILURE_LIMIT", default=5)
THIDUA_LOGIN_ACCOUNT_FAILURE_LIMIT = env.int(
    "THIDUA_LOGIN_ACCOUNT_FAILURE_LIMIT", default=10
)
THIDUA_LOGIN_IP_FAILURE_LIMIT = env.int("THIDUA_LOGIN_IP_FAILURE_LIMIT", default=30)
AXES_HANDLER = "thidua.accounts.lockout.LoginFailureHandler"
AXES_FAILURE_LIMIT = THIDUA_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = env.float("THIDUA_LOGIN_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout are refused without being counted, so the time the
# lockout page announces is the time it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "thidua.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "thidua.accounts.lockout.axes_client_ip"
AXES_VERBOSE = False

HTTPS = env.bool("THIDUA_HTTPS", default=PRODUCTION)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env.bool("THIDUA_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or
# networks); from anyone else those headers are dropped (common/proxy.py). Empty: no
# proxy. THIDUA_BEHIND_PROXY=true (older installs) means a proxy on this machine.
THIDUA_PROXY_IPS = env.list("THIDUA_PROXY_IPS", default=[])
if not THIDUA_PROXY_IPS and env.bool("THIDUA_BEHIND_PROXY", default=False):
    THIDUA_PROXY_IPS = ["127.0.0.1", "::1"]
for _proxy in THIDUA_PROXY_IPS:
    try:
        ipaddress.ip_network(_proxy)
    except ValueError:
        raise ImproperlyConfigured(
            f"THIDUA_PROXY_IPS: “{_proxy}” không phải địa chỉ IP hay dải mạng hợp lệ "
            "(ví dụ 10.0.0.5 hoặc 10.0.0.0/24)."
        ) from None
if THIDUA_PROXY_IPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Upload limits: request bodies and each uploaded file (checked in forms too).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploads and generated documents: owner-only, like the rest of the data folder.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Titles (catalog codes) the head decides without the Hội đồng TĐKT (issue #14): the
# texts read do not establish any (Luật TĐKT 2022, NĐ 98/2023: the council advises on
# the agency's commendations), so none by default; an agency whose rules say otherwise
# lists the codes here and states the basis each time (docs/ballots.md).
THIDUA_COUNCIL_NOT_REQUIRED_CODES = env.list(
    "THIDUA_COUNCIL_NOT_REQUIRED_CODES", default=[]
)
# Pass rules of the council's secret ballot under NĐ 152/2025 (and later regimes carried
# over from it; issue #14): its counterpart of NĐ 98/2023 Điều 30 khoản 7 was not read
# and no change was reported, so by default the NĐ 98 figures are carried over (90 % of
# all members for CSTĐ toàn quốc, CSTĐ bộ/tỉnh; 80 % for CSTĐCS, Cờ thi đua bộ/tỉnh,
# Cờ thi đua Chính phủ), cited as below. An admin who has read NĐ 152 overrides per
# catalog code ("CSTDCS=4/5,CO_CP=90%"; "-" for none) and sets the source printed in
# the tally record and the minutes (docs/ballots.md, "Pass rules").
THIDUA_COUNCIL_PASS_RULES_ND152 = env.dict(
    "THIDUA_COUNCIL_PASS_RULES_ND152", default={}
)
THIDUA_COUNCIL_PASS_RULES_ND152_SOURCE = env.str(
    "THIDUA_COUNCIL_PASS_RULES_ND152_SOURCE", default=""
)
# The 2026 amendment of the Law (Luật 06/2026/QH16, from 01/10/2026; issue #16): its
# text was not read, so its rules stay those of NĐ 152/2025. Changes that were only
# reported are turned on here, by name, once an admin has read the text
# (docs/operations.md, "Quy định pháp luật"): cstdcs_htxs_and_initiative (CSTĐCS needs
# HTXS and an initiative), bk_bo_tinh_two_cstdcs_only (Bằng khen bộ/tỉnh: 02 consecutive
# CSTĐCS only). They apply to the 2026 regime only.
LAW2026_CHANGE_NAMES = ("cstdcs_htxs_and_initiative", "bk_bo_tinh_two_cstdcs_only")
THIDUA_LAW2026_CHANGES = env.list("THIDUA_LAW2026_CHANGES", default=[])
if unknown := sorted(set(THIDUA_LAW2026_CHANGES) - set(LAW2026_CHANGE_NAMES)):
    raise ImproperlyConfigured(
        f"THIDUA_LAW2026_CHANGES: không biết {', '.join(unknown)}; chỉ nhận "
        + ", ".join(LAW2026_CHANGE_NAMES)
    )
THIDUA_MAX_UPLOAD_BYTES = env.int("THIDUA_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
THIDUA_MAX_PACKAGE_BYTES = env.int(
    "THIDUA_MAX_PACKAGE_BYTES", default=100 * 1024 * 1024
)
# Every uploaded ZIP (dossier packages, DOCX and XLSX files): at most this many bytes
# once inflated, all entries together (common/zips.py); no entry (and not the whole
# archive) inflating more than THIDUA_MAX_ZIP_RATIO times.
THIDUA_MAX_UNZIPPED_BYTES = env.int(
    "THIDUA_MAX_UNZIPPED_BYTES", default=200 * 1024 * 1024
)
THIDUA_MAX_ZIP_RATIO = env.int("THIDUA_MAX_ZIP_RATIO", default=100)
THIDUA_IMPORT_MAX_ROWS = env.int("THIDUA_IMPORT_MAX_ROWS", default=50_000)
THIDUA_IMPORT_BACKGROUND_ROWS = env.int("THIDUA_IMPORT_BACKGROUND_ROWS", default=500)
# TT 59/2021/TT-BCA Art 7 layout of the CCCD number (province, gender/century, year);
# turn off where legacy data carries numbers that do not follow it.
THIDUA_CCCD_CHECK_CONSISTENCY = env.bool("THIDUA_CCCD_CHECK_CONSISTENCY", default=True)
# Daily e-mail reminders to units whose dissemination confirmation is overdue.
THIDUA_AUTO_REMIND = env.bool("THIDUA_AUTO_REMIND", default=True)

# --- Digital signatures (PAdES) -----------------------------------------------------
# Key encrypting the agencies' PKCS#12 files at rest; empty: derived from SECRET_KEY
# (changing either makes the stored credentials unreadable: upload them again).
# The key may also sit in KEYS_DIR/signing_key (where `thidua restore` puts it back).
THIDUA_SIGNING_KEY = env.str("THIDUA_SIGNING_KEY", default="") or keys.read_key_file(
    KEYS_DIR / keys.SIGNING_KEY_FILE
)
# HMAC key of the audit checkpoints; empty: KEYS_DIR/audit_key, made on first use.
THIDUA_AUDIT_KEY = env.str("THIDUA_AUDIT_KEY", default="")
# Folder of pg_dump / pg_restore for `thidua backup` and `thidua restore` on
# PostgreSQL; empty: the newest /usr/lib/postgresql/*/bin, then PATH.
THIDUA_PG_BIN = env.str("THIDUA_PG_BIN", default="")
# Extra trust anchors (a PEM bundle file, e.g. the national root CA) for verification.
THIDUA_SIGNATURE_TRUST_ROOTS = env.str("THIDUA_SIGNATURE_TRUST_ROOTS", default="")
THIDUA_STAMP_FONT = env.str(
    "THIDUA_STAMP_FONT",
    default="/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyretermes-regular.otf",
)
# A demo install (`thidua demo` turns it on): the personal-certificate pages offer to
# make a self-signed test certificate. Never on a real install: the server makes the key.
THIDUA_TEST_CERTIFICATES = env.bool("THIDUA_TEST_CERTIFICATES", default=False)
# Uploads per IP address and hour on the public document checker.
THIDUA_PUBLIC_VERIFY_PER_HOUR = env.int("THIDUA_PUBLIC_VERIFY_PER_HOUR", default=30)
# Comments on a public notice from one address per hour (anonymous form).
THIDUA_PUBLIC_COMMENTS_PER_HOUR = env.int("THIDUA_PUBLIC_COMMENTS_PER_HOUR", default=10)
# Role scopes (agency subtrees) kept this long under a key of the roles and the tree's
# stamp, both read on every request (0: recompute every request).
THIDUA_SCOPES_CACHE_SECONDS = env.int("THIDUA_SCOPES_CACHE_SECONDS", default=300)
# API lists remember their total count this long (0: count on every page).
THIDUA_API_COUNT_CACHE_SECONDS = env.int("THIDUA_API_COUNT_CACHE_SECONDS", default=30)
# Statistical form 0601 (số phong trào thi đua) — both [U]: which movements belong to a
# reporting period ("phat_dong": launched in it; "dien_ra": running during it), and the
# agency codes counted as "Cấp Trung ương (HĐTĐKT Trung ương)".
THIDUA_REPORT_MOVEMENTS = env.str("THIDUA_REPORT_MOVEMENTS", default="phat_dong")
THIDUA_REPORT_NATIONAL_AGENCIES = env.list(
    "THIDUA_REPORT_NATIONAL_AGENCIES", default=[]
)

# --- i18n ----------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["thidua.formats"]

# --- Static and media -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
# Only the built files of the npm packages are served (not their sources).
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES_DIR / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES_DIR / "bootstrap-icons" / "font"),
    ("vendor/chart.js", NODE_MODULES_DIR / "chart.js" / "dist"),
]
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# --- Background jobs -------------------------------------------------------------
REDIS_URL = env.str("THIDUA_REDIS_URL", default="")
if REDIS_URL:
    HUEY = {"huey_class": "huey.RedisHuey", "name": "thidua", "url": REDIS_URL}
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "thidua",
        "filename": str(DATA_DIR / "huey.sqlite3"),
    }
HUEY["immediate"] = env.bool("THIDUA_JOBS_IMMEDIATE", default=False)
HUEY["consumer"] = {"workers": 2, "worker_type": "thread"}
# A job whose worker shows no life for this long (another machine's worker; a dead
# process on this machine is noticed at once) is queued again (thidua.common.jobs).
THIDUA_JOB_STALE_SECONDS = env.int("THIDUA_JOB_STALE_SECONDS", default=900)
# Starts after which a job that keeps killing its worker is marked failed instead.
THIDUA_JOB_MAX_ATTEMPTS = env.int("THIDUA_JOB_MAX_ATTEMPTS", default=3)
# Test settings turn this on: writing an audit code without a Vietnamese label raises.
THIDUA_STRICT_AUDIT_LABELS = False

# --- Mail and logging ---------------------------------------------------------------
# The administrator's SMTP server (docs/operations.md); without one, mail is written
# to the log (console backend).
EMAIL_HOST = env.str("THIDUA_EMAIL_HOST", default="")
EMAIL_PORT = env.int("THIDUA_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("THIDUA_EMAIL_USER", default="")
EMAIL_HOST_PASSWORD = env.str("THIDUA_EMAIL_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("THIDUA_EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("THIDUA_EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("THIDUA_EMAIL_TIMEOUT", default=20)
EMAIL_BACKEND = env.str(
    "THIDUA_EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env.str("THIDUA_FROM_EMAIL", default="thidua@localhost")
# "Quên mật khẩu": reset requests one address may make in an hour; a link lasts a day.
THIDUA_PASSWORD_RESET_LIMIT = env.int("THIDUA_PASSWORD_RESET_LIMIT", default=5)
PASSWORD_RESET_TIMEOUT = 24 * 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "thidua.common.logging.RedactFilter"}},
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact"],
            "formatter": "plain",
        }
    },
    "root": {
        "handlers": ["console"],
        "level": env.str("THIDUA_LOG_LEVEL", default="INFO"),
    },
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Public address -------------------------------------------------------------------
# The address printed in certificate QR codes; agencies often serve staff on an internal
# host, so the public one is configured rather than taken from the request.
PUBLIC_BASE_URL = env.str("THIDUA_PUBLIC_BASE_URL", default="").rstrip("/")

# --- Working days (deadlines, public notice periods) -------------------------------
# Public holidays come from the `holidays` package (Vietnam: Tết, Giỗ Tổ, nghỉ bù); each
# year's official swaps are entered by the administrator on the page "Ngày nghỉ, làm bù"
# (common/workdays.py, docs/operations.md). A year's entries are cached this long per
# cache (0: read on every count); a change drops them at once from the shared cache.
THIDUA_WORKDAYS_CACHE_SECONDS = env.int("THIDUA_WORKDAYS_CACHE_SECONDS", default=300)
# Codes whose nominations must go through a public notice before a decision or an upward
# submission (NĐ 98/2023 Art 46: CSTĐ toàn quốc); others may be published optionally.
THIDUA_NOTICE_REQUIRED_CODES = frozenset(
    env.list("THIDUA_NOTICE_REQUIRED_CODES", default=["CSTDTQ"])
)

# REST API tokens: the longest validity an owner may choose.
THIDUA_API_TOKEN_MAX_DAYS = env.int("THIDUA_API_TOKEN_MAX_DAYS", default=365)
