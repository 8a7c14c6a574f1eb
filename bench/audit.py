"""Audit trail: appends per second, and the time and memory to verify the whole chain.

    .venv/bin/python bench/audit.py [--count 100000] [--chunk-size 5000]

Starts a fresh archive under bench/out/audit (SQLite; set DATABASE_URL to an empty
PostgreSQL database to measure that instead), appends `count` entries through the service,
one transaction each as an action would, then `--batched` more inside transactions of 100
(the audit's own cost, with the commit's disk flush shared), then verifies them all. The verification runs twice:
once timed, once under tracemalloc for its peak Python memory, which stays flat as the trail
grows because entries are read in chunks.
"""

import argparse
import os
import shutil
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out" / "audit"


def setup_archive() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    os.environ["JOURNEYS_DATA_DIR"] = str(OUT)
    os.environ["JOURNEYS_KEY_FILE"] = str(OUT / "bench.key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from journeys.audit.models import AuditEntry
    from journeys.keys import keyring

    keyring.create(key=keyring.write_key_file(OUT / "bench.key"))
    call_command("migrate", verbosity=0)
    if AuditEntry.objects.exists():
        sys.exit("The database already holds audit entries: give an empty one.")


def append(count: int, *, per_transaction: int = 1) -> float:
    from django.db import transaction
    from django.test import RequestFactory

    from journeys.audit.services import audit_record

    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.7")
    started = time.perf_counter()
    for first in range(0, count, per_transaction):
        with transaction.atomic():
            for number in range(first, min(first + per_transaction, count)):
                audit_record(
                    actor=f"bench-{number % 7}",
                    action="archive.interviewee.read",
                    target=("archive.interviewee", f"W-{number % 5000:04d}"),
                    detail={"fields": ["birth_year", "home_province"], "n": number},
                    request=request,
                )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--batched", type=int, default=20_000)
    parser.add_argument("--chunk-size", type=int, default=5000)
    args = parser.parse_args()
    setup_archive()
    from django.db import connection

    from journeys.audit.verify import verify_chain

    elapsed = append(args.count)
    print(f"database: {connection.vendor}")
    print(
        f"appended {args.count:,} entries, one transaction each, in {elapsed:.1f} s: "
        f"{args.count / elapsed:,.0f}/s"
    )
    elapsed = append(args.batched, per_transaction=100)
    print(
        f"appended {args.batched:,} entries, 100 a transaction, in {elapsed:.1f} s: "
        f"{args.batched / elapsed:,.0f}/s"
    )
    total = args.count + args.batched

    started = time.perf_counter()
    result = verify_chain(chunk_size=args.chunk_size)
    elapsed = time.perf_counter() - started
    if not result.intact or result.entries != total:
        sys.exit(result.summary())
    print(f"verified {total:,} entries in {elapsed:.1f} s: {total / elapsed:,.0f}/s")

    tracemalloc.start()
    verify_chain(chunk_size=args.chunk_size)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"verification peak Python memory: {peak / 2**20:.1f} MiB (chunks of {args.chunk_size})")


if __name__ == "__main__":
    main()
