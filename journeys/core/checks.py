"""Configuration mistakes caught at start-up, with a message that says what to do."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security)
def check_secret_key(app_configs, **kwargs):
    if len(settings.SECRET_KEY) < 32:
        return [
            Error(
                "The secret key is shorter than 32 characters.",
                hint="Set JOURNEYS_SECRET_KEY (or JOURNEYS_SECRET_KEY_FILE) to a long random "
                "value, or unset it to let Journeys keep its own in the data directory.",
                id="journeys.E001",
            )
        ]
    return []


@register(Tags.database)
def check_database(app_configs, **kwargs):
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        return [
            Error(
                f"DATABASE_URL names an engine Journeys does not support: {engine}.",
                hint="Use postgres://user:password@host/name, or leave DATABASE_URL unset "
                "for the embedded SQLite file.",
                id="journeys.E002",
            )
        ]
    return []


@register()
def check_data_dir(app_configs, **kwargs):
    data_dir = settings.DATA_DIR
    if data_dir.exists() and not data_dir.is_dir():
        return [
            Error(
                f"JOURNEYS_DATA_DIR={data_dir} is not a directory.",
                hint="Point JOURNEYS_DATA_DIR at a directory Journeys may write to.",
                id="journeys.E003",
            )
        ]
    if settings.DEBUG:
        return [
            Warning(
                "JOURNEYS_DEBUG is on: error pages show internals.",
                hint="Never turn it on where real testimonies are kept.",
                id="journeys.W001",
            )
        ]
    return []
