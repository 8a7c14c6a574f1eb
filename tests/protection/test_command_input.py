"""What `journeys detect` and `journeys pseudonymise` do with lines they cannot read: the
same for both (one reader), an error line at the bad line's place so input and output stay
aligned, one line on standard error naming it, and exit status 1. Never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["detect", "pseudonymise"]

# (input line as bytes, the error expected, or None for a line read as text)
LINES = [
    (b"Ms. Park lived in Hyesan.", None),
    (b"caf\xc3 au lait \xff", "not valid UTF-8 (byte 4)."),
    (b'{"text": "a lone \\ud800 surrogate"}', "the text holds a lone surrogate"),
    (b'{"text": "x", "deep": ' + b"[" * 20_000 + b"]" * 20_000 + b"}", "nested too deeply"),
    (b"[" * 20_000 + b"]" * 20_000, "nested too deeply"),
    (b"[1, 2, 3]", 'JSON, but not an object with a "text" field.'),
    (b'"a JSON string"', 'JSON, but not an object with a "text" field.'),
    (b'{"text": 123}', 'the "text" field is not a string.'),
    (b'{"texte": "Ms. Park"}', 'the JSON object has no "text" field.'),
    (b'{"text": "broken', 'not valid JSON: write {"text": "..."} or plain text.'),
    (b'{"text": "Ms. Park came from Hyesan."}', None),
    (b"[laughs] Then Ms. Park came.", None),
    (b"1998", None),
    (b"", None),
]


def run(command: str, data: bytes, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", command, "--lang", "en"],
        input=data,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "LC_ALL": "C.UTF-8", **env},
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module", params=COMMANDS)
def answered(request):
    data = b"\n".join(line for line, _ in LINES) + b"\n"
    result = run(request.param, data)
    return request.param, result


def test_every_input_line_has_its_output_line(answered):
    _, result = answered
    output = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(output) == len(LINES)
    for number, ((line, expected), record) in enumerate(zip(LINES, output, strict=True), 1):
        if expected is None:
            assert "error" not in record, (line[:40], record)
            assert "spans" in record
        else:
            assert record["line"] == number
            assert expected in record["error"], (line[:40], record)
            assert set(record) == {"line", "error"}


def test_each_bad_line_is_one_line_on_standard_error_and_the_exit_is_1(answered):
    _, result = answered
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in stderr
    bad = [number for number, (_, expected) in enumerate(LINES, 1) if expected]
    named = [line for line in stderr.splitlines() if line.strip()]
    assert len(named) == len(bad)
    for number, line in zip(bad, named, strict=True):
        assert f"Line {number}: " in line


def test_the_lines_read_are_still_found_and_replaced(answered):
    command, result = answered
    output = [json.loads(line) for line in result.stdout.decode().splitlines()]
    first = {span["text"] for span in output[0]["spans"]}
    assert {"Ms. Park", "Hyesan"} <= first
    if command == "pseudonymise":
        assert "Ms. Park" not in output[10]["text"]


@pytest.mark.parametrize("command", COMMANDS)
def test_the_two_commands_agree_on_a_text_that_is_not_a_string(command):
    result = run(command, b'{"text": 123}\n')
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"line": 1, "error": 'the "text" field is not a string.'}
    assert result.stderr.decode().strip().endswith('Line 1: the "text" field is not a string.')


@pytest.mark.parametrize("command", COMMANDS)
def test_the_longest_line_is_a_setting(command):
    result = run(
        command, b"x" * 1_001 + b"\n" + b"y" * 1_000 + b"\n", JOURNEYS_MAX_LINE_CHARS="1000"
    )
    output = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 1
    assert output[0] == {
        "line": 1,
        "error": "the line is longer than 1,000 characters (JOURNEYS_MAX_LINE_CHARS); split it.",
    }
    assert "spans" in output[1]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_line_of_200000_characters_is_refused_at_once_by_default(command):
    # Read whole it took 44 s and 790 MB; the default limit is 100,000 characters.
    result = run(command, "가".encode() * 200_000 + b"\nMs. Park came.\n")
    output = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 1
    assert len(output) == 2
    assert "longer than 100,000 characters" in output[0]["error"]
    assert "spans" in output[1]


def test_errors_are_in_korean_in_a_korean_terminal():
    result = run("detect", b'{"text": 123}\n', LC_ALL="ko_KR.UTF-8")
    assert result.returncode == 1
    assert "1번째 줄" in result.stderr.decode()
