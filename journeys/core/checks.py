"""Configuration mistakes caught at start-up, with a message that says what to do."""

import os
from pathlib import Path

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


def _open_to_others(path) -> bool:
    """True when the group or other users may read, write or enter the path."""
    return bool(path.stat().st_mode & 0o077)


@register(Tags.security)
def check_private_files(app_configs, **kwargs):
    """The data directory and the secrets in it are the owner's alone (0700 and 0600)."""
    if os.name != "posix":
        return []
    data_dir = settings.DATA_DIR
    if not data_dir.is_dir():
        return []
    found = []
    if _open_to_others(data_dir):
        found.append(
            Warning(
                f"The data directory {data_dir} is open to other users of this machine "
                f"(mode {data_dir.stat().st_mode & 0o777:o}).",
                hint=f"chmod 700 {data_dir}: the database, its keys and uploads are there.",
                id="journeys.W002",
            )
        )
    keys = data_dir / "keys.json"
    if keys.exists() and _open_to_others(keys):
        found.append(
            Warning(
                f"{keys} has mode {keys.stat().st_mode & 0o777:o}: other users may read it.",
                hint=f"chmod 600 {keys}. It holds only sealed keys, but nobody else needs it.",
                id="journeys.W003",
            )
        )
    for secret in (data_dir / "secret_key", Path(settings.MEDIA_ROOT)):
        if secret.exists() and _open_to_others(secret):
            found.append(
                Warning(
                    f"{secret} is open to other users of this machine.",
                    hint=f"chmod {'700' if secret.is_dir() else '600'} {secret}",
                    id="journeys.W004",
                )
            )
    return found


@register(Tags.security)
def check_key_kept_apart(app_configs, **kwargs):
    """A key file or passphrase file beside the database undoes the encryption at rest."""
    data_dir = settings.DATA_DIR.resolve()
    found = []
    for name in ("JOURNEYS_KEY_FILE", "JOURNEYS_PASSPHRASE_FILE"):
        value = os.environ.get(name)
        if value and Path(value).resolve().is_relative_to(data_dir):
            found.append(
                Warning(
                    f"{name}={value} is inside the data directory {data_dir}: whoever copies "
                    "the data directory (or a backup of the disk) can open the archive.",
                    hint="Keep the key file on a USB key or another disk that is not copied "
                    "with the database, or type the passphrase (docs/deployment.md).",
                    id="journeys.W005",
                )
            )
    return found


@register(Tags.security, deploy=True)
def check_deployment(app_configs, **kwargs):
    """`journeys check --deploy`: the settings a server needs, named by their variables."""
    found = []
    if not settings.JOURNEYS_HTTPS:
        found.append(
            Warning(
                "JOURNEYS_HTTPS is off: cookies are not marked Secure, there is no HSTS and "
                "no redirect to https.",
                hint="On a server, put Journeys behind TLS and set JOURNEYS_HTTPS=1 (and "
                "JOURNEYS_BEHIND_PROXY=1 behind a reverse proxy). A laptop serving "
                "127.0.0.1 only does not need --deploy.",
                id="journeys.W006",
            )
        )
    if "*" in settings.ALLOWED_HOSTS:
        found.append(
            Warning(
                "JOURNEYS_ALLOWED_HOSTS contains '*': any Host header is accepted.",
                hint="List the host names the server answers to, e.g. journeys.example.org.",
                id="journeys.W007",
            )
        )
    if settings.JOURNEYS_BEHIND_PROXY and settings.JOURNEYS_PROXY_ADDRESS == "*":
        found.append(
            Warning(
                "JOURNEYS_PROXY_ADDRESS is '*': X-Forwarded-For and X-Forwarded-Proto are "
                "believed from any client, so anyone who reaches the port directly can "
                "choose the address throttling and the audit trail record.",
                hint="Set JOURNEYS_PROXY_ADDRESS to the reverse proxy's address.",
                id="journeys.W008",
            )
        )
    return found
