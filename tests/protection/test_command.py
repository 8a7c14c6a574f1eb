"""`journeys detect` on standard input."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(lang: str, text: str, *args: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "journeys.cli", "detect", "--lang", lang, *args],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_it_writes_one_json_line_per_plain_or_json_input_line():
    lines = run("ko", '김씨가 혜산에서 왔어요.\n{"text": "연락처는 010-1234-5678"}\n\n')
    assert len(lines) == 3
    assert {"start": 0, "end": 2, "label": "PERSON", "text": "김씨"} in lines[0]["spans"]
    assert ("010-1234-5678", "CONTACT") in {(s["text"], s["label"]) for s in lines[1]["spans"]}
    assert lines[2] == {"spans": []}


def test_english_lines_are_read_too():
    (line,) = run("en", "Ms. Park lived in Hyesan.\n")
    assert {(s["text"], s["label"]) for s in line["spans"]} == {
        ("Ms. Park", "PERSON"),
        ("Hyesan", "PLACE"),
    }


def test_a_thousand_lines_load_kiwi_at_most_once(monkeypatch):
    """Kiwi is loaded once per process, however many lines come in (a timing test would be
    at the mercy of the machine's load; the count is not)."""
    from io import StringIO

    from django.core.management import call_command

    from journeys.protection import kiwi

    before = kiwi.loads
    monkeypatch.setattr(sys, "stdin", StringIO("순옥 동무가 혜산에서 1998년에 왔어요.\n" * 1000))
    out = StringIO()
    call_command("detect", lang="ko", independent=True, stdout=out)
    assert len(out.getvalue().splitlines()) == 1000
    assert kiwi.loads - before <= 1


def test_a_reader_that_stops_early_ends_it_quietly():
    # journeys detect | head -1: the pipe closes while lines are still being written
    process = subprocess.Popen(
        [sys.executable, "-m", "journeys.cli", "detect", "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    process.stdin.write(b"Ms. Kim came from Hyesan.\n" * 5_000)
    process.stdin.close()
    assert b"spans" in process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=120) == 1
    assert b"Traceback" not in process.stderr.read()
