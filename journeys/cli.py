"""The `journeys` console command: Django's management commands under friendlier names.

`journeys demo-data --count 10` runs the management command `demo_data`.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    import django
    from django.core.management import execute_from_command_line
    from django.utils import translation

    django.setup()
    translation.activate(terminal_language())
    execute_from_command_line(["journeys", *argv[1:]])


def terminal_language() -> str:
    """The command line speaks Korean where the terminal's locale is Korean, English elsewhere."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


if __name__ == "__main__":
    main()
