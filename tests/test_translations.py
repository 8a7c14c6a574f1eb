"""Both languages everywhere: the Korean catalogue is complete and compiled, and no English
interface string is left on a Korean page."""

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from journeys.codebook.models import Term

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "journeys/locale/ko/LC_MESSAGES/django.po"
MO = PO.with_suffix(".mo")


def catalogue() -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs of the .po file, multi-line strings joined."""
    entries, msgid, msgstr, field = [], None, None, None
    for line in [*PO.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("msgid "):
            if msgid is not None:
                entries.append((msgid, msgstr))
            msgid, msgstr, field = line[7:-1], "", "id"
        elif line.startswith("msgid_plural "):
            field = "plural"  # the plural is checked through its singular
        elif line.startswith(("msgstr ", "msgstr[0] ")):
            msgstr, field = line.split(" ", 1)[1][1:-1], "str"
        elif line.startswith('"') and field:
            if field == "id":
                msgid += line[1:-1]
            elif field == "str":
                msgstr += line[1:-1]
        elif not line.strip() and msgid is not None:
            entries.append((msgid, msgstr))
            msgid, field = None, None
    return [(i, s) for i, s in entries if i]


def test_every_message_has_a_korean_translation():
    untranslated = [msgid for msgid, msgstr in catalogue() if not msgstr]
    assert len(catalogue()) > 100
    assert untranslated == []
    assert "#, fuzzy" not in PO.read_text(encoding="utf-8")


def marked_in_python() -> set[str]:
    """The literal strings the code passes to gettext, under any name it imports it by
    (an alias such as `_l` is one xgettext would not extract)."""
    marked = set()
    for path in (ROOT / "journeys").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
            for alias in node.names
            if "gettext" in alias.name
        }
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
            ):
                continue
            # pgettext(context, message): makemessages reads both only when both are written
            # out; a context in a variable left its messages out of the catalogue.
            with_context = "pgettext" in original_name(tree, node.func.id)
            args = node.args[:2] if with_context else node.args[:1]
            literal = [a.value for a in args if isinstance(a, ast.Constant)]
            if len(literal) != len(args) or not all(isinstance(v, str) for v in literal):
                marked.add(f"<not a literal in {path.name}:{node.lineno}>")
                continue
            marked.add(literal[-1])
    return marked


def original_name(tree, name: str) -> str:
    """The name under which a gettext function was imported as `name`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    return alias.name
    return name


def marked_in_templates() -> set[str]:
    pattern = re.compile(r"""{%\s*(?:translate|trans)\s+(?:"([^"]*)"|'([^']*)')""")
    return {
        a or b
        for path in (ROOT / "journeys" / "templates").rglob("*.html")
        for a, b in pattern.findall(path.read_text(encoding="utf-8"))
    }


def test_every_string_marked_for_translation_is_in_the_catalogue():
    msgids = {msgid.replace('\\"', '"').replace("\\n", "\n") for msgid, _ in catalogue()}
    marked = marked_in_python() | marked_in_templates()
    assert len(marked) > 100
    assert sorted(marked - msgids) == [], "run `make messages` and translate what it adds"


def test_every_placeholder_survives_translation():
    for msgid, msgstr in catalogue():
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(
            re.findall(r"%\(\w+\)s", msgstr)
        ), msgid


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="msgfmt (gettext) is not installed")
def test_the_compiled_catalogue_is_up_to_date(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(PO)], check=True)
    assert fresh.read_bytes() == MO.read_bytes(), "run `make messages`"


PAGES = [
    ("core:home", {}, "administrator"),
    ("archive:interviewee_list", {}, "administrator"),
    ("search:results", {}, "publisher"),
    ("archive:intake", {}, "administrator"),
    ("codebook:term_list", {}, "administrator"),
    ("archive:interviewee_detail", {"code": "W-0001"}, "administrator"),
    ("archive:journey_edit", {"pk": 1}, "coder"),
    ("audit:entry_list", {}, "administrator"),
    ("accounts:user_list", {}, "administrator"),
    ("vault:lookup", {}, "custodian"),
    ("vault:identity_reveal", {"code": "W-0001"}, "custodian"),
    ("vault:identity_edit", {"code": "W-0001"}, "custodian"),
    ("vault:policy", {}, "administrator"),
    ("reports:dashboard", {}, "researcher"),
    ("protection:review", {"pk": 1}, "publisher"),
    ("protection:release_list", {}, "publisher"),
]


@pytest.mark.parametrize(("name", "kwargs", "role"), PAGES)
def test_no_english_interface_string_is_left_on_a_korean_page(as_role, event, name, kwargs, role):
    client = as_role(role)
    kwargs = {key: event.interview.pk if key == "pk" else value for key, value in kwargs.items()}
    url = reverse(name, kwargs=kwargs)
    client.cookies["journeys_language"] = "en"
    english = client.get(url).content.decode()
    client.cookies["journeys_language"] = "ko"
    korean = client.get(url).content.decode()
    # Codebook terms are shown in both languages on purpose ("중국에서 한 일 (Work in China)").
    bilingual = set(Term.objects.values_list("label_en", flat=True))
    phrases = [
        m
        for m, _ in catalogue()
        if " " in m and "%" not in m and "{" not in m and m in english and m not in bilingual
    ]
    assert phrases, "the English page shows no catalogue phrase: the test would prove nothing"
    assert [p for p in phrases if p in korean] == []
