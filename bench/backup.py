"""Backing up and restoring an archive of 10,000 demo testimonies: sizes and seconds.

    .venv/bin/python bench/backup.py [--count 10000]

Builds (once, then reuses) an archive under bench/out/backup-<count>, locked with a key file
beside it (fictional data only), then runs `journeys backup`, `journeys restore --verify-only`
and `journeys restore` into a fresh data directory, each in a process of its own as an
operator would, and prints the sizes and the seconds each took. SQLite; with DATABASE_URL set
to an empty PostgreSQL database the source archive is built there instead (the restore still
goes into a new SQLite file, as on a laptop after a loss).
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def journeys(*args: str, data_dir: Path, key_file: Path, sqlite: bool = False) -> float:
    """Run one `journeys` command; return its seconds. Stop the benchmark if it fails."""
    env = {**os.environ, "JOURNEYS_DATA_DIR": str(data_dir), "JOURNEYS_KEY_FILE": str(key_file)}
    env["LANG"] = "C"
    if sqlite:
        env.pop("DATABASE_URL", None)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"journeys {' '.join(args)} failed:\n{result.stderr}")
    print("   ", result.stdout.strip().splitlines()[0])
    return seconds


def build(count: int, source: Path, key_file: Path) -> None:
    if (source / "keys.json").exists():
        return
    password = source.parent / "password"
    password.write_text("bench-interviewer-password-long-enough\n")
    print(f"building {count} demo testimonies (once) ...")
    journeys("init", data_dir=source, key_file=key_file)
    journeys(
        "createuser",
        "bench-interviewer",
        "--role",
        "interviewer",
        "--password-file",
        str(password),
        data_dir=source,
        key_file=key_file,
    )
    seconds = journeys(
        "demo-data", "--count", str(count), "--seed", "7", data_dir=source, key_file=key_file
    )
    print(f"built in {seconds:.1f} s")


def size(*paths: Path) -> float:
    """Megabytes."""
    files = [p for path in paths if path.exists() for p in [path, *path.rglob("*")]]
    return sum(p.stat().st_size for p in files if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    out = ROOT / "bench" / "out" / f"backup-{args.count}"
    source, restored, backup = out / "source", out / "restored", out / "archive.jbak"
    key_file = out / "bench.key"
    out.mkdir(parents=True, exist_ok=True)
    build(args.count, source, key_file)
    backup.unlink(missing_ok=True)
    shutil.rmtree(restored, ignore_errors=True)

    print("backup:")
    made = journeys("backup", "--out", str(backup), data_dir=source, key_file=key_file)
    print("verify:")
    checked = journeys(
        "restore", "--verify-only", str(backup), data_dir=restored, key_file=key_file, sqlite=True
    )
    shutil.rmtree(restored, ignore_errors=True)
    print("restore:")
    back = journeys("restore", str(backup), data_dir=restored, key_file=key_file, sqlite=True)

    database = [source / name for name in ("journeys.sqlite3", "journeys.sqlite3-wal")]
    print()
    print(f"{args.count} testimonies")
    if not os.environ.get("DATABASE_URL"):
        print(f"database (SQLite file and WAL)  {size(*database):8.1f} MB")
    print(f"media folder                    {size(source / 'media'):8.1f} MB")
    print(f"backup file                     {size(backup):8.1f} MB")
    print(f"backup (write, read back, check) {made:7.1f} s")
    print(f"verify only                      {checked:7.1f} s")
    print(f"restore into a new SQLite file   {back:7.1f} s")
    print(f"restored SQLite file            {size(restored / 'journeys.sqlite3'):8.1f} MB")
    # The source stays for the next run; its two copies need not.
    backup.unlink()
    shutil.rmtree(restored)


if __name__ == "__main__":
    main()
