"""Copy a SQLite archive's search index into a PostgreSQL archive, so that bench/search.py can
measure PostgreSQL at the same size without making 100,000 demo testimonies a second time
(an hour): only what a search reads is copied (search_doc, search_facet), the tsvector of
each interview built from its stored hashes and facets as `journeys reindex --from-stored`
would.

    createdb journeys_bench_search
    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/journeys_bench_search \\
      .venv/bin/python bench/search_to_pg.py bench/out/archive-100000
    DATABASE_URL=... .venv/bin/python bench/search.py --skip-indexing

The PostgreSQL archive shares the SQLite archive's data directory and keys (its search key
hashes the queries), gets the same codebook and demo users from `journeys init` and
`journeys demo-users`, and must hold no interviews. The copy refuses when the codebook's ids
differ, since facet filters name codebook terms by id.
"""

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BATCH = 2_000


def journeys(*args: str) -> None:
    subprocess.run([str(ROOT / ".venv" / "bin" / "journeys"), *args], check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("archive", type=Path, help="the SQLite archive's data directory")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to the PostgreSQL database to fill.")
    os.environ["JOURNEYS_DATA_DIR"] = str(args.archive.resolve())
    os.environ.setdefault("JOURNEYS_KEY_FILE", str(args.archive.resolve()) + ".key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    journeys("init")
    journeys("demo-users")
    import django

    django.setup()
    from django.db import connection, transaction

    from journeys.codebook.models import Term
    from journeys.search import schema
    from journeys.search.backends import (
        DOC_COLUMNS,
        PostgreSQLBackend,
        packed_of,
        tsvector_literal,
    )
    from journeys.search.tokens import unpacked_hex

    source = sqlite3.connect(f"file:{args.archive / 'journeys.sqlite3'}?mode=ro", uri=True)
    theirs = dict(source.execute("SELECT code || '/' || kind, id FROM codebook_term"))
    ours = {
        f"{code}/{kind}": pk for code, kind, pk in Term.objects.values_list("code", "kind", "pk")
    }
    if theirs != ours:
        sys.exit("The codebooks differ: facet filters would name other terms.")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_facet")
        cursor.execute("DELETE FROM search_doc")
        cursor.execute("DROP INDEX search_doc_tsv")  # made again at the end: far faster
        facet_rows = source.execute(
            "SELECT facet, term_id, interview_id FROM search_facet"
        ).fetchall()
        facets = defaultdict(list)
        for facet, term, pk in facet_rows:
            facets[pk].append((facet, term))
        rows = source.execute(f"SELECT {DOC_COLUMNS} FROM search_doc ORDER BY interview_id")
        copied = 0
        while batch := rows.fetchmany(BATCH):
            cursor.executemany(
                PostgreSQLBackend.insert_doc_sql,
                [
                    (*row, tsvector_literal(unpacked_hex(packed_of(row[9])), facets[row[0]]))
                    for row in batch
                ],
            )
            copied += len(batch)
            print(f"\r{copied:,} interviews", end="", file=sys.stderr)
        cursor.executemany(
            "INSERT INTO search_facet (facet, term_id, interview_id) VALUES (%s, %s, %s)",
            facet_rows,
        )
        print("\nmaking the GIN index", file=sys.stderr)
        cursor.execute(next(sql for sql in schema.POSTGRESQL if "search_doc_tsv" in sql))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_doc")
        cursor.execute("VACUUM ANALYZE search_facet")
    print(f"\n{copied:,} interviews copied in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
