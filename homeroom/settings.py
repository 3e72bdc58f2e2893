"""Homeroom's settings, read from the environment with safe local defaults.

Every variable is listed in the README. A bad value stops start-up with a
message that names the variable.
"""

import datetime
import re
from pathlib import Path

import django_stubs_ext

from homeroom import env

django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.text("HOMEROOM_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env.boolean("DEBUG", False)
SECRET_KEY = env.text("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "The environment variable SECRET_KEY is not set. Set it to a long "
            "random string, or set DEBUG=true for a local trial."
        )
    SECRET_KEY = "local-only-insecure-key-for-debug-use"  # noqa: S105

ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.words("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "accounts",
    "records",
    "family",
    "outbox",
    "audit",
    "gradebook",
    "attendance",
    "reports",
    "staff",
    "teaching",
    "office",
    "exchange",
    "demo",
    "rest_framework",
    "drf_spectacular",
    "api",
    "messaging",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.AccountLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.PasswordChangeRequiredMiddleware",
    "staff.middleware.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "homeroom.middleware.PrivacyHeadersMiddleware",
]

ROOT_URLCONF = "homeroom.urls"
WSGI_APPLICATION = "homeroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "homeroom.context_processors.district",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)  # the default SQLite file lives here
DATABASES = {
    "default": env.database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'homeroom.db'}")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Account"
AUTHENTICATION_BACKENDS = ["accounts.backends.AccountBackend"]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "family:children"
LOGOUT_REDIRECT_URL = "accounts:sign_in"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
]

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_SECONDS = env.integer("HOMEROOM_SESSION_IDLE_MINUTES", 30, 1) * 60
SESSION_ABSOLUTE_SECONDS = env.integer("HOMEROOM_SESSION_ABSOLUTE_HOURS", 12, 1) * 3600
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_COOKIES = env.boolean("HOMEROOM_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_HTTPONLY = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.boolean("HOMEROOM_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env.integer("HOMEROOM_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español"), ("pt", "Português")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env.text("HOMEROOM_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True

# Mail: every message waits in the outbox until the worker delivers it.
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25, 1)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env.boolean("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.integer("EMAIL_TIMEOUT", 20, 1)
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "Homeroom <homeroom@localhost>")
HOMEROOM_MAILBOX_DIR = VAR_DIR / "mailbox"
EMAIL_BACKEND = env.text(
    "EMAIL_BACKEND",
    "outbox.mailbox.MailboxBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
HOMEROOM_DEMO_MAILBOX = env.boolean("HOMEROOM_DEMO_MAILBOX", DEBUG)
OUTBOX_MAX_ATTEMPTS = env.integer("HOMEROOM_OUTBOX_MAX_ATTEMPTS", 12, 1)
OUTBOX_POLL_SECONDS = env.integer("HOMEROOM_OUTBOX_POLL_SECONDS", 5, 1)

# The district's own words.
HOMEROOM_DISTRICT_NAME = env.text("HOMEROOM_DISTRICT_NAME", "Homeroom Demo District")
HOMEROOM_OFFICE_PHONE = env.text("HOMEROOM_OFFICE_PHONE", "860-828-6577")
HOMEROOM_STUDENT_NUMBER_LABEL = env.text("HOMEROOM_STUDENT_NUMBER_LABEL", "MMS ID")
HOMEROOM_PORTAL_OPENS = env.date("HOMEROOM_PORTAL_OPENS", datetime.date(2010, 11, 9))
HOMEROOM_SITE_URL = env.text("HOMEROOM_SITE_URL", "http://127.0.0.1:8000")

# Account rules.
HOMEROOM_TEMPORARY_PASSWORD_DAYS = env.integer("HOMEROOM_TEMPORARY_PASSWORD_DAYS", 3, 1)
HOMEROOM_TEMPORARY_PASSWORD_DIGITS = env.integer(
    "HOMEROOM_TEMPORARY_PASSWORD_DIGITS", 8, 8
)
HOMEROOM_LETTER_PASSWORD_DAYS = env.integer("HOMEROOM_LETTER_PASSWORD_DAYS", 10, 1)
HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT = env.integer(
    "HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT", 5, 1
)
HOMEROOM_SIGN_IN_LIMIT_PER_ADDRESS = env.integer(
    "HOMEROOM_SIGN_IN_LIMIT_PER_ADDRESS", 100, 1
)
HOMEROOM_CREATE_LIMIT_PER_ADDRESS = env.integer(
    "HOMEROOM_CREATE_LIMIT_PER_ADDRESS", 20, 1
)
HOMEROOM_CREATE_LIMIT_PER_STUDENT = env.integer(
    "HOMEROOM_CREATE_LIMIT_PER_STUDENT", 5, 1
)
HOMEROOM_THROTTLE_MINUTES = env.integer("HOMEROOM_THROTTLE_MINUTES", 15, 1)

# Staff rules: a code from an authenticator app at sign-in (off in the demo),
# and how old a gradebook may grow before the office is shown it.
HOMEROOM_STAFF_TWO_FACTOR = env.boolean("HOMEROOM_STAFF_TWO_FACTOR", not DEBUG)
HOMEROOM_STALE_GRADEBOOK_DAYS = env.integer("HOMEROOM_STALE_GRADEBOOK_DAYS", 14, 1)

# The mid-term prompt: parents idle this many days get one email at the
# marking period's mid-point, sent by the worker at this hour (local time);
# contacts without an account get an invitation only if the district says so.
HOMEROOM_PROMPT_IDLE_DAYS = env.integer("HOMEROOM_PROMPT_IDLE_DAYS", 21, 1)
HOMEROOM_PROMPT_HOUR = env.integer("HOMEROOM_PROMPT_HOUR", 8, 0)
if HOMEROOM_PROMPT_HOUR > 23:
    raise env.refuse(
        "HOMEROOM_PROMPT_HOUR", str(HOMEROOM_PROMPT_HOUR), "an hour from 0 to 23"
    )
HOMEROOM_INVITE_CONTACTS = env.boolean("HOMEROOM_INVITE_CONTACTS", False)

# Alerts and the weekly digest, for parents who ask for them on My Account.
# An alert waits out the grace period and goes out only if its event still
# holds; none goes out in quiet hours ("21-7": 9 p.m. to 7 a.m., local time, or
# empty for none); past the daily number, alerts wait for the weekly digest,
# sent on this ISO weekday (7 is Sunday) from this hour.
HOMEROOM_ALERT_GRACE_MINUTES = env.integer("HOMEROOM_ALERT_GRACE_MINUTES", 60, 0)
HOMEROOM_QUIET_HOURS = env.text("HOMEROOM_QUIET_HOURS", "21-7").strip()
if not re.fullmatch(r"(([01]?\d|2[0-3])-([01]?\d|2[0-3]))?", HOMEROOM_QUIET_HOURS):
    raise env.refuse(
        "HOMEROOM_QUIET_HOURS",
        HOMEROOM_QUIET_HOURS,
        "two hours from 0 to 23 such as 21-7, or empty for none",
    )
HOMEROOM_ALERTS_PER_DAY = env.integer("HOMEROOM_ALERTS_PER_DAY", 3, 1)
HOMEROOM_DIGEST_WEEKDAY = env.integer("HOMEROOM_DIGEST_WEEKDAY", 7, 1)
HOMEROOM_DIGEST_HOUR = env.integer("HOMEROOM_DIGEST_HOUR", 17, 0)
if HOMEROOM_DIGEST_WEEKDAY > 7:
    raise env.refuse(
        "HOMEROOM_DIGEST_WEEKDAY", str(HOMEROOM_DIGEST_WEEKDAY), "a day from 1 to 7"
    )
if HOMEROOM_DIGEST_HOUR > 23:
    raise env.refuse(
        "HOMEROOM_DIGEST_HOUR", str(HOMEROOM_DIGEST_HOUR), "an hour from 0 to 23"
    )

# The families' API: JSON only, for signed-in families and the apps they trust,
# throttled per account in the database so the limit holds across workers.
HOMEROOM_API_LIMIT_PER_ACCOUNT = env.integer("HOMEROOM_API_LIMIT_PER_ACCOUNT", 900, 1)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.FamilyAccount"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttles.AccountThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Homeroom API",
    "DESCRIPTION": (
        "Read-only access for a family or a student to the records the portal "
        "shows them: children, courses with running averages, assignments, "
        "attendance, schedule and posted report card grades."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "filters": {"redact": {"()": "homeroom.logging.RedactSecrets"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env.text("HOMEROOM_LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
