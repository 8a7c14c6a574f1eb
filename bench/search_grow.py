"""Grow a copy of a SQLite archive's search index to a given number of interviews, so that
bench/search.py can measure 100,000 testimonies without making all of them (the demo
generator makes about 20 a second here: an hour and a half for 100,000).

    .venv/bin/python bench/search_grow.py bench/out/archive-30000 bench/out/archive-grown \\
        --to 113000
    JOURNEYS_DATA_DIR=bench/out/archive-grown .venv/bin/python bench/search.py --skip-indexing

The copy is taken with SQLite's backup API (safe while the generator still writes to the
source). Its search_doc and search_facet rows are then repeated under new interview ids above
the largest one, in the order of the originals, until the index holds `--to` documents; the
full-text table is made again from them as `journeys reindex --from-stored` would. Repeated
documents keep the real distribution of words and facets, which is what a query's cost depends
on; only search reads them (no interview rows are added), and a search shows their codes like
any other. The key file is copied beside the new directory, since the search key hashes the
queries.
"""

import argparse
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE = "journeys.sqlite3"


def copy_archive(source: Path, target: Path) -> None:
    if target.exists():
        sys.exit(f"{target} exists; remove it first.")
    target.mkdir(mode=0o700, parents=True)
    for name in os.listdir(source):
        if name != DATABASE and not name.startswith(DATABASE + "-"):
            shutil.copy2(source / name, target / name)
    shutil.copy2(str(source) + ".key", str(target) + ".key")
    with sqlite3.connect(source / DATABASE) as old, sqlite3.connect(target / DATABASE) as new:
        old.backup(new)


def grow(db: sqlite3.Connection, size: int) -> int:
    """Repeat documents under new ids until the index holds `size`; the number added."""
    have, top = db.execute("SELECT count(*), max(interview_id) FROM search_doc").fetchone()
    originals = [pk for (pk,) in db.execute("SELECT interview_id FROM search_doc ORDER BY 1")]
    added = 0
    while have + added < size:
        for pk in originals[: size - have - added]:
            new = top + 1 + added
            db.execute(
                "INSERT INTO search_doc SELECT ?, interviewee_id, team_key, code, year, language,"
                " left_year, version, terms, tokens, bounds FROM search_doc"
                " WHERE interview_id = ?",
                (new, pk),
            )
            db.execute(
                "INSERT INTO search_facet SELECT facet, term_id, ? FROM search_facet"
                " WHERE interview_id = ?",
                (new, pk),
            )
            added += 1
    return added


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path, help="the SQLite archive's data directory")
    parser.add_argument("target", type=Path, help="a new directory for the grown copy")
    parser.add_argument("--to", type=int, default=113_000, help="documents in the grown index")
    args = parser.parse_args()
    started = time.perf_counter()
    copy_archive(args.source.resolve(), args.target.resolve())
    with sqlite3.connect(args.target / DATABASE) as db:
        added = grow(db, args.to)
    print(f"copied and added {added:,} documents in {time.perf_counter() - started:.0f} s")
    os.environ["JOURNEYS_DATA_DIR"] = str(args.target.resolve())
    os.environ["JOURNEYS_KEY_FILE"] = str(args.target.resolve()) + ".key"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    from journeys.search.backends import backend_for

    started = time.perf_counter()
    with transaction.atomic():
        rows = backend_for(connection).rebuild_text()
    print(
        f"full-text table made again for {rows:,} documents in "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
