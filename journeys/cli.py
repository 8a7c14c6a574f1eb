"""The `journeys` console command: Django's management commands under friendlier names.

`journeys demo-data --count 10` runs the management command `demo_data`.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    # Whatever Journeys writes (the database, keys.json, backups, reports) is its owner's
    # from the first byte, not put right after the fact (journeys/core/private.py).
    os.umask(0o077)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    import django
    from django.core.management import execute_from_command_line
    from django.utils import translation

    django.setup()
    translation.activate(terminal_language())
    try:
        execute_from_command_line(["journeys", *argv[1:]])
    except BrokenPipeError:
        # the reader went away (journeys detect | head): stop quietly, as Unix tools do;
        # stdout goes to /dev/null so that Python's own flush at exit cannot fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def terminal_language() -> str:
    """The command line speaks Korean where the terminal's locale is Korean, English elsewhere."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


if __name__ == "__main__":
    main()
