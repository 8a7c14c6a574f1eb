"""Docs that cannot drift: every setting, command, command option and page role is
documented."""

import argparse
import ast
import re
from pathlib import Path

from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[1]
OUR_COMMANDS = {name for name, app in get_commands().items() if app.startswith("journeys")}


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


ENV_HELPERS = {"envstr", "envbool", "envint", "envlist"}
# Where a variable's name is not written out: the helpers themselves, reading the name their
# caller gives (and its <NAME>_FILE, for secrets: documented once, in configuration.md).
NAMES_GIVEN_BY_THE_CALLER = {"journeys/lib/env.py"}


def _is_environ(node) -> bool:
    """os.environ, the mapping."""
    return isinstance(node, ast.Attribute) and node.attr == "environ"


def _name_read(node) -> ast.expr | None:
    """The argument naming the variable, for every way of reading one: os.environ.get(X),
    os.environ[X], os.getenv(X), envstr(X, ...) and the other env helpers. Not setdefault:
    that sets Django's DJANGO_SETTINGS_MODULE for itself."""
    if isinstance(node, ast.Subscript) and _is_environ(node.value):
        return node.slice
    if not isinstance(node, ast.Call) or not node.args:
        return None
    function = node.func
    if isinstance(function, ast.Name) and function.id in ENV_HELPERS:
        return node.args[0]
    if isinstance(function, ast.Attribute):
        if function.attr == "get" and _is_environ(function.value):
            return node.args[0]
        if function.attr == "getenv":
            return node.args[0]
    return None


def _loop_values(tree) -> dict[str, list[str]]:
    """`for name in ("A", "B"):` -> {"name": ["A", "B"]}: the variables a loop reads."""
    values = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.For)
            and isinstance(node.target, ast.Name)
            and isinstance(node.iter, ast.Tuple | ast.List)
        ):
            names = [e.value for e in node.iter.elts if isinstance(e, ast.Constant)]
            values[node.target.id] = names
    return values


def environment_variables_read() -> tuple[set[str], list[str]]:
    """Every variable any module of journeys reads, and the reads whose name is not known."""
    read, unknown = set(), []
    for path in sorted((ROOT / "journeys").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loops = _loop_values(tree)
        for node in ast.walk(tree):
            name = _name_read(node)
            if name is None:
                continue
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                read.add(name.value)
            elif isinstance(name, ast.Name) and name.id in loops:
                read.update(loops[name.id])
            elif where not in NAMES_GIVEN_BY_THE_CALLER:
                unknown.append(f"{where}:{node.lineno}")
    return read, unknown


def test_every_environment_variable_any_module_reads_is_documented():
    names, unknown = environment_variables_read()
    documented = set(re.findall(r"`([A-Z_]+)`", read("docs/configuration.md")))
    assert {"JOURNEYS_DATA_DIR", "JOURNEYS_KEY_FILE", "LANG"} <= names, "the scan sees them"
    assert unknown == [], "name the variable in the code, so that this test can check it"
    assert names - documented == set()
    assert "`<NAME>_FILE`" in read("docs/configuration.md")


def test_every_journeys_command_is_documented():
    commands = read("docs/commands.md")
    missing = {
        name for name in OUR_COMMANDS if f"journeys {name.replace('_', '-')}" not in commands
    }
    assert {"init", "serve", "demo_data", "createuser"} <= OUR_COMMANDS
    assert missing == set()


# Django's own options, which every command has (`--help` lists them).
DJANGO_OPTIONS = {
    "-h",
    "--help",
    "--version",
    "-v",
    "--verbosity",
    "--settings",
    "--pythonpath",
    "--traceback",
    "--no-color",
    "--force-color",
    "--skip-checks",
}


def options_of(parser: argparse.ArgumentParser) -> set[str]:
    """Every option a command takes, its subcommands' too."""
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                found |= options_of(subparser)
        found |= set(action.option_strings) - DJANGO_OPTIONS
    return found


def documented_row(commands: str, name: str) -> str:
    """The rows of docs/commands.md's table that describe `journeys <name>`."""
    shown = f"| `journeys {name.replace('_', '-')}"
    return "\n".join(
        line for line in commands.splitlines() if line.startswith((shown + " ", shown + "`"))
    )


def test_every_option_of_every_journeys_command_is_documented_in_its_row():
    commands = read("docs/commands.md")
    missing = {}
    for name in sorted(OUR_COMMANDS):
        command = load_command_class(get_commands()[name], name)
        options = options_of(command.create_parser("journeys", name))
        row = documented_row(commands, name)
        undocumented = {option for option in options if option not in row}
        if undocumented:
            missing[name] = sorted(undocumented)
    assert "--out" in options_of(
        load_command_class(get_commands()["backup"], "backup").create_parser("journeys", "backup")
    ), "the scan sees the options"
    assert missing == {}


def test_the_readme_opens_with_the_two_commands():
    head = read("README.md")[:1500]
    assert "make demo" in head
    assert "make test" in head
