"""The one list of audit actions (journeys/audit/actions.py) against the code and the tests.

Three promises: the code writes no action missing from the list (else the audit page could
not name it); every action has a label in both languages; and every action is asserted by at
least one test through `assert_audited`, so deleting any audit call fails a test.
"""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.utils import translation

from journeys.audit.actions import ACTIONS, label_of
from journeys.backup.backup import RENAMED_MODELS

ROOT = Path(__file__).resolve().parents[2]
# A string in the code that reads like an action: an app's name, a dot, and more.
ACTION_LIKE = re.compile(
    r"""["']((?:access|accounts|archive|audit|auth|codebook|export|protection|reports|search"""
    r"""|vault)\.[a-z0-9_.]*)["']"""
)


def _is_model_label(text: str) -> bool:
    if text in RENAMED_MODELS:  # a model's label before it moved (backups still name it)
        return True
    try:
        apps.get_model(text)
    except (LookupError, ValueError):
        return False
    return True


def actions_in_code() -> set[str]:
    """Every action-like string in journeys/ (a trailing dot: a prefix completed in code)."""
    found = set()
    for path in (ROOT / "journeys").rglob("*.py"):
        if "migrations" in path.parts or path.name == "actions.py":
            continue
        for text in ACTION_LIKE.findall(path.read_text(encoding="utf-8")):
            # reports.release is an action and the label of a model: the list decides.
            if text in ACTIONS or not (text.endswith(".json") or _is_model_label(text)):
                found.add(text)
    return found


def actions_asserted_in_tests() -> set[str]:
    """The first argument of every `assert_audited("...")` call under tests/."""
    asserted = set()
    for path in (ROOT / "tests").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if name == "assert_audited" and isinstance(first, ast.Constant):
                asserted.add(first.value)
    return asserted


def test_the_code_writes_only_listed_actions():
    written = actions_in_code()
    assert len(written) > 40, "the scan found too little to prove anything"
    exact = {a for a in written if not a.endswith(".")}
    prefixes = {a for a in written if a.endswith(".")}
    assert exact - ACTIONS.keys() == set(), "add these to journeys/audit/actions.py"
    for prefix in prefixes:
        assert any(a.startswith(prefix) for a in ACTIONS), f"no listed action starts {prefix}"


def test_the_list_holds_no_action_the_code_never_writes():
    written = actions_in_code()
    prefixes = tuple(a for a in written if a.endswith("."))
    unused = {a for a in ACTIONS if a not in written and not a.startswith(prefixes)}
    assert unused == set()


def test_every_action_has_a_korean_and_an_english_label():
    for action in ACTIONS:
        with translation.override("en"):
            english = label_of(action)
        with translation.override("ko"):
            korean = label_of(action)
        assert english != action
        assert re.search(r"[가-힣]", korean), f"{action} has no Korean label"


def test_an_unknown_action_shows_as_its_code():
    assert label_of("archive.something.new") == "archive.something.new"


def test_every_action_is_asserted_by_a_test():
    asserted = actions_asserted_in_tests()
    covered = ACTIONS.keys() & asserted
    print(f"{len(covered)} of {len(ACTIONS)} audited actions have a test")
    assert set(ACTIONS) - asserted == set()
