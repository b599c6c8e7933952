"""Settings for the doe-agenda portal.

Every setting that differs between machines comes from the environment (or a `.env` file
in the project folder). Production differs from development only by environment.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-only-key"
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two saves at the same moment: the second waits for the first (up to the timeout, in
    # seconds) instead of failing with "database is locked"; every transaction takes the
    # write lock when it starts, so it never has to upgrade a read lock midway (which SQLite
    # refuses without waiting).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": env.int("SQLITE_TIMEOUT", default=20)}
    )
# Persistent connections (seconds; 0 closes after each request), checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "common",
    "accounts",
    "governance",
    "agenda",
    "financing",
    "evaluation",
    "bodies",
    "sso",
    "api",
    "imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "common.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "common.middleware.PrivateResponseMiddleware",
]

ROOT_URLCONF = "config.urls"

# An organisation (app `governance`, the ground) has its page in the agenda app, which lists
# the actions it leads: the site's wiring says so, so that the ground never names an app above it.
ABSOLUTE_URL_OVERRIDES = {
    "governance.organisation": lambda organisation: reverse(
        "agenda:organisation_detail", args=[organisation.pk]
    ),
}

# The demo data (`manage.py load_demo_data`, common/demo.py): each app's loader, in an order in
# which later loaders find the rows earlier ones made.
DEMO_LOADERS = [
    "governance.demo.load_region",
    "agenda.demo.load_vocabularies",
    "agenda.demo.load_agendas",
    "bodies.demo.load_bodies",
    "financing.demo.load_financing",
    "evaluation.demo.load_evaluations",
    # the funds the evaluation names, booked as realised amounts (after the evaluated actions)
    "financing.demo.load_realised_from_evaluation",
]
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "governance.context_processors.portal_region",
                "accounts.context_processors.region_link",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Lock a login after a handful of failed attempts: the combination of user name and address,
# so nobody can lock someone else's account from their own address, nor everyone behind the
# proxy. The address is the visitor's own behind the trusted proxy (common/client_ip.py).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)

# Mail (invitations). The console backend unless a mail server is configured: EMAIL_URL
# (e.g. smtp+tls://user:password@mail.example.org:587) or EMAIL_HOST with EMAIL_PORT,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS / EMAIL_USE_SSL.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
elif env.str("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.str("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=25)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
    EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
else:
    EMAIL_BACKEND = env.str(
        "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
    )
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="doe-agenda <noreply@localhost>")
# How long the link in an invitation works, in seconds (default three days).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 24 * 3600)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "common.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="nl")
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Front-end packages (NL Design System CSS) installed by `npm ci`, served as static files.
# Only the NL Design System components are served from node_modules (not the test tools there).
NODE_MODULES_DIR = BASE_DIR / "node_modules" / "@utrecht"
if NODE_MODULES_DIR.exists():
    STATICFILES_DIRS.append(("vendor/@utrecht", NODE_MODULES_DIR))

# Django's cache: per process in memory unless CACHE_URL names a shared one (e.g.
# redis://host:6379/1). It keeps the public pages for visitors (common/pagecache.py) per version
# of the data for VISITOR_PAGE_CACHE_SECONDS (0 = off), the filter options and the API's limits.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://?max_entries=1000")}
VISITOR_PAGE_CACHE_SECONDS = env.int("VISITOR_PAGE_CACHE_SECONDS", default=3600)

# Static files are served by WhiteNoise. With STATIC_MANIFEST on (production, after
# `collectstatic`) their names carry a content hash and they are stored compressed, so browsers
# may cache them for a year. Uploaded and generated files (stored annexes) go through the
# default storage: a folder (MEDIA_ROOT) that several app servers share, or another backend.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=False)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"
STORAGES = {
    "default": {
        "BACKEND": env.str("FILE_STORAGE", default="django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Background work (large annexes) through Django's task framework (the django-tasks backport):
# the database backend needs no extra server; run the worker with `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Annexes of more actions than this are made in the background, with a progress page.
ANNEX_BACKGROUND_THRESHOLD = env.int("ANNEX_BACKGROUND_THRESHOLD", default=300)
# Bijlage 1 of more actions than this is laid out in parts of at most this many actions, merged
# into one PDF (bounded memory; the merged file is PDF/A-2b, not tagged).
ANNEX_CHUNK_ACTIONS = env.int("ANNEX_CHUNK_ACTIONS", default=300)

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "utrecht-table"}

# Security: strict by default, switchable for TLS-terminating proxies.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers check over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxies whose X-Forwarded-For is believed (addresses or prefixes such as "10.0.0."), and
# how many of them a request passes; used only with BEHIND_TLS_PROXY.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# --- Login with an organisation account (OpenID Connect, app `sso`) -------------------------
# Off unless OIDC_RP_CLIENT_ID and OIDC_ISSUER (or OIDC_DISCOVERY_URL) are set. The provider's
# endpoints come from its discovery document unless given explicitly. See the README section
# "Inloggen via OpenID Connect".
OIDC_ISSUER = env.str("OIDC_ISSUER", default="")
OIDC_DISCOVERY_URL = env.str("OIDC_DISCOVERY_URL", default="")
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_ROLES_CLAIM = env.str("OIDC_ROLES_CLAIM", default="groups")
OIDC_ROLE_MAP = env.str("OIDC_ROLE_MAP", default="")  # JSON, checked by `manage.py check`
OIDC_SUPPORT_CONTACT = env.str("OIDC_SUPPORT_CONTACT", default="")
OIDC_SESSION_HOURS = env.float("OIDC_SESSION_HOURS", default=10.0)
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_LOGOUT_ENDPOINT = env.str("OIDC_OP_LOGOUT_ENDPOINT", default="")
OIDC_TOKEN_USE_BASIC_AUTH = env.bool("OIDC_TOKEN_USE_BASIC_AUTH", default=False)
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
OIDC_VERIFY_SSL = env.bool("OIDC_VERIFY_SSL", default=True)
# Fixed: authorization code flow with PKCE and nonce; the ID token is kept in the session for
# the provider's logout.
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:callback"
OIDC_OP_LOGOUT_URL_METHOD = "sso.views.provider_logout_url"
# Local passwords stay for partners; off = coordinators, viewers and administrators must use
# their organisation account (only while OIDC is configured).
LOCAL_LOGIN_FOR_STAFF = env.bool("LOCAL_LOGIN_FOR_STAFF", default=True)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: locked-out addresses stay locked out
    "sso.backends.LocalPasswordBackend",  # Django's ModelBackend plus the staff rule above
    "sso.backends.OIDCBackend",
]
# The callback's query string (code, state) never goes into axes' records.
AXES_SENSITIVE_PARAMETERS = ["code", "state", "code_verifier", "nonce", "id_token_hint"]
# Logout is a form whose answer redirects to the provider: the policy must allow that origin.
_oidc_origin = urlsplit(OIDC_OP_LOGOUT_ENDPOINT or OIDC_ISSUER or OIDC_DISCOVERY_URL)
if _oidc_origin.scheme and _oidc_origin.netloc:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_oidc_origin.scheme}://{_oidc_origin.netloc}"
    )
# --- end of the OpenID Connect block ---------------------------------------------------------
# The open-data API (api/): read-only, public data for everyone, the rest after a login or with a
# personal API token. Requests are limited per address (visitors) and per token or account.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonymousAddressThrottle",
        "api.throttling.ApiTokenThrottle",
        "api.throttling.SessionUserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anonymous": env.str("API_RATE_ANONYMOUS", default="120/minute"),
        "token": env.str("API_RATE_TOKEN", default="600/minute"),
        "session": env.str("API_RATE_SESSION", default="600/minute"),
    },
    # Proxies in front of the portal whose X-Forwarded-For is trusted for the visitor's address.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.json_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": True,
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Doe-agenda portal API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
    "ENUM_NAME_OVERRIDES": {
        "BodyLevelEnum": "bodies.models.Body.Level",
        "FundingStreamLevelEnum": "financing.models.FundingStream.Level",
    },
    "PREPROCESSING_HOOKS": ["api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.describe_in_active_language",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
