"""A copy of the database shows no testimony through the index: neither its words nor the
analysed terms are stored, only keyed hashes."""

from django.db import connection

from journeys.search.selectors import search

WORDS = ["혜산", "팔리다", "jipkyulso", "farmer", "녀성", "여성"]


def all_index_bytes() -> bytes:
    tables = ["search_doc", "search_facet", "search_state"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # FTS5 keeps a transaction's new terms in memory: write them out to its tables.
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search_fts%%'"
            )
            tables += [row[0] for row in cursor.fetchall()]
    found = []
    with connection.cursor() as cursor:
        for table in tables:
            column = (
                "*" if connection.vendor == "sqlite" or table != "search_doc" else "*, tsv::text"
            )
            cursor.execute(f"SELECT {column} FROM {table}")
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes):
                        found.append(bytes(value))
                    elif value is not None:
                        found.append(str(value).encode())
    return b"\n".join(found)


def test_the_index_holds_no_word_and_no_term_of_the_testimony(users, testimony):
    testimony(
        ["녀성들이 혜산에서 팔려갔다. 집결소에 있었다."],
        ["The women were sold to a farmer after the jipkyulso."],
    )
    stored = all_index_bytes()
    # The test reads where the index keeps the terms: it finds them by their hashes.
    assert search(users["publisher"], "혜산 farmer").total == 1
    assert len(stored) > 300  # every search table was read, FTS5 data included
    for word in WORDS:
        assert word.encode() not in stored
        assert word.encode("utf-16-le") not in stored
