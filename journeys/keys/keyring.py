"""The archive's keys: a random key-encryption key (KEK) unlocked once per process, the data
keys it wraps, and separate subkeys for the audit chain, look-up digests and the search index.

The KEK is never stored in the clear. `keys.json` in the data directory holds it sealed twice:
under a key derived from the operator's passphrase (Argon2id) or held in a key file, and under
a key derived from a recovery code shown once. Changing the passphrase re-seals the KEK;
`journeys keys rotate` replaces the KEK itself and re-wraps every data key. A copy of the data
directory without the passphrase or key file reveals nothing.
"""

import base64
import getpass
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from journeys.keys import crypto

META_NAME = "keys.json"
SUBKEYS = ("audit", "lookup", "search", "backup")


class KeyringError(Exception):
    """The keys cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Unlocked:
    kek: bytes  # wraps new data keys
    kek_id: str
    subkeys: dict[str, bytes]
    # While a rotation is under way, data keys are wrapped under either KEK.
    others: dict[str, bytes] = field(default_factory=dict)


_unlocked: Unlocked | None = None


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def meta_path() -> Path:
    return settings.DATA_DIR / META_NAME


def read_meta() -> dict:
    path = meta_path()
    if not path.exists():
        raise KeyringError(
            _("This archive has no keys yet (%(path)s is missing): run `journeys init`.")
            % {"path": path}
        )
    return json.loads(path.read_text(encoding="utf-8"))


def write_meta(meta: dict) -> None:
    """Write keys.json atomically, readable only by its owner."""
    path = meta_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


# --- deriving the KEK from what the operator holds -------------------------------------------


def new_kdf(kind: str) -> dict:
    if kind == "keyfile":
        return {"type": "keyfile"}
    return {
        "type": "argon2id",
        "salt": b64(os.urandom(16)),
        "time_cost": crypto.ARGON2_TIME_COST,
        "memory_kib": crypto.ARGON2_MEMORY_KIB,
        "parallelism": crypto.ARGON2_PARALLELISM,
    }


def derive(kdf: dict, *, passphrase: str | None = None, key: bytes | None = None) -> bytes:
    if kdf["type"] == "keyfile":
        if key is None:
            raise KeyringError(_("This archive is locked with a key file: give JOURNEYS_KEY_FILE."))
        return key
    if passphrase is None:
        raise KeyringError(
            _("This archive is locked with a passphrase: give JOURNEYS_PASSPHRASE_FILE.")
        )
    return crypto.derive_from_passphrase(
        passphrase,
        unb64(kdf["salt"]),
        time_cost=kdf["time_cost"],
        memory_kib=kdf["memory_kib"],
        parallelism=kdf["parallelism"],
    )


def read_key_file(path: str | Path) -> bytes:
    try:
        raw = unb64(Path(path).read_text(encoding="ascii").strip())
    except (OSError, ValueError) as e:
        raise KeyringError(
            _("The key file %(path)s cannot be read: %(error)s") % {"path": path, "error": e}
        ) from e
    if len(raw) != crypto.KEY_BYTES:
        raise KeyringError(_("The key file %(path)s does not hold a key.") % {"path": path})
    return raw


def write_key_file(path: str | Path) -> bytes:
    """Create a new random key file (base64 text, mode 0600). Refuses to overwrite one."""
    key = crypto.new_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(b64(key) + "\n")
    return key


def read_passphrase_file(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\n")
    except OSError as e:
        raise KeyringError(
            _("The passphrase file %(path)s cannot be read: %(error)s") % {"path": path, "error": e}
        ) from e


def secret_from_environment() -> dict:
    """The operator's secret as named by JOURNEYS_KEY_FILE or JOURNEYS_PASSPHRASE_FILE."""
    if os.environ.get("JOURNEYS_KEY_FILE"):
        return {"key": read_key_file(os.environ["JOURNEYS_KEY_FILE"])}
    if os.environ.get("JOURNEYS_PASSPHRASE_FILE"):
        return {"passphrase": read_passphrase_file(os.environ["JOURNEYS_PASSPHRASE_FILE"])}
    return {}


# --- creating and unlocking ------------------------------------------------------------------


def recovery_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
    raw = "".join(secrets.choice(alphabet) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def _normal_code(code: str) -> str:
    return code.replace("-", "").replace(" ", "").upper()


def sealed_kek(kek: bytes, *, passphrase: str | None = None, key: bytes | None = None) -> dict:
    """The KEK sealed under what the operator holds, with how to derive the sealing key."""
    kdf = new_kdf("keyfile" if key is not None else "argon2id")
    wrapping = derive(kdf, passphrase=passphrase, key=key)
    return {"kdf": kdf, "sealed_kek": b64(crypto.seal(wrapping, kek, b"kek"))}


def open_kek(lock: dict, *, passphrase: str | None = None, key: bytes | None = None) -> bytes:
    wrapping = derive(lock["kdf"], passphrase=passphrase, key=key)
    try:
        return crypto.open_sealed(wrapping, unb64(lock["sealed_kek"]), b"kek")
    except crypto.DecryptionFailed:
        raise KeyringError(
            _("The passphrase, key file or code is wrong for this archive.")
        ) from None


def build_meta(kek: bytes, subkeys: dict[str, bytes], unlock_with: dict, code: str) -> dict:
    return {
        "format": 1,
        "kek_id": crypto.fingerprint(kek),
        "unlock": sealed_kek(kek, **unlock_with),
        "recovery": sealed_kek(kek, passphrase=_normal_code(code)),
        "subkeys": {
            name: b64(crypto.seal(kek, value, f"subkey:{name}".encode()))
            for name, value in subkeys.items()
        },
    }


def create(*, passphrase: str | None = None, key: bytes | None = None) -> str:
    """Make the keys of a new archive and unlock them. Returns the recovery code, which is
    shown once and never stored."""
    if passphrase is not None and len(passphrase) < 15:
        raise KeyringError(_("The passphrase is shorter than 15 characters."))
    if meta_path().exists():
        raise KeyringError(_("This archive already has keys (%(path)s).") % {"path": meta_path()})
    kek = crypto.new_key()
    subkeys = {name: crypto.new_key() for name in SUBKEYS}
    code = recovery_code()
    write_meta(build_meta(kek, subkeys, {"passphrase": passphrase, "key": key}, code))
    _set_unlocked(kek, subkeys)
    return code


def open_subkeys(meta: dict, kek: bytes) -> dict[str, bytes]:
    return {
        name: crypto.open_sealed(kek, unb64(sealed), f"subkey:{name}".encode())
        for name, sealed in meta["subkeys"].items()
    }


def _set_unlocked(kek: bytes, subkeys: dict[str, bytes], others: tuple[bytes, ...] = ()) -> None:
    global _unlocked
    _unlocked = Unlocked(
        kek=kek,
        kek_id=crypto.fingerprint(kek),
        subkeys=subkeys,
        others={crypto.fingerprint(other): other for other in others},
    )


def unlock(*, passphrase: str | None = None, key: bytes | None = None) -> None:
    meta = read_meta()
    kek = open_kek(meta["unlock"], passphrase=passphrase, key=key)
    subkeys = open_subkeys(meta, kek)
    if "rotation" in meta:
        # Mid-rotation: new data keys go under the new KEK, old ones still open.
        new = open_kek(meta["rotation"]["unlock"], passphrase=passphrase, key=key)
        _set_unlocked(new, subkeys, others=(kek,))
    else:
        _set_unlocked(kek, subkeys)


def unlock_from_environment(*, interactive: bool = False) -> None:
    """Unlock with the secret the environment names, or ask for the passphrase."""
    secret = secret_from_environment()
    if not secret and interactive and read_meta()["unlock"]["kdf"]["type"] == "argon2id":
        secret = {"passphrase": getpass.getpass(_("Passphrase of the archive: "))}
    if not secret:
        raise KeyringError(
            _(
                "The archive is locked. Set JOURNEYS_KEY_FILE or JOURNEYS_PASSPHRASE_FILE to "
                "the file holding its key or passphrase."
            )
        )
    unlock(**secret)


def lock() -> None:
    global _unlocked
    _unlocked = None


def unlocked() -> Unlocked:
    """The unlocked keys; unlocks from the environment on first use."""
    if _unlocked is None:
        unlock_from_environment()
    return _unlocked


def subkey(name: str) -> bytes:
    return unlocked().subkeys[name]


# --- data keys -------------------------------------------------------------------------------


def wrap(data_key: bytes) -> tuple[bytes, str]:
    keys = unlocked()
    return crypto.seal(keys.kek, data_key, b"datakey"), keys.kek_id


def unwrap(wrapped: bytes, kek_id: str) -> bytes:
    keys = unlocked()
    kek = keys.kek if kek_id == keys.kek_id else keys.others.get(kek_id)
    if kek is None:
        raise crypto.DecryptionFailed("data key wrapped under an unknown key-encryption key")
    return crypto.open_sealed(kek, wrapped, b"datakey")


# --- changing how the archive is unlocked ---------------------------------------------------


def change_secret(
    *, code: str | None = None, new_passphrase: str | None = None, new_key: bytes | None = None
) -> str:
    """Seal the KEK under a new passphrase or key file. The current secret (from the
    environment) or the recovery code opens it. Returns a new recovery code."""
    meta = read_meta()
    if code is not None:
        kek = open_kek(meta["recovery"], passphrase=_normal_code(code))
    else:
        kek = unlocked().kek
    subkeys = open_subkeys(meta, kek)
    new_code = recovery_code()
    new_meta = build_meta(kek, subkeys, {"passphrase": new_passphrase, "key": new_key}, new_code)
    write_meta(_with_erased(new_meta, meta))
    _set_unlocked(kek, subkeys)
    return new_code


# --- rotation --------------------------------------------------------------------------------


def rotation_begin(secret: dict) -> tuple[bytes, bytes]:
    """Start (or resume) replacing the KEK. Returns (old KEK, new KEK); both are unlocked, the
    new one wrapping. The new KEK is sealed under the same secret and kept in keys.json
    until the rotation ends, so an interrupted rotation resumes with the same keys."""
    meta = read_meta()
    old = open_kek(meta["unlock"], **secret)
    if "rotation" in meta:
        new = open_kek(meta["rotation"]["unlock"], **secret)
    else:
        new = crypto.new_key()
        meta["rotation"] = {"kek_id": crypto.fingerprint(new), "unlock": sealed_kek(new, **secret)}
        write_meta(meta)
    _set_unlocked(new, open_subkeys(meta, old), others=(old,))
    return old, new


def rotation_finish(secret: dict) -> str:
    """Make the new KEK the only one. Call when no data key is wrapped under the old one.
    Returns the new recovery code (the old one opened the old KEK)."""
    meta = read_meta()
    old = open_kek(meta["unlock"], **secret)
    new = open_kek(meta["rotation"]["unlock"], **secret)
    subkeys = open_subkeys(meta, old)
    code = recovery_code()
    write_meta(_with_erased(build_meta(new, subkeys, secret, code), meta))
    _set_unlocked(new, subkeys)
    return code


# --- erased records --------------------------------------------------------------------------
# keys.json lists the data keys destroyed by an erasure (their fingerprints, never a key), so
# that a backup made before the erasure, restored, does not bring her record back: every
# backup carries keys.json, and `journeys restore --erased-from` reads the list of a later one.


def erased_keys(meta: dict | None = None) -> list[dict]:
    """[{"key": fingerprint of the data key, "code": her code, "on": date}, ...]"""
    meta = read_meta() if meta is None else meta
    return list(meta.get("erased", []))


def erased_add(entries: list[dict]) -> None:
    """Add these erasures to keys.json (each data key once)."""
    meta = read_meta()
    known = {entry["key"] for entry in meta.get("erased", [])}
    meta["erased"] = erased_keys(meta) + [e for e in entries if e["key"] not in known]
    write_meta(meta)


def erased_remove(fingerprint: str) -> None:
    """Take back an erasure that did not happen (its transaction rolled back)."""
    meta = read_meta()
    meta["erased"] = [e for e in erased_keys(meta) if e["key"] != fingerprint]
    write_meta(meta)


def _with_erased(new: dict, old: dict) -> dict:
    if old.get("erased"):
        new["erased"] = old["erased"]
    return new
