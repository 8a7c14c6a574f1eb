"""The tables of the search index, made by the migration in raw SQL for each database.

They are not Django models on purpose: the index is derived from the archive, so a backup
(which carries every model's rows) leaves it out, and a restored archive is re-indexed with
`journeys reindex` rather than trusted with an index that another key made.

- search_doc: one row per interview (the unit of a hit): her code and team for scoping, the
  interview's year and language and the year she first left (readable coded fields, like the
  archive's own), the hashed terms in order (zlib of 6-byte digests) and, per transcript
  field, how many terms it holds (to find the passages a snippet comes from); the version
  of the analysis that made its terms (indexed by migration 0003).
- search_facet: (facet, codebook term, interview), what facet filters and counts read.
- SQLite: search_fts, a contentless FTS5 table: the hex digests in order (bm25, phrases),
  and the team and facet values as words, so that filters are intersected by FTS5 itself.
  PostgreSQL: search_doc.tsv, a tsvector of the same digests with their positions, GIN-indexed.
- search_state: the progress of `journeys reindex`.
"""

SQLITE = [
    """CREATE TABLE search_doc (
        interview_id integer PRIMARY KEY,
        interviewee_id integer NOT NULL,
        team_key integer NOT NULL,
        code varchar(12) NOT NULL,
        year integer NOT NULL,
        language varchar(5) NOT NULL,
        left_year integer NULL,
        version integer NOT NULL,
        terms integer NOT NULL,
        tokens blob NOT NULL,
        bounds text NOT NULL
    )""",
    "CREATE INDEX search_doc_team ON search_doc (team_key, code)",
    """CREATE TABLE search_facet (
        facet varchar(20) NOT NULL,
        term_id integer NOT NULL,
        interview_id integer NOT NULL,
        PRIMARY KEY (facet, term_id, interview_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX search_facet_interview ON search_facet (interview_id)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(body, facets, content='', detail=full)",
    "CREATE TABLE search_state (name varchar(40) PRIMARY KEY, value text NOT NULL)",
]

POSTGRESQL = [
    """CREATE TABLE search_doc (
        interview_id bigint PRIMARY KEY,
        interviewee_id bigint NOT NULL,
        team_key bigint NOT NULL,
        code varchar(12) NOT NULL,
        year integer NOT NULL,
        language varchar(5) NOT NULL,
        left_year integer NULL,
        version integer NOT NULL,
        terms integer NOT NULL,
        tokens bytea NOT NULL,
        bounds text NOT NULL,
        tsv tsvector NOT NULL
    )""",
    "CREATE INDEX search_doc_team ON search_doc (team_key, code)",
    # Ranking reads every hit's tsvector: kept uncompressed, it is copied, not inflated.
    "ALTER TABLE search_doc ALTER COLUMN tsv SET STORAGE EXTERNAL",
    "CREATE INDEX search_doc_tsv ON search_doc USING gin (tsv)",
    """CREATE TABLE search_facet (
        facet varchar(20) NOT NULL,
        term_id bigint NOT NULL,
        interview_id bigint NOT NULL,
        PRIMARY KEY (facet, term_id, interview_id)
    )""",
    "CREATE INDEX search_facet_interview ON search_facet (interview_id)",
    "CREATE TABLE search_state (name varchar(40) PRIMARY KEY, value text NOT NULL)",
]

TABLES = ["search_fts", "search_facet", "search_doc", "search_state"]


def create(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    statements = SQLITE if vendor == "sqlite" else POSTGRESQL if vendor == "postgresql" else None
    if statements is None:
        raise RuntimeError(f"Search has no index for the {vendor} database.")
    for sql in statements:
        schema_editor.execute(sql)


def drop(schema_editor) -> None:
    existing = set(schema_editor.connection.introspection.table_names())
    for table in TABLES:
        if table in existing or table == "search_fts":
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
