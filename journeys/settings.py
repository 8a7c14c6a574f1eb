"""The one settings file. Every knob is an environment variable; the defaults run on a laptop.

See docs/configuration.md for the full list (a test keeps that page and this file in step).
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from journeys.lib.env import envbool, envint, envlist, envstr, local_secret

BASE_DIR = Path(__file__).resolve().parent.parent

DATA_DIR = Path(envstr("JOURNEYS_DATA_DIR", str(BASE_DIR / "var"))).resolve()

DEBUG = envbool("JOURNEYS_DEBUG", False)
# Without a configured secret, a laptop keeps its own in the data directory, made on first use.
SECRET_KEY = envstr("JOURNEYS_SECRET_KEY") or local_secret(DATA_DIR / "secret_key")
ALLOWED_HOSTS = envlist("JOURNEYS_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "journeys.core",
    "journeys.accounts",
    "journeys.codebook",
    "journeys.archive",
    "journeys.keys",
    "journeys.vault",
    "journeys.backup",
    "journeys.audit",
    "journeys.protection",
    "journeys.reports",
    "journeys.search",
    "journeys.erasure",
    "journeys.demo",
]

MIDDLEWARE = [
    # First, so it sees every response last (journeys/core/middleware.py).
    "journeys.core.middleware.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, so static files (answered by it) skip these two.
    "csp.middleware.CSPMiddleware",
    "journeys.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "journeys.accounts.middleware.UserLanguageMiddleware",
    "journeys.accounts.middleware.RoleRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "journeys.core.fail_closed.FailClosedMiddleware",
    # Runs before any view hook (RoleRequiredMiddleware.process_view), with messages available.
    "journeys.accounts.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "journeys.urls"
WSGI_APPLICATION = "journeys.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "journeys" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "journeys.core.context_processors.navigation",
                "journeys.search.context_processors.search_box",
            ],
        },
    },
]

# SQLite is the embedded default. WAL lets readers go on while one writer writes; IMMEDIATE
# takes the write lock at BEGIN so two writers queue on the busy timeout instead of failing
# with "database is locked" half-way through a transaction.
_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": envint("JOURNEYS_SQLITE_TIMEOUT", 20, minimum=1),
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}
DATABASE_URL = envstr("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(_SQLITE_OPTIONS)
    # One test database per process, so two test runs against one server never share it.
    DATABASES["default"]["TEST"] = {"NAME": f"test_journeys_{os.getpid()}"}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "journeys.sqlite3",
            "OPTIONS": dict(_SQLITE_OPTIONS),
            # Tests use a real file too (Django would default to an in-memory database), one
            # per process so that two test runs on one machine never share it.
            "TEST": {"NAME": str(Path(tempfile.gettempdir()) / f"journeys-test-{os.getpid()}.db")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 15},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_AGE = envint("JOURNEYS_SESSION_HOURS", 12, minimum=1) * 3600
# A sign-in ends after this long without a request, and in any case after SESSION_COOKIE_AGE
# (SessionLimitsMiddleware checks both on the server; the cookie's age is only a hint).
JOURNEYS_IDLE_MINUTES = envint("JOURNEYS_IDLE_MINUTES", 15, minimum=1)
# Dangerous actions (decorated with recent_auth_required) ask again for password and code.
JOURNEYS_REAUTH_MINUTES = envint("JOURNEYS_REAUTH_MINUTES", 5, minimum=1)
# Failed sign-ins: this many for one user name, or from one address, within the window lock
# further attempts (whatever the password) for the lock time.
JOURNEYS_SIGNIN_MAX_FAILURES = envint("JOURNEYS_SIGNIN_MAX_FAILURES", 5, minimum=1)
JOURNEYS_SIGNIN_MAX_ADDRESS_FAILURES = envint("JOURNEYS_SIGNIN_MAX_ADDRESS_FAILURES", 20, minimum=1)
JOURNEYS_SIGNIN_WINDOW_MINUTES = envint("JOURNEYS_SIGNIN_WINDOW_MINUTES", 15, minimum=1)
JOURNEYS_SIGNIN_LOCK_MINUTES = envint("JOURNEYS_SIGNIN_LOCK_MINUTES", 15, minimum=1)
# The name authenticator apps show beside the code. A phone can be searched at a border:
# an organisation may prefer a name that says nothing.
OTP_TOTP_ISSUER = envstr("JOURNEYS_TOTP_ISSUER", "Journeys")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# No script reads the CSRF cookie: htmx sends the token from the page (hx-headers on <body>).
CSRF_COOKIE_HTTPONLY = True

# The production profile (docs/deployment.md). A laptop serves http://127.0.0.1 and needs none
# of it; a server behind TLS sets JOURNEYS_HTTPS=1, and `journeys check --deploy` then passes.
JOURNEYS_HTTPS = envbool("JOURNEYS_HTTPS", False)
# Behind a reverse proxy that terminates TLS: believe its X-Forwarded-Proto and
# X-Forwarded-For, and only when the connection comes from JOURNEYS_PROXY_ADDRESS.
JOURNEYS_BEHIND_PROXY = envbool("JOURNEYS_BEHIND_PROXY", False)
JOURNEYS_PROXY_ADDRESS = envstr("JOURNEYS_PROXY_ADDRESS", "127.0.0.1")
SECURE_SSL_REDIRECT = JOURNEYS_HTTPS
SESSION_COOKIE_SECURE = JOURNEYS_HTTPS
CSRF_COOKIE_SECURE = JOURNEYS_HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if JOURNEYS_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = JOURNEYS_HTTPS
# Preloading is a promise to browser vendors that is slow to take back: off unless asked.
SECURE_HSTS_PRELOAD = JOURNEYS_HTTPS and envbool("JOURNEYS_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if JOURNEYS_HTTPS:
    # Browsers keep a __Host- cookie only if it is Secure, has no Domain and Path=/: a
    # sibling sub-domain cannot plant or overwrite it.
    SESSION_COOKIE_NAME = "__Host-journeys_session"
    CSRF_COOKIE_NAME = "__Host-journeys_csrf"
if JOURNEYS_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): scripts, styles and everything else only from this
# server, no inline script or style, never framed, forms post only here. htmx is configured in
# base.html not to inject its indicator <style> nor to evaluate code from attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The enrolment QR code is inline SVG; data: covers a favicon or image a browser
        # builds itself. Nothing is ever loaded from another host.
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "journeys_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LOCALE_PATHS = [BASE_DIR / "journeys" / "locale"]
USE_I18N = True
TIME_ZONE = envstr("JOURNEYS_TIME_ZONE", "Asia/Seoul")
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "journeys" / "static"]
# WhiteNoise serves the few static files straight from the app directories, so `journeys serve`
# needs no web server in front and no collectstatic step on a laptop.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploaded files (recordings, later) are never served by URL; they are readable only by the
# account that runs Journeys.
MEDIA_ROOT = DATA_DIR / "media"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# A testimony segment longer than this is refused: a pasted book is a mistake, not a segment.
JOURNEYS_MAX_SEGMENT_CHARS = envint("JOURNEYS_MAX_SEGMENT_CHARS", 20000, minimum=100)
# The longest line `journeys detect` and `journeys pseudonymise` read: a longer one gets an
# error line instead of minutes of work and gigabytes of memory (200,000 characters: 44 s).
JOURNEYS_MAX_LINE_CHARS = envint("JOURNEYS_MAX_LINE_CHARS", 100_000, minimum=100)
# The longest transcript (both languages together) an interview may have: it bounds the work
# of one review page (detection) and the size of one editor's POST.
JOURNEYS_MAX_TRANSCRIPT_CHARS = envint(
    "JOURNEYS_MAX_TRANSCRIPT_CHARS", 320_000, minimum=JOURNEYS_MAX_SEGMENT_CHARS
)
# The editor posts the whole transcript: room for it URL-encoded (up to 12 bytes a character,
# %XX for each of 4 UTF-8 bytes) and the rows' other fields, so a transcript within the limit
# above is never refused with a bare 400; anything larger is not a transcript.
DATA_UPLOAD_MAX_MEMORY_SIZE = JOURNEYS_MAX_TRANSCRIPT_CHARS * 12 + 1024 * 1024
# 3 fields a passage, for the editor's 2,000 passages at most, and the management form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000 * 3 + 100
JOURNEYS_PAGE_SIZE = envint("JOURNEYS_PAGE_SIZE", 50, minimum=1)
# The smallest count a published statistic may show (journeys/reports/disclosure.py).
JOURNEYS_MIN_CELL = envint("JOURNEYS_MIN_CELL", 10, minimum=3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_refusals": {"()": "journeys.core.logging.OneLineRefusals"}},
    # Refused requests (4xx) are one line each, not a traceback (journeys/core/logging.py).
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line_refusals"]},
    },
    "root": {"handlers": ["console"], "level": envstr("JOURNEYS_LOG_LEVEL", "WARNING")},
}
