"""Backups: the whole archive in one sealed file, which restores record for record into a
fresh data directory on another database, and which is refused, with nothing written, when
it is damaged, cut short or opened with the wrong key."""

import hashlib
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from journeys.archive import services
from journeys.archive.models import Interviewee
from journeys.audit.models import AuditEntry
from journeys.backup.backup import (
    BackupDamaged,
    BackupError,
    backed_up_models,
    backup_create,
    backup_verify,
    erasures_of,
    media_root,
    read_header,
)
from journeys.erasure import services as erasure
from journeys.keys import keyring
from journeys.keys.sealing import Sealer
from journeys.vault import identity
from journeys.vault.identity import Contact, IdentityData, Relative
from journeys.vault.models import Identity, IdentityDigest

ROOT = Path(__file__).resolve().parents[2]
MARKERS = {
    "hangul name": "백업표지김순희",
    "latin name": "Baekup Sunhui",
    "phone": "+86 135 2468 9753",
    "town": "표지마을",
    "date": "1972-07-19",
}
TEXT = (
    f"저는 {MARKERS['hangul name']}({MARKERS['latin name']})입니다. {MARKERS['town']}에서 "
    f"{MARKERS['date']}에 태어났고 전화는 {MARKERS['phone']}입니다."
)
RECORDING = Path("recordings") / "W-0001" / "part-1.txt"
DEFAULT_POSTGRES = "postgres://postgres:postgres@127.0.0.1:5432/journeys"


# --- the archive to back up ------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path, archive_keys) -> Iterator[Path]:
    """The session's keys in a data directory of this test's own, so its media stay its own."""
    directory = tmp_path / "data"
    directory.mkdir(mode=0o700)
    shutil.copy2(keyring.meta_path(), directory / "keys.json")
    with override_settings(DATA_DIR=directory, MEDIA_ROOT=directory / "media"):
        yield directory


@pytest.fixture
def marked_archive(users, interview, event, data_dir) -> Interviewee:
    """Records full of markers, written through the services, and a file in the media folder."""
    interviewer = users["interviewer"]
    services.transcript_save(
        acting_user=interviewer,
        interview=interview,
        segments=[
            services.SegmentInput(text_ko="어디에서 오셨어요?", speaker="interviewer"),
            services.SegmentInput(text_ko=TEXT, text_en=f"I am {MARKERS['latin name']}."),
        ],
    )
    services.event_add(
        acting_user=users["coder"],
        interview=interview,
        data=services.EventInput(stage=event.stage, event_type=event.event_type, notes=TEXT),
    )
    identity.identity_save(
        acting_user=interviewer,
        interviewee=interview.interviewee,
        data=IdentityData(
            names=[MARKERS["hangul name"], MARKERS["latin name"]],
            birth_date=MARKERS["date"],
            contacts=[Contact("phone", MARKERS["phone"])],
            family=[Relative("김영호", "brother", MARKERS["town"], True)],
        ),
    )
    recording = media_root() / RECORDING
    recording.parent.mkdir(parents=True, mode=0o700)
    recording.write_text(TEXT, encoding="utf-8")
    return interview.interviewee


@pytest.fixture
def backup_file(marked_archive, tmp_path) -> Path:
    out = tmp_path / "archive.jbak"
    call_command("backup", out=str(out), stdout=StringIO())
    return out


@pytest.fixture
def key_secret() -> dict:
    return keyring.secret_from_environment()


# --- what must come back ---------------------------------------------------------------------


def archive_digest() -> dict:
    """Every backed-up row as the serializer sees it, every sealed value opened with the
    archive's keys, the media, and a look-up by keyed digest: what a restore must give back.
    Run in this process for the source, and in a subprocess for a restored data directory."""
    return {
        "rows": {model._meta.label_lower: rows_of(model) for model in backed_up_models()},
        "opened": opened_records(),
        "found by phone": sorted(
            IdentityDigest.objects.filter(
                digest=identity.digest(IdentityDigest.Kind.PHONE, MARKERS["phone"])
            ).values_list("identity__interviewee__code", flat=True)
        ),
        "media": media_listing(),
    }


def rows_of(model) -> list[dict]:
    rows = serializers.serialize(
        "python", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
    )
    for row in rows:
        for name, value in row["fields"].items():
            if isinstance(value, list):
                row["fields"][name] = sorted(value, key=str)  # links come in no fixed order
    return json.loads(json.dumps(rows, default=str))


def opened_records() -> dict[str, list[str]]:
    opened = {}
    for person in Interviewee.objects.select_related("data_key").order_by("code"):
        sealer = Sealer(person.data_key)
        texts = []
        for interview in person.interviews.order_by("pk"):
            texts.append(sealer.open(interview, "date"))
            for segment in interview.segments.order_by("position"):
                texts += [sealer.open(segment, "text_ko"), sealer.open(segment, "text_en")]
            for event in interview.events.order_by("position"):
                texts += [sealer.open(event, "place_detail"), sealer.open(event, "notes")]
        for kept in Identity.objects.filter(interviewee=person):
            texts.append(sealer.open(kept, "identity"))
        opened[person.code] = texts
    return opened


def media_listing() -> dict[str, str]:
    root = media_root()
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def assert_same_archive(source: dict, restored: dict, *, later_actions: list[str]) -> None:
    """Equal in every row and every opened value; the restored trail goes on from the
    source's with the entries that backing up and restoring added."""
    trail = source["rows"].pop("audit.auditentry")
    restored_trail = restored["rows"].pop("audit.auditentry")
    assert restored_trail[: len(trail)] == trail
    assert [e["fields"]["action"] for e in restored_trail[len(trail) :]] == later_actions
    for digest in (source, restored):
        digest["rows"].pop("audit.audithead")  # the head moves with the trail
    assert restored == source


# --- running journeys in another data directory ----------------------------------------------


def environment(data_dir: Path, database_url: str = "", key_file: str = "") -> dict[str, str]:
    """The test's environment (its key file) pointed at another data directory, and at a new
    SQLite file there unless a database URL is given."""
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    env.update(
        JOURNEYS_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="journeys.settings", LANG="C"
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    if key_file:
        env["JOURNEYS_KEY_FILE"] = key_file
    return env


def journeys(*args, data_dir: Path, **where) -> subprocess.CompletedProcess:
    """A `journeys` command in a process of its own, as an operator would run it there."""
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *map(str, args)],
        env=environment(data_dir, **where),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def succeeds(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def digest_of(data_dir: Path, **where) -> dict:
    script = (
        "import json, django; django.setup(); "
        "from tests.backup.test_backup import archive_digest; print(json.dumps(archive_digest()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=environment(data_dir, **where),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return json.loads(succeeds(result))


def nothing_restored_in(data_dir: Path) -> bool:
    # Settings make a new data directory's secret key at start-up; nothing else may appear.
    return sorted(p.name for p in data_dir.iterdir()) == ["secret_key"]


@pytest.fixture
def scratch_postgres() -> Iterator[str]:
    """An empty PostgreSQL database of this test's own, dropped afterwards."""
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    parts = urlsplit(url if url.startswith("postgres") else DEFAULT_POSTGRES)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    try:
        server = psycopg.connect(maintenance, autocommit=True, connect_timeout=3)
    except psycopg.Error:
        pytest.skip(f"no PostgreSQL answers at {parts.hostname}:{parts.port}")
    name = f"journeys_backup_{secrets.token_hex(4)}"
    server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


# --- the drill -------------------------------------------------------------------------------


def test_a_backup_restores_record_for_record_into_a_fresh_data_directory(
    marked_archive, backup_file, tmp_path
):
    source = archive_digest()
    fresh = tmp_path / "fresh"

    out = succeeds(journeys("restore", backup_file, data_dir=fresh))

    assert "Restored" in out
    assert TEXT in source["opened"][marked_archive.code], "the comparison sees opened texts"
    assert source["found by phone"] == [marked_archive.code]
    assert RECORDING.as_posix() in source["media"]
    restored = digest_of(fresh)
    assert_same_archive(source, restored, later_actions=["vault.backup.restored"])
    assert "intact" in succeeds(journeys("audit", "verify", data_dir=fresh))
    assert (fresh / "keys.json").stat().st_mode & 0o077 == 0
    assert (fresh / "media" / RECORDING).stat().st_mode & 0o777 == 0o600
    assert "Added 1" in succeeds(journeys("demo-data", "--count", "1", data_dir=fresh)), (
        "the restored archive takes new records: its keys open and its id sequences go on"
    )


def test_a_backup_travels_from_sqlite_to_postgresql_and_back(
    backup_file, tmp_path, scratch_postgres
):
    source = archive_digest()
    on_sqlite, on_postgres, back = tmp_path / "sqlite", tmp_path / "postgres", tmp_path / "back"
    second, third = tmp_path / "second.jbak", tmp_path / "third.jbak"

    succeeds(journeys("restore", backup_file, data_dir=on_sqlite))
    succeeds(journeys("backup", "--out", second, data_dir=on_sqlite))
    on_postgres_db = {"data_dir": on_postgres, "database_url": scratch_postgres}
    succeeds(journeys("restore", second, **on_postgres_db))
    succeeds(journeys("backup", "--out", third, **on_postgres_db))
    succeeds(journeys("restore", third, data_dir=back))
    new_record = journeys("demo-data", "--count", "1", **on_postgres_db)

    restored = digest_of(back)
    assert_same_archive(
        source,
        restored,
        later_actions=["vault.backup.restored", "export.backup"] * 2 + ["vault.backup.restored"],
    )
    assert "intact" in succeeds(journeys("audit", "verify", data_dir=back))
    assert "Added 1" in succeeds(new_record), "PostgreSQL's id sequences go on after the rows"


def test_taking_a_backup_is_on_the_audit_trail(backup_file):
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action == "export.backup"
    assert entry.actor_name == "journeys backup"


# --- what the file shows -------------------------------------------------------------------


def test_the_backup_file_holds_no_marker_and_no_key_in_the_clear(backup_file, archive_keys):
    raw = backup_file.read_bytes()
    key_file_text = Path(os.environ["JOURNEYS_KEY_FILE"]).read_text().strip()
    keys = [archive_keys.kek, *archive_keys.subkeys.values(), keyring.unb64(key_file_text)]

    assert [name for name, marker in MARKERS.items() if marker.encode() in raw] == []
    assert "김영호".encode() not in raw
    assert [k for k in keys if k in raw or keyring.b64(k).encode() in raw] == []
    assert backup_file.stat().st_mode & 0o777 == 0o600


def test_a_backup_never_overwrites_a_file(marked_archive, tmp_path):
    existing = tmp_path / "existing.jbak"
    existing.write_bytes(b"an older backup")

    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", out=str(existing), stdout=StringIO())
    assert existing.read_bytes() == b"an older backup"
    assert list(tmp_path.glob(".existing.jbak.*")) == []


# --- damage is refused -----------------------------------------------------------------------


def opens(path: Path, secret: dict) -> bool:
    try:
        backup_verify(path, secret=secret)
    except (BackupError, keyring.KeyringError):
        return False
    return True


def test_a_flipped_bit_anywhere_is_refused(backup_file, key_secret, tmp_path):
    data = backup_file.read_bytes()
    rng = random.Random(7)
    ends = [*range(96), *range(len(data) - 96, len(data))]
    positions = sorted({*ends, *rng.sample(range(len(data)), 150)})
    damaged = tmp_path / "damaged.jbak"
    accepted = []

    for position in positions:
        copy = bytearray(data)
        copy[position] ^= 1 << rng.randrange(8)
        damaged.write_bytes(copy)
        if opens(damaged, key_secret):
            accepted.append(position)

    assert opens(backup_file, key_secret), "the undamaged file must open: else this proves nothing"
    assert accepted == []


def test_a_damaged_backup_restores_nothing(backup_file, tmp_path):
    data = bytearray(backup_file.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged = tmp_path / "damaged.jbak"
    damaged.write_bytes(data)
    target = tmp_path / "target"

    result = journeys("restore", damaged, data_dir=target)

    assert result.returncode == 1
    assert "damaged or was altered" in result.stderr
    assert nothing_restored_in(target)


def test_a_backup_cut_short_is_refused(backup_file, key_secret, tmp_path):
    data = backup_file.read_bytes()
    with backup_file.open("rb") as source:
        read_header(source)
        first_chunk = source.tell()
    cut = tmp_path / "cut.jbak"
    lengths = [0, 7, 12, first_chunk - 1, first_chunk, first_chunk + 100, len(data) - 1]

    accepted = []
    for length in lengths:
        cut.write_bytes(data[:length])
        if opens(cut, key_secret):
            accepted.append(length)
    cut.write_bytes(data + b"\0")

    assert accepted == []
    assert not opens(cut, key_secret), "bytes after the last part are refused too"
    cut.write_bytes(data[: len(data) // 2])
    target = tmp_path / "target"
    assert journeys("restore", cut, data_dir=target).returncode == 1
    assert nothing_restored_in(target)


def chunks_of(path: Path) -> tuple[bytes, list[bytes]]:
    """The bytes before the first chunk, and each chunk with its length."""
    data = path.read_bytes()
    with path.open("rb") as source:
        read_header(source)
        position = source.tell()
    prefix, chunks = data[:position], []
    while position < len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        chunks.append(data[position : position + 4 + length])
        position += 4 + length
    return prefix, chunks


@pytest.mark.parametrize(
    "rearrange",
    [
        pytest.param(lambda c: [c[1], c[0], *c[2:]], id="two parts swapped"),
        pytest.param(lambda c: c[:-1], id="the last part dropped"),
        pytest.param(lambda c: [c[0], *c[2:]], id="a middle part dropped"),
        pytest.param(lambda c: [c[0], c[1], c[1], *c[2:]], id="a part repeated"),
        pytest.param(lambda c: [*c[:-1], c[-2], c[-1]], id="a part moved to the end"),
    ],
)
def test_rearranged_parts_are_refused(rearrange, marked_archive, key_secret, tmp_path):
    small = tmp_path / "small-parts.jbak"
    backup_create(small, chunk_bytes=4096)
    prefix, chunks = chunks_of(small)
    assert len(chunks) > 5
    rearranged = tmp_path / "rearranged.jbak"
    rearranged.write_bytes(prefix + b"".join(rearrange(chunks)))

    assert opens(small, key_secret)
    with pytest.raises(BackupDamaged):
        backup_verify(rearranged, secret=key_secret)


def test_a_wrong_key_file_is_refused_and_restores_nothing(backup_file, tmp_path):
    wrong = tmp_path / "wrong.key"
    keyring.write_key_file(wrong)
    target = tmp_path / "target"

    result = journeys("restore", backup_file, data_dir=target, key_file=str(wrong))

    assert result.returncode == 1
    assert "wrong" in result.stderr
    assert nothing_restored_in(target)
    with pytest.raises(keyring.KeyringError):
        backup_verify(backup_file, secret={"key": keyring.read_key_file(wrong)})


# --- where a restore may go --------------------------------------------------------------------


def test_verify_only_checks_the_backup_and_writes_nothing(backup_file, tmp_path):
    target = tmp_path / "target"

    out = succeeds(journeys("restore", "--verify-only", backup_file, data_dir=target))

    assert "is intact" in out
    assert nothing_restored_in(target)


def test_restore_refuses_a_data_directory_that_holds_an_archive(backup_file, tmp_path):
    target = tmp_path / "target"
    target.mkdir()
    (target / "keys.json").write_text('{"kept": "as it was"}')

    result = journeys("restore", backup_file, data_dir=target)

    assert result.returncode == 1
    assert "holds an archive already" in result.stderr
    assert (target / "keys.json").read_text() == '{"kept": "as it was"}'


def test_restore_refuses_a_database_that_holds_data(backup_file, tmp_path):
    target = tmp_path / "target"
    succeeds(journeys("init", data_dir=target))  # the codebook is data
    (target / "keys.json").unlink()

    result = journeys("restore", backup_file, data_dir=target)

    assert result.returncode == 1
    assert "already holds data" in result.stderr
    assert not (target / "keys.json").exists()


# --- backups made before the data keys moved from the vault app to the keys app --------------

BEFORE_KEYS_APP = ROOT / "tests" / "backup" / "data" / "before-keys-app.jbak"
BEFORE_KEYS_APP_KEY = BEFORE_KEYS_APP.with_suffix(".key")


def test_a_backup_made_before_later_schema_changes_is_refused_clearly_and_restores_nothing(
    tmp_path,
):
    """The file was written by Journeys as of commit 9966b69 (`journeys demo-data --count 1`,
    then `journeys backup`), when DataKey was the vault's model: its rows say `vault.datakey`.
    The move of that model alone would fit it (LATER_MIGRATIONS_A_BACKUP_FITS), but the vault
    policy per team and consent's sealed reason change tables since, so it restores only
    with the version that made it, then `journeys migrate`: refused whole, with that said."""
    secret = {"key": keyring.read_key_file(BEFORE_KEYS_APP_KEY)}
    assert "vault.datakey" in backup_verify(BEFORE_KEYS_APP, secret=secret).manifest["models"]
    fresh = tmp_path / "fresh"

    result = journeys("restore", BEFORE_KEYS_APP, data_dir=fresh, key_file=str(BEFORE_KEYS_APP_KEY))

    assert result.returncode == 1
    assert "Restore it with that version, then upgrade and run `journeys migrate`" in result.stderr
    assert "Traceback" not in result.stderr
    assert nothing_restored_in(fresh)


# --- erasure: a backup made before does not bring her back -----------------------------------


def test_a_backup_made_before_her_erasure_restores_without_her_given_the_list_of_erasures(
    users, marked_archive, backup_file, data_dir, tmp_path
):
    code, key_id = marked_archive.code, marked_archive.data_key_id
    before = archive_digest()
    her_wrapped = next(r for r in before["rows"]["keys.datakey"] if r["pk"] == key_id)
    erasure.interviewee_erase(
        acting_user=users["administrator"],
        interviewee=marked_archive,
        reason="She asked in writing to be erased",
        confirmation=code,
    )
    later_backup = tmp_path / "later.jbak"
    call_command("backup", out=str(later_backup), stdout=StringIO())
    without_list, with_list = tmp_path / "without", tmp_path / "with"

    succeeds(journeys("restore", backup_file, data_dir=without_list))
    out = succeeds(
        journeys(
            "restore", backup_file, "--erased-from", data_dir / "keys.json", data_dir=with_list
        )
    )

    assert TEXT in digest_of(without_list)["opened"][code], (
        "without the list an old backup brings her back: the list is what keeps her erased"
    )
    assert "Restored" in out
    restored = digest_of(with_list)
    assert code not in restored["opened"]
    assert restored["found by phone"] == []
    assert her_wrapped not in restored["rows"]["keys.datakey"]
    assert [r["fields"]["code"] for r in restored["rows"]["archive.interviewee"]] == []
    assert [e["key"] for e in erasures_of(with_list / "keys.json")] == [
        e["key"] for e in keyring.erased_keys()
    ], "the restored archive lists the erasure, so its own backups carry it on"
    assert erasures_of(later_backup) == keyring.erased_keys(), "a later backup carries it too"
    restored_trail = restored["rows"]["audit.auditentry"]
    assert restored_trail[-1]["fields"]["action"] == "vault.backup.restored"
    assert restored_trail[-1]["fields"]["detail"]["erased_again"] == [code]
    assert "intact" in succeeds(journeys("audit", "verify", data_dir=with_list))


def test_restore_refuses_a_list_of_erasures_that_is_neither_keys_nor_a_backup(
    backup_file, tmp_path
):
    nonsense = tmp_path / "notes.txt"
    nonsense.write_text("not a list", encoding="utf-8")
    fresh = tmp_path / "fresh"
    result = journeys("restore", backup_file, "--erased-from", nonsense, data_dir=fresh)
    assert result.returncode != 0
    assert "neither a keys.json nor a backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert nothing_restored_in(fresh)
