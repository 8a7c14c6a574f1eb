"""Crash safety: a writer killed with SIGKILL in the middle of its writes, again and again,
loses no committed record and leaves no half-written one, and the database stays sound.

The writer is this module run as a program (`python -m tests.test_crash_safety write`): it
adds an interviewee, her interview and a transcript through the real services, all in one
transaction, and prints her code once that transaction has committed. The test kills it at a
random moment (seeded) after its first commit, starts it again, and at the end opens every
record. A committed write that a kill took back would show as a printed code that is missing,
or as a code printed twice (the next writer would have given it out again).

SIGKILL tests what a crash of the program does, not a power cut: SQLite runs in WAL mode with
synchronous=NORMAL (settings.py), where a commit survives the program's crash but may be lost
to a power cut.
"""

import json
import os
import random
import secrets
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
KILLS = 60
SEED = 20261123
# The longest a kill waits after the writer's first commit: a few records' worth.
MAX_DELAY_SECONDS = 0.08
WRITER = [sys.executable, "-m", "tests.test_crash_safety"]
# What the writer prints as it starts a record; its code follows once committed.
BEGIN = "begin"


def passages(code: str) -> list[list[str]]:
    """The transcript the writer gives each record, so the test knows what to expect."""
    return [
        [
            f"{code}의 증언 {n}: " + " ".join(["밤에 두만강을 건넜습니다."] * 40),
            f"{code}, testimony {n}: " + " ".join(["We crossed the Tumen at night."] * 40),
        ]
        for n in range(1, 4)
    ]


# --- the writer and the checker (run as programs) --------------------------------------------


def write_forever() -> None:
    import datetime as dt

    from django.db import transaction

    from journeys.accounts.models import User
    from journeys.archive import services
    from journeys.codebook.models import Term

    user, _ = User.objects.get_or_create(username="crash-writer", defaults={"role": "interviewer"})
    province = Term.objects.get(kind="place", code="kp-hamgyongbuk")
    while True:
        print(BEGIN, flush=True)
        with transaction.atomic():
            person = services.interviewee_create(
                acting_user=user, birth_year=1975, home_province=province
            )
            interview = services.interview_create(
                acting_user=user,
                interviewee=person,
                date=dt.date(2020, 1, 2),
                interviewer=user,
                language="ko+en",
                consents={"record": True},
            )
            segments = [
                services.SegmentInput(text_ko=ko, text_en=en) for ko, en in passages(person.code)
            ]
            services.transcript_save(acting_user=user, interview=interview, segments=segments)
        print(person.code, flush=True)  # committed: only now may the test count on it


def report() -> None:
    """Print every record, opened, and what the database says of its own soundness."""
    from django.db import connection

    from journeys.archive.models import Interviewee
    from journeys.keys.sealing import Sealer

    records = {}
    for person in Interviewee.objects.select_related("data_key").order_by("code"):
        sealer = Sealer(person.data_key)
        records[person.code] = [
            [
                [sealer.open(s, "text_ko"), sealer.open(s, "text_en")]
                for s in i.segments.order_by("position")
            ]
            for i in person.interviews.all()
        ]
    soundness = {}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            soundness["integrity"] = cursor.execute("PRAGMA integrity_check").fetchall()
            soundness["foreign keys"] = cursor.execute("PRAGMA foreign_key_check").fetchall()
    print(json.dumps({"records": records, "soundness": soundness}))


# --- the test --------------------------------------------------------------------------------


@contextmanager
def a_database() -> Iterator[str]:
    """Where the writer writes: a new SQLite file in its data directory, or, when the suite
    runs on PostgreSQL, a scratch database of its own (never the one DATABASE_URL names)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield ""
        return
    import psycopg

    parts = urlsplit(url)
    server = psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)
    name = f"journeys_crash_{secrets.token_hex(4)}"
    server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


def environment(data_dir: Path, database_url: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    env.update(
        JOURNEYS_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="journeys.settings", LANG="C"
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run(command: list[str], env: dict) -> str:
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def read_some(stream, timeout: float) -> bytes:
    ready, _, _ = select.select([stream], [], [], timeout)
    return os.read(stream.fileno(), 65536) if ready else b""


def kill_during_writes(env: dict, delay: float, errors: Path) -> list[str]:
    """Start the writer, wait for its first commit, kill it `delay` seconds later, and
    return the lines it printed."""
    with errors.open("ab") as stderr:
        writer = subprocess.Popen(
            [*WRITER, "write"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr
        )
    printed = bytearray()
    deadline = time.monotonic() + 60
    while b"W-" not in printed and writer.poll() is None and time.monotonic() < deadline:
        printed += read_some(writer.stdout, 0.5)
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    while chunk := read_some(writer.stdout, 5):
        printed += chunk
    writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL, errors.read_text()
    return printed.decode().split("\n")[:-1]  # a line cut by the kill has no newline


def test_killed_writers_lose_no_committed_record_and_leave_no_half_one(tmp_path):
    rng = random.Random(SEED)
    with a_database() as database_url:
        env = environment(tmp_path / "data", database_url)
        run([sys.executable, "-m", "journeys.cli", "init"], env)
        printed, mid_record = [], 0
        for _ in range(KILLS):
            lines = kill_during_writes(env, rng.uniform(0, MAX_DELAY_SECONDS), tmp_path / "errors")
            printed += [line for line in lines if line != BEGIN]
            mid_record += lines[-1] == BEGIN  # killed between starting a record and its commit
        state = json.loads(run([*WRITER, "report"], env))
        trail = run([sys.executable, "-m", "journeys.cli", "audit", "verify"], env)

    records = state["records"]
    assert mid_record >= KILLS // 2, "most kills must land in the middle of a write"
    assert len(printed) == len(set(printed)), "a code was given out twice: a commit was lost"
    assert sorted(set(printed) - set(records)) == []
    # Every record, printed or not, is whole: one interview with its whole transcript.
    assert [code for code, found in records.items() if found != [passages(code)]] == []
    if not database_url:
        assert state["soundness"] == {"integrity": [["ok"]], "foreign keys": []}
    assert "intact" in trail


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    django.setup()
    {"write": write_forever, "report": report}[sys.argv[1]]()
    sys.exit(0)
