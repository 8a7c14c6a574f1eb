"""`journeys COMMAND --help` works for every command of ours, in both languages the command
line speaks, in a real process (a lazy translation in a help text crashed argparse)."""

import pytest
from django.core.management import get_commands

from tests.core.test_commands import cli

OURS = sorted(name for name, app in get_commands().items() if app.startswith("journeys."))
# The command line chooses its language from the terminal's locale (journeys/cli.py).
LOCALES = {"ko": "ko_KR.UTF-8", "en": "C.UTF-8"}


def test_the_list_of_our_commands_is_not_empty():
    assert {"init", "serve", "backup", "restore", "search", "detect"} <= set(OURS)


@pytest.mark.parametrize("lang", sorted(LOCALES))
@pytest.mark.parametrize("command", OURS)
def test_help_of_every_command_opens_in_both_languages(tmp_path, command, lang):
    result = cli(command.replace("_", "-"), "--help", data_dir=tmp_path, LC_ALL=LOCALES[lang])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(f"usage: journeys {command}")
    # -h is described by argparse itself, in English; the command's own text follows it.
    assert "--help" in result.stdout


# The commands whose description is translated: in a Korean terminal it is in Korean.
TRANSLATED = [
    "backup",
    "demo_data",
    "demo_releases",
    "detect",
    "pseudonymise",
    "reindex",
    "restore",
    "search",
]


@pytest.mark.parametrize("command", TRANSLATED)
def test_a_korean_terminal_gets_the_korean_description(tmp_path, command):
    result = cli(command.replace("_", "-"), "--help", data_dir=tmp_path, LC_ALL="ko_KR.UTF-8")
    assert result.returncode == 0, result.stderr
    description = result.stdout.split("\n\n")[1]
    assert any("\uac00" <= char <= "\ud7a3" for char in description), description
