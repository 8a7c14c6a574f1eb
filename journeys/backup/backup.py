"""Backups: one encrypted, integrity-checked file holding the whole archive, and its restore.

What a backup holds: every row of every model (Django's serializer, JSON Lines, so a backup
made on SQLite restores into PostgreSQL and back; sealed columns stay sealed), the media
folder, and the archive's key metadata (keys.json, which holds keys only sealed). Never the
key file, the passphrase or a key in the clear. Sign-ins (sessions) are left out.

The file:

    MAGIC | format (2 bytes) | header length (4 bytes) | header (JSON, in the clear)
    then chunks, each: length (4 bytes) | crypto.seal(content key, chunk, associated data)

The header carries keys.json, so that restoring on a new machine needs only this file and
the operator's passphrase or key file: they open the KEK, the KEK opens the `backup` subkey,
which opens the random content key of this one backup. (The subkey rather than the KEK
itself: subkeys are sealed under the KEK that keys.json's "unlock" opens, also in the middle
of a rotation, when the KEK in use is already the new one.) The chunks are a zlib-compressed tar
stream cut into pieces. Each chunk's associated data holds a digest of everything before the
first chunk (so no header byte can change), the chunk's number (no reordering, no dropping)
and whether it is the last (no cutting the end off). The tar's last member, manifest.json,
lists the SHA-256 of every other member and the number of rows of each model.

The rows are read in one snapshot that does not hold up writers, after the audit entry that
records the backup (so the backup holds it). Restore reads the whole file and checks all of
it before it writes anything; then it writes
keys.json, migrates, and loads the rows and stages the media inside one transaction, which
commits only after the second reading has matched the first.
"""

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
import tarfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import base as serializer_base
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.models import Model
from django.utils.translation import gettext as _

from journeys.audit.services import audit_record
from journeys.backup.backup_format import (
    CHUNK_BYTES,
    FORMAT,
    MAGIC,
    BackupDamaged,
    BackupError,
    _new_header,
    _open_content_key,
    _OpeningReader,
    _prefix,
    _SealingWriter,
    read_header,
)
from journeys.erasure.services import erasures_reapply
from journeys.keys import crypto, keyring
from journeys.keys.models import DataKey

# The database goes into the tar in parts of about this size: a tar member's size must be
# known before it is written, and a part in memory is what the stream can afford.
PART_BYTES = 8 << 20
MANIFEST = "manifest.json"
DATABASE_PART = re.compile(r"^database/\d{5}\.jsonl$")
MODEL_OF_LINE = re.compile(rb'^\{"model":"([a-z0-9_]+\.[a-z0-9_]+)"')
BATCH_ROWS = 2000
# Left out: sessions (a restored archive signs everybody out), and the content types and
# permissions that `migrate` makes anew (rows that refer to them do so by natural key).
LEFT_OUT = frozenset(
    {"sessions.session", "accounts.usersession", "contenttypes.contenttype", "auth.permission"}
)
RECREATED = frozenset({"contenttypes.contenttype", "auth.permission"})
# Migrations that a backup made before them still fits, rows as they are: those that change
# no table, only where Django thinks a model lives (DataKey moved from the vault app to the
# keys app, keeping its table; the rows' old labels below), and those that only add a table
# that may well be empty (the codebook's revision token: none means "never changed"). Any
# other migration makes older backups restore only with the version that made them.
LATER_MIGRATIONS_A_BACKUP_FITS = frozenset(
    {
        ("keys", "0001_initial"),
        ("archive", "0003_datakey_in_keys_app"),
        ("vault", "0002_datakey_to_keys_app"),
        ("codebook", "0002_revision_token"),
    }
)
# Models that moved to another app, by the label that older backups name them with.
RENAMED_MODELS = {"vault.datakey": "keys.datakey"}
# Where a row being backed up carries its many-to-many links (see _with_links).
LINKS = "_backup_links"


# --- what a backup holds ---------------------------------------------------------------------


def backed_up_models() -> list[type[Model]]:
    """Every model whose rows a backup holds, in a fixed order."""
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in LEFT_OUT
        and model._meta.managed
        and not model._meta.proxy
        and router.allow_migrate_model(DEFAULT_DB_ALIAS, model)
    ]


def media_root() -> Path:
    return Path(getattr(settings, "MEDIA_ROOT", "") or settings.DATA_DIR / "media")


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _migration_graph() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


def _applied_migrations() -> list[list[str]]:
    """The migrations this database has, refusing one that lacks some: a backup restores
    into a database migrated exactly as far, by the same version of Journeys."""
    loader = MigrationLoader(connections[DEFAULT_DB_ALIAS], ignore_no_migrations=True)
    missing = set(loader.graph.nodes) - set(loader.applied_migrations)
    if missing:
        raise BackupError(_("The database is not fully migrated: run `journeys migrate` first."))
    return sorted([app, name] for app, name in loader.graph.nodes)


def _is_recreated(model: type[Model]) -> bool:
    return model._meta.label_lower in RECREATED


class _ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond. Django's encoder cuts them to milliseconds (ECMA-262), which
    would change every timestamp on restore and break every seal of the audit chain."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class _RowSerializer(jsonl.Serializer):
    """JSON Lines, one row a line. Foreign keys are ids (kept on restore), except to content
    types and permissions, which `migrate` recreates with other ids: those go by natural key."""

    def end_object(self, obj) -> None:
        row = self.get_dump_object(obj)
        line = json.dumps(row, cls=_ExactEncoder, ensure_ascii=False, separators=(",", ":"))
        self.stream.write(line + "\n")
        self._current = None

    def handle_fk_field(self, obj, field) -> None:
        if _is_recreated(field.related_model):
            related = getattr(obj, field.name)
            self._current[field.name] = related.natural_key() if related else None
        else:
            self._current[field.name] = self._value_from_field(obj, field)

    def handle_m2m_field(self, obj, field) -> None:
        if not field.remote_field.through._meta.auto_created:
            return  # an explicit through model is backed up as a model of its own
        if _is_recreated(field.related_model):
            self._current[field.name] = [r.natural_key() for r in getattr(obj, field.name).all()]
        else:
            self._current[field.name] = obj.__dict__[LINKS][field.name]


def _links(models: Iterable[type[Model]]) -> list:
    """The many-to-many fields whose link tables Django made (and a backup must carry)."""
    return [
        f
        for model in models
        for f in model._meta.many_to_many
        if f.remote_field.through._meta.auto_created
    ]


def _link_columns(field) -> tuple[str, str]:
    through = field.remote_field.through._meta
    source = through.get_field(field.m2m_field_name()).attname
    return source, through.get_field(field.m2m_reverse_field_name()).attname


def _rows(model: type[Model]) -> Iterator[Model]:
    rows = model._base_manager.using(DEFAULT_DB_ALIAS).order_by(model._meta.pk.name)
    fields = [f for f in _links([model]) if not _is_recreated(f.related_model)]
    rows = rows.iterator(chunk_size=BATCH_ROWS)
    return _with_links(rows, fields) if fields else rows


def _with_links(rows: Iterator[Model], fields: list) -> Iterator[Model]:
    """The rows with their links attached, read a batch of rows at a time: prefetch_related
    would build a model object for every linked row, and doubled the time of a backup."""
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH_ROWS:
            yield from _attach_links(batch, fields)
            batch = []
    yield from _attach_links(batch, fields)


def _attach_links(batch: list[Model], fields: list) -> list[Model]:
    if not batch:
        return batch
    for row in batch:
        row.__dict__[LINKS] = {}
    for f in fields:
        source, target = _link_columns(f)
        # The rows come in primary-key order, so one range covers the batch.
        span = {f"{source}__gte": batch[0].pk, f"{source}__lte": batch[-1].pk}
        links = f.remote_field.through._base_manager.filter(**span).order_by(source, target)
        found = defaultdict(list)
        for row_id, linked in links.values_list(source, target):
            found[row_id].append(linked)
        for row in batch:
            row.__dict__[LINKS][f.name] = found[row.pk]
    return batch


@contextmanager
def _read_snapshot() -> Iterator[None]:
    """One consistent view of the database for the whole dump, without stopping writers.

    On SQLite, Django begins transactions IMMEDIATE (settings), which takes the write lock:
    a deferred transaction instead reads one snapshot of the WAL and lets writers go on. On
    PostgreSQL, REPEATABLE READ gives the same. Inside a caller's transaction (the tests),
    that transaction is the snapshot.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor != "sqlite":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    connection.ensure_connection()
    mode, connection.transaction_mode = connection.transaction_mode, "DEFERRED"
    try:
        with transaction.atomic():
            yield
    finally:
        connection.transaction_mode = mode


def _keys_for_snapshot() -> dict:
    """keys.json as the snapshot needs it: every data key in the snapshot must open with a
    KEK it holds. Read after the snapshot has begun, a rotation that started meanwhile is
    in it; one that finished meanwhile (old KEK gone, old-wrapped keys in the snapshot) is
    caught here."""
    used = set(DataKey.objects.values_list("kek_id", flat=True).distinct())  # snapshot begins
    meta = keyring.read_meta()
    held = {meta["kek_id"], meta.get("rotation", {}).get("kek_id")}
    if used - held:
        raise BackupError(_("The archive's keys changed during the backup: run it again."))
    return meta


# --- what reading or writing a backup reports -----------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    backup_id: str
    created_at: str
    journeys: str
    size: int
    chunks: int
    records: int
    media_files: int
    seconds: float
    manifest: dict = field(repr=False)
    header: dict = field(repr=False)
    content_key: bytes = field(repr=False)


def _info(path, header, manifest, chunks, content_key, started) -> BackupInfo:
    media = [m for m in manifest["members"] if m["name"].startswith("media/")]
    return BackupInfo(
        path=path,
        backup_id=header["backup_id"],
        created_at=header["created_at"],
        journeys=header.get("journeys", "unknown"),
        size=path.stat().st_size,
        chunks=chunks,
        records=sum(manifest["models"].values()),
        media_files=len(media),
        seconds=time.perf_counter() - started,
        manifest=manifest,
        header=header,
        content_key=content_key,
    )


# --- writing a backup ------------------------------------------------------------------------


@dataclass
class _Manifest:
    members: list[dict] = field(default_factory=list)
    models: Counter = field(default_factory=Counter)

    def add(self, name: str, data: bytes | None = None, *, digest: str = "", size: int = 0):
        if data is not None:
            digest, size = hashlib.sha256(data).hexdigest(), len(data)
        self.members.append({"name": name, "sha256": digest, "size": size})


class _HashingReader:
    def __init__(self, source: BinaryIO):
        self._source, self.sha, self.size = source, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self.sha.update(data)
        self.size += len(data)
        return data


class _DatabaseParts:
    """The stream the serializer writes to: cuts it into tar members of whole lines."""

    def __init__(self, tar: tarfile.TarFile, manifest: _Manifest):
        self._tar, self._manifest = tar, manifest
        self._lines: list[bytes] = []
        self._size = 0
        self.parts = 0

    def write(self, line: str) -> None:
        data = line.encode("utf-8")
        self._lines.append(data)
        self._size += len(data)
        if self._size >= PART_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self._lines:
            return
        data = b"".join(self._lines)
        name = f"database/{self.parts:05d}.jsonl"
        _add_member(self._tar, name, BytesIO(data), len(data))
        self._manifest.add(name, data)
        self._lines, self._size = [], 0
        self.parts += 1


def _add_member(tar: tarfile.TarFile, name: str, source: BinaryIO, size: int, mtime: int = 0):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, mtime
    tar.addfile(info, source)


def _counted(rows: Iterable[Model], manifest: _Manifest, label: str) -> Iterator[Model]:
    for row in rows:
        manifest.models[label] += 1
        yield row


def _write_database(tar: tarfile.TarFile, manifest: _Manifest) -> None:
    parts = _DatabaseParts(tar, manifest)
    for model in backed_up_models():
        label = model._meta.label_lower
        _RowSerializer().serialize(_counted(_rows(model), manifest, label), stream=parts)
    parts.flush()


def _write_media(tar: tarfile.TarFile, manifest: _Manifest) -> int:
    root = media_root()
    files = _media_files(root)
    for path in files:
        name = "media/" + path.relative_to(root).as_posix()
        stat = path.stat()
        with path.open("rb") as source:
            hashing = _HashingReader(source)
            _add_member(tar, name, hashing, stat.st_size, int(stat.st_mtime))
        manifest.add(name, digest=hashing.sha.hexdigest(), size=hashing.size)
    return len(files)


def _write_manifest(tar: tarfile.TarFile, manifest: _Manifest, backup_id: str) -> None:
    document = {
        "format": FORMAT,
        "backup_id": backup_id,
        "database": connections[DEFAULT_DB_ALIAS].vendor,
        "migrations": _applied_migrations(),
        "models": dict(sorted(manifest.models.items())),
        "members": manifest.members,
    }
    data = json.dumps(document, sort_keys=True).encode("utf-8")
    _add_member(tar, MANIFEST, BytesIO(data), len(data))


def _new_file(out: Path) -> tuple[Path, BinaryIO]:
    """A temporary file beside `out`, readable by its owner only."""
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(4)}.partial")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return temporary, os.fdopen(fd, "wb")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_create(
    out: Path, *, actor: str = "journeys backup", chunk_bytes: int = CHUNK_BYTES
) -> BackupInfo:
    """Write the whole archive to `out` (never over an existing file), read it back and
    check it. The keyring must be unlocked."""
    started = time.perf_counter()
    out = out.resolve()
    if out.exists():
        raise BackupError(
            _("%(path)s exists already: a backup never overwrites a file.") % {"path": out}
        )
    _applied_migrations()  # refuse before the trail says a backup was taken
    backup_id, content_key = secrets.token_hex(16), crypto.new_key()
    temporary, sink = _new_file(out)
    try:
        with sink:
            # Before the snapshot (which may be read-only), so the backup holds its entry.
            audit_record(actor=actor, action="export.backup", detail={"backup": backup_id})
            _write_backup(sink, backup_id, content_key, chunk_bytes)
            sink.flush()
            os.fsync(sink.fileno())
        checked = backup_verify(temporary, content_key=content_key)
        os.replace(temporary, out)
        _fsync_dir(out.parent)
    finally:
        temporary.unlink(missing_ok=True)
    return _info(out, checked.header, checked.manifest, checked.chunks, content_key, started)


def _write_backup(sink: BinaryIO, backup_id: str, content_key: bytes, chunk_bytes: int) -> None:
    with _read_snapshot():
        meta = _keys_for_snapshot()
        raw_header = _new_header(meta, backup_id, content_key, chunk_bytes)
        sink.write(_prefix(raw_header))
        digest = hashlib.sha256(_prefix(raw_header)).digest()
        writer = _SealingWriter(sink, content_key, digest, chunk_bytes)
        manifest = _Manifest()
        with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            _write_database(tar, manifest)
            _write_media(tar, manifest)
            _write_manifest(tar, manifest, backup_id)
        writer.close()


# --- reading and checking a backup -----------------------------------------------------------


def _chunk_bytes(header: dict) -> int:
    size = header.get("chunk_bytes")
    if not isinstance(size, int) or not 0 < size <= 64 * CHUNK_BYTES:
        raise BackupDamaged(_("the header is cut or malformed"))
    return size


def _members(reader: _OpeningReader) -> Iterator[tuple[tarfile.TarInfo, BinaryIO]]:
    """The tar's members in order; each must be read to its end before the next."""
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            for member in tar:
                _check_member_name(member)
                yield member, tar.extractfile(member)
    except tarfile.TarError as e:
        raise BackupDamaged(_("the archive inside is malformed")) from e


def _check_member_name(member: tarfile.TarInfo) -> None:
    """Only regular files, named as a backup names them: nothing may land outside the
    media folder on restore."""
    name = member.name
    if member.isreg() and (name == MANIFEST or DATABASE_PART.match(name)):
        return
    parts = PurePosixPath(name).parts
    safe = all(part not in ("", ".", "..") and "\\" not in part for part in parts)
    if not (member.isreg() and len(parts) > 1 and parts[0] == "media" and safe):
        raise BackupDamaged(_("the archive inside names an unexpected file"))


def _database_rows(data: BinaryIO, sha, models: Counter) -> Iterator[bytes]:
    """The lines of a database part, hashed and counted by model as they go by."""
    for line in data:
        sha.update(line)
        match = MODEL_OF_LINE.match(line)
        if not match:
            raise BackupDamaged(_("a database row is malformed"))
        models[match.group(1).decode("ascii")] += 1
        yield line


def _digest_member(name: str, data: BinaryIO, models: Counter) -> dict:
    sha, size = hashlib.sha256(), 0
    if DATABASE_PART.match(name):
        for line in _database_rows(data, sha, models):
            size += len(line)
    else:
        while block := data.read(1 << 20):
            sha.update(block)
            size += len(block)
    return {"name": name, "sha256": sha.hexdigest(), "size": size}


def _read_manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data)
    except ValueError:
        raise BackupDamaged(_("the manifest is malformed")) from None
    if not isinstance(manifest, dict):
        raise BackupDamaged(_("the manifest is malformed"))
    return manifest


def _check_manifest(manifest: dict | None, header: dict, members: list, models: Counter):
    if manifest is None:
        raise BackupDamaged(_("the manifest is missing"))
    if manifest.get("backup_id") != header.get("backup_id"):
        raise BackupDamaged(_("the manifest belongs to another backup"))
    if manifest.get("members") != members:
        raise BackupDamaged(_("a file inside does not match the manifest"))
    if manifest.get("models") != dict(models):
        raise BackupDamaged(_("the rows inside do not match the manifest"))


def backup_verify(
    path: Path, *, secret: dict | None = None, content_key: bytes | None = None
) -> BackupInfo:
    """Read the whole backup and check every chunk, every member and the manifest.

    The operator's secret (as keyring.secret_from_environment gives it) opens it; the
    content key does too, for the check right after writing. Raises BackupDamaged, or
    keyring.KeyringError for a wrong secret."""
    started = time.perf_counter()
    with path.open("rb") as source:
        header, digest = read_header(source)
        key = content_key or _open_content_key(header, secret or {})
        reader = _OpeningReader(source, key, digest, _chunk_bytes(header))
        members, models, manifest = [], Counter(), None
        for member, data in _members(reader):
            if manifest is not None:
                raise BackupDamaged(_("a file follows the manifest"))
            if member.name == MANIFEST:
                manifest = _read_manifest(data.read())
            else:
                members.append(_digest_member(member.name, data, models))
        reader.drain()
    _check_manifest(manifest, header, members, models)
    return _info(path, header, manifest, reader.chunks, key, started)


# --- restoring -------------------------------------------------------------------------------


def backup_restore(
    path: Path, *, secret: dict, actor: str = "journeys restore", erased: Iterable[dict] = ()
) -> BackupInfo:
    """Restore a backup into this empty data directory and database.

    Everything is checked first; a damaged backup, a wrong secret or a data directory that
    holds an archive already change nothing. A failure after that (a full disk) takes back
    keys.json and the staged media; the database is then migrated but empty, and the
    restore can simply be run again.

    `erased`: erasures made after the backup (erasures_of a later keys.json or backup). Her
    rows and data key are erased again before the restore commits, and the restored
    keys.json lists them, so that later backups carry the list on."""
    started = time.perf_counter()
    info = backup_verify(path, secret=secret)
    _check_same_migrations(info)
    _refuse_unless_empty()
    staging, committed = None, False
    try:
        keyring.write_meta(_meta_with_erasures(info.header["keys"], erased))
        keyring.unlock(**secret)
        call_command("migrate", interactive=False, verbosity=0)
        staging = _staging_dir()
        with transaction.atomic():
            _read_again(path, info, staging)
            again = erasures_reapply(keyring.erased_keys())
            detail = {"backup": info.backup_id, "made": info.created_at}
            if again:
                detail["erased_again"] = again
            audit_record(actor=actor, action="vault.backup.restored", detail=detail)
        committed = True
        _install_media(staging)
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if not committed:  # keys.json without its rows would only mislead
            keyring.meta_path().unlink(missing_ok=True)
            keyring.lock()
        raise
    return _info(path, info.header, info.manifest, info.chunks, info.content_key, started)


def erasures_of(path: Path) -> list[dict]:
    """The erasures listed in a keys.json, or in the keys.json that a backup file carries in
    its header (read without the secret: the list names key fingerprints, never a key)."""
    try:
        with path.open("rb") as source:
            if source.read(len(MAGIC)) == MAGIC:
                source.seek(0)
                return keyring.erased_keys(read_header(source)[0]["keys"])
        meta = json.loads(path.read_text(encoding="utf-8"))
        return keyring.erased_keys(meta)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise BackupError(
            _("%(path)s is neither a keys.json nor a backup: %(error)s")
            % {"path": path, "error": e}
        ) from e


def _meta_with_erasures(meta: dict, erased: Iterable[dict]) -> dict:
    known = {entry["key"] for entry in keyring.erased_keys(meta)}
    added = [entry for entry in erased if entry["key"] not in known]
    return {**meta, "erased": keyring.erased_keys(meta) + added} if added else meta


def _check_same_migrations(info: BackupInfo) -> None:
    ours = {tuple(node) for node in _migration_graph()}
    theirs = {tuple(node) for node in info.manifest.get("migrations", [])}
    if theirs <= ours and ours - theirs <= LATER_MIGRATIONS_A_BACKUP_FITS:
        return
    if ours != theirs:
        raise BackupError(
            _(
                "This backup was made by Journeys %(version)s, whose database differs from "
                "this version's (%(count)s migrations differ). Restore it with that version, "
                "then upgrade and run `journeys migrate`."
            )
            % {"version": info.journeys, "count": len(ours ^ theirs)}
        )


def _refuse_unless_empty() -> None:
    if keyring.meta_path().exists():
        raise BackupError(
            _(
                "%(path)s exists: this data directory holds an archive already. Restore only "
                "into an empty data directory (move this one aside first)."
            )
            % {"path": keyring.meta_path()}
        )
    root = media_root()
    if root.is_dir() and any(root.iterdir()):
        raise BackupError(
            _("The media folder %(path)s is not empty: restore only into an empty one.")
            % {"path": root}
        )
    connection = connections[DEFAULT_DB_ALIAS]
    tables = set(connection.introspection.table_names())
    for model in backed_up_models():
        if model._meta.db_table in tables and model._base_manager.exists():
            raise BackupError(
                _(
                    "The database already holds data (%(model)s): restore only into an "
                    "empty database."
                )
                % {"model": model._meta.label}
            )


def _read_again(path: Path, info: BackupInfo, staging: Path) -> None:
    """The second reading: load the rows and stage the media, checking again as it goes.
    The caller's transaction commits only if this reading matched the first."""
    with path.open("rb") as source:
        header, digest = read_header(source)
        reader = _OpeningReader(source, info.content_key, digest, _chunk_bytes(header))
        loader, members, models, manifest = _Loader(), [], Counter(), None
        for member, data in _members(reader):
            if member.name == MANIFEST:
                manifest = _read_manifest(data.read())
            elif DATABASE_PART.match(member.name):
                members.append(loader.load_part(member.name, data, models))
            else:
                members.append(_stage_media(staging, member, data))
        reader.drain()
        loader.finish()
    if header != info.header or manifest != info.manifest:
        raise BackupDamaged(_("the file changed while it was being restored"))
    _check_manifest(manifest, header, members, models)


class _Loader:
    """Inserts the rows model by model, in batches, exactly as they were: raw, as Django's
    loaddata saves them (no auto_now stamps, no signals), but many rows per INSERT."""

    def __init__(self) -> None:
        self.using = DEFAULT_DB_ALIAS
        self._batch: list[serializer_base.DeserializedObject] = []
        self._models: set[type[Model]] = set()

    def load_part(self, name: str, data: BinaryIO, models: Counter) -> dict:
        sha, size = hashlib.sha256(), 0
        rows = []
        for line in _database_rows(data, sha, models):
            size += len(line)
            rows.append(json.loads(line))
            if len(rows) >= BATCH_ROWS:
                self._load(rows)
                rows = []
        self._load(rows)
        return {"name": name, "sha256": sha.hexdigest(), "size": size}

    def _load(self, rows: list[dict]) -> None:
        for row in rows:
            row["model"] = RENAMED_MODELS.get(row["model"], row["model"])
        for row in PythonDeserializer(rows, using=self.using):
            if self._batch and type(row.object) is not type(self._batch[0].object):
                self._flush()
            self._batch.append(row)
        if len(self._batch) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._batch:
            return
        model = type(self._batch[0].object)
        if model._meta.parents:
            for row in self._batch:  # multi-table inheritance: save_base writes each table
                row.save(using=self.using)
        else:
            _insert_raw(model, [row.object for row in self._batch], self.using)
            _insert_links(model, self._batch, self.using)
        self._models.add(model)
        self._batch = []

    def finish(self) -> None:
        self._flush()
        connection = connections[self.using]
        tables = [m._meta.db_table for m in self._models]
        tables += [m.remote_field.through._meta.db_table for m in _links(self._models)]
        # Foreign keys are checked at commit (deferred): check them now, to say which.
        connection.check_constraints(table_names=tables)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(self._models)):
                cursor.execute(sql)


def _insert_raw(model: type[Model], objects: list[Model], using: str) -> None:
    """Each value prepared as save(raw=True) prepares it for fixtures: as it is, where
    bulk_create would stamp auto_now fields with the time of the restore. One statement for
    all rows: the ORM compiling one per hundred rows took most of a restore's time."""
    connection = connections[using]
    fields = model._meta.local_concrete_fields
    rows = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objects
    ]
    _execute_insert(connection, model._meta.db_table, [f.column for f in fields], rows)


def _insert_links(model: type[Model], rows: list, using: str) -> None:
    connection = connections[using]
    for f in _links([model]):
        through = f.remote_field.through._meta
        source = through.get_field(f.m2m_field_name())
        target = through.get_field(f.m2m_reverse_field_name())
        links = [
            [
                source.get_db_prep_save(row.object.pk, connection),
                target.get_db_prep_save(pk, connection),
            ]
            for row in rows
            for pk in row.m2m_data.get(f.name, ())
        ]
        _execute_insert(connection, through.db_table, [source.column, target.column], links)


def _execute_insert(connection, table: str, columns: list[str], rows: list[list]) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    # Plain placeholders: no field here has a custom one (as geometry fields do).
    values = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({values})", rows)


def _staging_dir() -> Path:
    """Media are written beside the media folder, then renamed into place at the end."""
    root = media_root()
    root.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = root.with_name(f".{root.name}.restoring-{secrets.token_hex(4)}")
    staging.mkdir(mode=0o700)
    return staging


def _stage_media(staging: Path, member: tarfile.TarInfo, data: BinaryIO) -> dict:
    parts = PurePosixPath(member.name).parts[1:]
    directory = staging
    for part in parts[:-1]:
        # One at a time: mkdir(parents=True) would give the parents the default mode.
        directory = directory / part
        directory.mkdir(mode=0o700, exist_ok=True)
    target = directory / parts[-1]
    sha, size = hashlib.sha256(), 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        while block := data.read(1 << 20):
            out.write(block)
            sha.update(block)
            size += len(block)
    os.utime(target, (member.mtime, member.mtime))
    return {"name": member.name, "sha256": sha.hexdigest(), "size": size}


def _install_media(staging: Path) -> None:
    root = media_root()
    if not any(staging.iterdir()):
        staging.rmdir()
        return
    if root.exists():
        root.rmdir()  # empty: _refuse_unless_empty made sure
    os.replace(staging, root)
