import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from journeys.audit.models import AuditEntry, AuditHead
from journeys.audit.services import audit_record
from journeys.audit.verify import Checkpoint
from tests.audit.chains import build_chain

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_verify_reports_an_intact_trail(users):
    build_chain(users, 25)
    out = run("verify", "--chunk-size", "7")
    assert "The audit trail is intact: 25 entries, the last is number 25." in out


def test_verify_fails_with_status_2_and_names_the_entry(users):
    build_chain(users, 25)
    AuditEntry.objects.filter(seq=12).update(detail={"count": 0})
    with pytest.raises(CommandError) as caught:
        run("verify")
    assert caught.value.returncode == 2
    assert "Entry 12 does not match its seal" in str(caught.value)


def test_checkpoint_writes_the_last_entry_and_never_overwrites(users, tmp_path):
    entries = build_chain(users, 10)
    path = tmp_path / "checkpoint.json"
    out = run("checkpoint", "--out", str(path))
    assert "Checkpoint at entry 10 written" in out
    kept = json.loads(path.read_text())
    assert (kept["seq"], kept["hmac"]) == (10, entries[-1].hmac)
    assert kept["at"].endswith("+00:00")
    with pytest.raises(CommandError, match="Cannot write the checkpoint"):
        run("checkpoint", "--out", str(path))
    assert json.loads(path.read_text()) == kept


def test_checkpoint_prints_when_no_file_is_given(users):
    build_chain(users, 3)
    assert Checkpoint(**json.loads(run("checkpoint"))).seq == 3


def test_checkpoint_refuses_a_tampered_trail(users, tmp_path):
    build_chain(users, 10)
    AuditEntry.objects.filter(seq=4).delete()
    with pytest.raises(CommandError) as caught:
        run("checkpoint", "--out", str(tmp_path / "c.json"))
    assert caught.value.returncode == 2
    assert not (tmp_path / "c.json").exists()


def test_checkpoint_refuses_an_empty_trail(db):
    with pytest.raises(CommandError, match="nothing to checkpoint"):
        run("checkpoint")


def test_verify_with_a_checkpoint_catches_a_cut_tail_the_head_alone_misses(users, tmp_path):
    build_chain(users, 20)
    path = tmp_path / "c.json"
    run("checkpoint", "--out", str(path))
    build_chain(users, 5, seed=2)
    AuditEntry.objects.filter(seq__gt=15).delete()
    AuditHead.objects.update(seq=15, hmac=AuditEntry.objects.get(seq=15).hmac)
    assert "intact" in run("verify")
    with pytest.raises(CommandError) as caught:
        run("verify", "--checkpoint", str(path))
    assert caught.value.returncode == 2
    assert "before the checkpoint at entry 20" in str(caught.value)


@pytest.mark.parametrize("content", ["", "{}", '{"seq": 0, "hmac": "x", "at": ""}', "[1]"])
def test_verify_refuses_a_file_that_is_not_a_checkpoint(db, tmp_path, content):
    path = tmp_path / "c.json"
    path.write_text(content)
    with pytest.raises(CommandError, match="checkpoint") as caught:
        run("verify", "--checkpoint", str(path))
    assert caught.value.returncode == 1


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True, available_apps=["journeys.audit"])
def test_the_console_command_exits_0_when_intact_and_2_when_tampered():
    for number in range(5):
        audit_record(actor="someone", action="archive.interviewee.read", detail={"n": number})
    env = {
        **os.environ,
        "JOURNEYS_DATA_DIR": str(settings.DATA_DIR),
        "DATABASE_URL": database_url(),
        "LANG": "C",
    }
    command = [sys.executable, "-m", "journeys.cli", "audit", "verify"]
    intact = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    AuditEntry.objects.filter(seq=3).update(action="export.report")
    tampered = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert intact.returncode == 0, intact.stderr
    assert "intact: 5 entries" in intact.stdout
    assert tampered.returncode == 2
    assert "Entry 3 does not match its seal" in tampered.stderr
