"""`journeys pseudonymise` on standard input."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def run(lang: str, text: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", "pseudonymise", "--lang", lang, *args],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def lines_of(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_it_writes_the_pseudonymised_text_and_its_replacements_per_line():
    lines = lines_of(run("ko", '김씨가 혜산에서 왔어요.\n{"text": "연락처는 010-1234-5678"}\n\n'))
    assert [line["text"] for line in lines] == [
        "A씨가 량강도의 한 시에서 왔어요.",
        "연락처는 [연락처 삭제]",
        "",
    ]
    assert lines[0]["spans"][0] == {
        "start": 0,
        "end": 2,
        "label": "PERSON",
        "text": "김씨",
        "replacement": "A씨",
        "entity": "PERSON:1",
    }
    assert lines[2]["spans"] == []


def test_offsets_are_offsets_into_the_input_line():
    text = "Ms. Park lived in Hyesan until March 15, 1998."
    (line,) = lines_of(run("en", text + "\n"))
    for span in line["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    assert line["text"] == "Ms. A lived in a city in Ryanggang until 1998."


def test_the_lines_are_one_testimony_unless_independent():
    text = "박 브로커가 왔어요.\n김씨가 왔어요.\n"
    together = lines_of(run("ko", text))
    apart = lines_of(run("ko", text, "--independent"))
    assert [line["text"] for line in together] == ["A 브로커가 왔어요.", "B씨가 왔어요."]
    assert [line["text"] for line in apart] == ["A 브로커가 왔어요.", "A씨가 왔어요."]


def test_a_policy_is_read_as_json_or_from_a_file(tmp_path):
    (line,) = lines_of(run("en", "I left on March 15, 1998.\n", "--policy", '{"date": "season"}'))
    assert line["text"] == "I left in spring 1998."
    policy = tmp_path / "policy.json"
    policy.write_text('{"year": "decade"}', encoding="utf-8")
    (line,) = lines_of(run("en", "I was born in 1962.\n", "--policy", str(policy)))
    assert line["text"] == "I was born in the 1960s."


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ('{"date": "month"}', "The option date cannot be 'month'"),
        ('{"colour": "red"}', "Unknown pseudonymisation option colour"),
        ("{not json", "The policy is not valid JSON"),
        ("/nowhere/policy.json", "The policy file /nowhere/policy.json cannot be read"),
    ],
)
def test_a_bad_policy_stops_the_command_with_a_clear_error_and_no_output(policy, message):
    result = run("en", "Ms. Park came.\n", "--policy", policy)
    assert result.returncode != 0
    assert message in result.stderr
    assert result.stdout == ""


def test_a_bad_json_line_is_named_by_its_number_and_answered_by_an_error_line():
    # The other lines are still answered, one output line per input line (lines.py).
    result = run("ko", '김씨가 왔어요.\n{"texte": "x"}\n')
    assert result.returncode == 1
    assert 'Line 2: the JSON object has no "text" field.' in result.stderr
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert "김씨" not in first["text"]
    assert second == {"line": 2, "error": 'the JSON object has no "text" field.'}


def test_ten_thousand_lines_load_kiwi_at_most_once(monkeypatch):
    """Kiwi is loaded once per process however many lines come in (the count, unlike a
    timing, does not depend on the machine's load)."""
    from journeys.protection import kiwi

    before = kiwi.loads
    line = "순옥 동무가 1998년 3월 15일에 혜산에서 왔어요. 연락처는 010-1234-5678이에요.\n"
    monkeypatch.setattr(sys, "stdin", StringIO(line * 10_000))
    out = StringIO()
    call_command("pseudonymise", lang="ko", independent=True, stdout=out)
    written = out.getvalue().splitlines()
    assert len(written) == 10_000
    assert json.loads(written[-1])["text"] == (
        "동무 A가 1998년에 량강도의 한 시에서 왔어요. 연락처는 [연락처 삭제]예요."
    )
    assert kiwi.loads - before <= 1


def test_the_command_refuses_a_bad_policy_in_process_too(monkeypatch):
    monkeypatch.setattr(sys, "stdin", StringIO("x\n"))
    with pytest.raises(CommandError, match="choose one of"):
        call_command("pseudonymise", lang="en", policy='{"age": "exact"}', stdout=StringIO())


def test_english_lines_alone_never_load_kiwi():
    """Kiwi is for Korean: a fresh process pseudonymising English never builds one."""
    program = (
        "import django, io, sys; django.setup(); "
        "from django.core.management import call_command; "
        "from journeys.protection import kiwi; "
        "call_command('pseudonymise', lang='en', stdout=io.StringIO()); "
        "print(kiwi.loads)"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        input="Ms. Park lived in Hyesan.\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "journeys.settings"},
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == "0"
