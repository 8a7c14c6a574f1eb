"""The data directory and what Journeys keeps in it are readable by its owner alone.

A directory made before `journeys init` (mkdir under umask 022: mode 755) used to stay open,
and SQLite creates its database file 644 under that umask, so every account on the machine
could copy the archive. Warning about it (journeys check) was not enough: `init` and `serve`
make these paths private themselves, and refuse to go on when they cannot.
"""

import os
import stat
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600
# SQLite gives the -wal and -shm files the database file's mode; they are listed in case they
# were made before it was put right.
PRIVATE_FILES = (
    "journeys.sqlite3",
    "journeys.sqlite3-wal",
    "journeys.sqlite3-shm",
    "journeys.sqlite3-journal",
    "keys.json",
    "secret_key",
)


class NotPrivate(Exception):
    """A path could not be made private (another account owns it)."""


def private_paths(data_dir: Path) -> list[tuple[Path, int]]:
    paths = [(data_dir, PRIVATE_DIRECTORY), (Path(settings.MEDIA_ROOT), PRIVATE_DIRECTORY)]
    paths += [(data_dir / name, PRIVATE_FILE) for name in PRIVATE_FILES]
    return paths


def data_dir_make_private(data_dir: Path | None = None) -> list[tuple[Path, int]]:
    """Take group and other permissions off the data directory and its files.

    Returns the paths changed with their old modes (for the command to say what it did).
    Symbolic links are left alone: chmod would change what they point to.
    """
    if os.name != "posix":
        return []
    changed = []
    for path, mode in private_paths(Path(data_dir or settings.DATA_DIR)):
        if not path.exists() or path.is_symlink():
            continue
        old = stat.S_IMODE(path.stat().st_mode)
        if not old & 0o077:
            continue
        try:
            os.chmod(path, old & mode)
        except OSError as e:
            raise NotPrivate(
                _(
                    "%(path)s is open to other users (mode %(mode)s) and cannot be made private: %(why)s"
                )
                % {"path": path, "mode": f"{old:o}", "why": e.strerror}
            ) from e
        changed.append((path, old))
    return changed


def describe(changed: list[tuple[Path, int]]) -> list[str]:
    return [
        _("%(path)s was open to other users (mode %(old)s): now mode %(new)s.")
        % {"path": path, "old": f"{old:o}", "new": f"{stat.S_IMODE(path.stat().st_mode):o}"}
        for path, old in changed
    ]
