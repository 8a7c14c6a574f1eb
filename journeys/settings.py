"""The one settings file. Every knob is an environment variable; the defaults run on a laptop.

See docs/configuration.md for the full list (a test keeps that page and this file in step).
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "journeys.core",
    "journeys.accounts",
    "journeys.codebook",
    "journeys.archive",
    "journeys.vault",
    "journeys.audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "journeys.accounts.middleware.UserLanguageMiddleware",
    "journeys.accounts.middleware.RoleRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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

# A testimony segment longer than this is refused: a pasted book is a mistake, not a segment.
JOURNEYS_MAX_SEGMENT_CHARS = envint("JOURNEYS_MAX_SEGMENT_CHARS", 20000, minimum=100)
JOURNEYS_PAGE_SIZE = envint("JOURNEYS_PAGE_SIZE", 50, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("JOURNEYS_LOG_LEVEL", "WARNING")},
}
