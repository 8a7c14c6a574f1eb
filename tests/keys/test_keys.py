"""The keyring: made once, opened only with the operator's secret, rotated without loss."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from journeys.keys import crypto, keyring, rotation
from journeys.keys.models import DataKey
from journeys.keys.sealing import data_key_new, record_key

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_archive(tmp_path, archive_keys):
    """A second, empty data directory with keys of its own (the session's keys come back after)."""
    with override_settings(DATA_DIR=tmp_path):
        yield tmp_path
    keyring.unlock(key=keyring.read_key_file(os.environ["JOURNEYS_KEY_FILE"]))


def test_keys_json_holds_no_key_in_the_clear(fresh_archive):
    key = keyring.write_key_file(fresh_archive / "k")
    keyring.create(key=key)
    raw = (fresh_archive / "keys.json").read_bytes()
    unlocked = keyring.unlocked()
    for secret in (key, unlocked.kek, *unlocked.subkeys.values()):
        assert secret not in raw
        assert keyring.b64(secret).encode() not in raw
    assert (fresh_archive / "keys.json").stat().st_mode & 0o077 == 0


def test_a_passphrase_opens_the_archive_and_a_wrong_one_does_not(fresh_archive):
    keyring.create(passphrase="correct horse battery staple")
    kek = keyring.unlocked().kek
    keyring.lock()
    with pytest.raises(keyring.KeyringError, match="wrong"):
        keyring.unlock(passphrase="correct horse battery stapler")
    keyring.unlock(passphrase="correct horse battery staple")
    assert keyring.unlocked().kek == kek


def test_a_short_passphrase_is_refused(fresh_archive):
    with pytest.raises(keyring.KeyringError, match="15"):
        keyring.create(passphrase="too short")
    assert not (fresh_archive / "keys.json").exists()


def test_the_recovery_code_replaces_a_lost_passphrase_and_keeps_every_key(fresh_archive, db):
    code = keyring.create(passphrase="the passphrase that will be lost")
    before = keyring.unlocked()
    data_key = data_key_new()
    plain = record_key(data_key)
    keyring.lock()
    new_code = keyring.change_secret(
        code=code.lower(), new_passphrase="a brand new passphrase here"
    )
    keyring.lock()
    keyring.unlock(passphrase="a brand new passphrase here")
    assert keyring.unlocked().kek == before.kek
    assert keyring.unlocked().subkeys == before.subkeys
    assert record_key(data_key) == plain
    assert new_code != code
    with pytest.raises(keyring.KeyringError):
        keyring.change_secret(code=code, new_passphrase="yet another passphrase here")


def test_rotation_rewraps_every_data_key_and_can_be_interrupted(fresh_archive, db):
    key = keyring.write_key_file(fresh_archive / "k")
    keyring.create(key=key)
    old_id = keyring.unlocked().kek_id
    data_keys = [data_key_new() for _ in range(25)]
    plain = {dk.pk: record_key(dk) for dk in data_keys}

    partial = rotation.rotate({"key": key}, batch_size=10, max_batches=1)
    assert (partial.rewrapped, partial.remaining, partial.finished) == (10, 15, False)
    # Mid-rotation, a fresh process (unlocking from keys.json) still opens every data key.
    keyring.lock()
    keyring.unlock(key=key)
    assert {dk.pk: record_key(dk) for dk in DataKey.objects.all()} == plain

    done = rotation.rotate({"key": key}, batch_size=10)
    assert done.finished
    new_id = keyring.unlocked().kek_id
    assert new_id != old_id
    assert set(DataKey.objects.values_list("kek_id", flat=True)) == {new_id}
    keyring.lock()
    keyring.unlock(key=key)
    assert {dk.pk: record_key(dk) for dk in DataKey.objects.all()} == plain
    assert "rotation" not in json.loads((fresh_archive / "keys.json").read_text())


def test_a_data_key_under_an_unknown_kek_fails_closed(db):
    data_key = data_key_new()
    data_key.kek_id = "0" * 16
    with pytest.raises(crypto.DecryptionFailed):
        record_key(data_key)


def test_the_server_refuses_to_start_without_the_key_and_says_why(tmp_path):
    env = {**os.environ, "JOURNEYS_DATA_DIR": str(tmp_path), "JOURNEYS_KEY_FILE": ""}
    env.pop("DATABASE_URL", None)
    key_file = tmp_path / "k"
    subprocess.run(
        [sys.executable, "-m", "journeys.cli", "init"],
        env={**env, "JOURNEYS_KEY_FILE": str(key_file)},
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", "import journeys.wsgi"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "JOURNEYS_KEY_FILE" in result.stderr
