"""`journeys detect` on standard input."""

import json
import subprocess
import sys
import time
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


def test_a_thousand_lines_take_about_as_long_as_one(tmp_path):
    """Kiwi is loaded once per process: loading it per line would take minutes."""
    started = time.monotonic()
    run("ko", "순옥 동무가 혜산에서 왔어요.\n")
    one = time.monotonic() - started
    started = time.monotonic()
    lines = run("ko", "순옥 동무가 혜산에서 1998년에 왔어요.\n" * 1000)
    thousand = time.monotonic() - started
    assert len(lines) == 1000
    assert thousand < one + 5
