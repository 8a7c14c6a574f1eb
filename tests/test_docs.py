"""Docs that cannot drift: every setting, command and page role is documented."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
OUR_COMMANDS = {name for name, app in get_commands().items() if app.startswith("journeys")}


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def test_every_environment_variable_is_documented():
    settings = read("journeys/settings.py")
    used = set(re.findall(r'env(?:str|bool|int|list)\("([A-Z_]+)"', settings))
    documented = set(re.findall(r"`([A-Z_]+)`", read("docs/configuration.md")))
    assert used, "the pattern found no variables: the test would prove nothing"
    assert used - documented == set()


def test_every_journeys_command_is_documented():
    commands = read("docs/commands.md")
    missing = {
        name for name in OUR_COMMANDS if f"journeys {name.replace('_', '-')}" not in commands
    }
    assert {"init", "serve", "demo_data", "createuser"} <= OUR_COMMANDS
    assert missing == set()


def test_the_readme_opens_with_the_two_commands():
    head = read("README.md")[:1500]
    assert "make demo" in head
    assert "make test" in head
