"""The two index backends behind one interface: SQLite FTS5 and PostgreSQL GIN.

Both hold the same rows in search_doc and search_facet (journeys/search/schema.py); they
differ in the full-text part. A query reaches them as a tree of hashed phrases
(journeys.search.query.Node), which each compiles to its own syntax: an FTS5 MATCH expression
or a tsquery literal. Neither ever sees a term in the clear.
"""

import json
import zlib
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from django.db import connection, transaction

from journeys.search.tokens import unpacked_hex


@dataclass
class Document:
    """One interview as the index holds it."""

    interview_id: int
    interviewee_id: int
    team_key: int
    code: str
    year: int
    language: str
    left_year: int | None
    version: int
    packed: bytes  # 6-byte digests of the terms, in order
    bounds: list[int]  # terms per transcript field: segment 0 ko, segment 0 en, 1 ko, ...
    facets: list[tuple[str, int]] = field(default_factory=list)

    @property
    def terms(self) -> int:
        return len(self.packed) // 6


def packed_of(stored) -> bytes:
    return zlib.decompress(bytes(stored)) if stored else b""


class Backend(ABC):
    vendor = ""

    def __init__(self, db=connection):
        self.db = db

    # -- writing ----------------------------------------------------------------------------

    def replace(self, docs: Sequence[Document], *, new: bool = False) -> None:
        """Put these documents in the index, replacing whatever it held for them (nothing,
        when the caller knows the interviews are `new`)."""
        if not docs:
            return
        with self.db.cursor() as cursor:
            if not new:
                self.delete(cursor, [doc.interview_id for doc in docs])
            cursor.executemany(
                self.insert_doc_sql,
                [self.doc_row(doc) for doc in docs],
            )
            cursor.executemany(
                "INSERT INTO search_facet (facet, term_id, interview_id) VALUES (%s, %s, %s)",
                [(facet, term, doc.interview_id) for doc in docs for facet, term in doc.facets],
            )
            self.insert_text(cursor, docs)

    def replace_facets(self, interview_id: int, left_year: int | None, facets) -> None:
        with self.db.cursor() as cursor:
            cursor.execute("DELETE FROM search_facet WHERE interview_id = %s", [interview_id])
            cursor.executemany(
                "INSERT INTO search_facet (facet, term_id, interview_id) VALUES (%s, %s, %s)",
                [(facet, term, interview_id) for facet, term in facets],
            )
            cursor.execute(
                "UPDATE search_doc SET left_year = %s WHERE interview_id = %s",
                [left_year, interview_id],
            )

    def delete(self, cursor, ids: Sequence[int]) -> None:
        marks = ",".join(["%s"] * len(ids))
        cursor.execute(f"DELETE FROM search_facet WHERE interview_id IN ({marks})", list(ids))
        cursor.execute(f"DELETE FROM search_doc WHERE interview_id IN ({marks})", list(ids))

    def clear(self) -> None:
        with self.db.cursor() as cursor:
            cursor.execute("DELETE FROM search_facet")
            cursor.execute("DELETE FROM search_doc")

    @abstractmethod
    def insert_text(self, cursor, docs: Sequence[Document]) -> None:
        """Add the documents' terms to the backend's full-text table."""

    insert_doc_sql = ""

    def doc_row(self, doc: Document) -> list:
        return [
            doc.interview_id,
            doc.interviewee_id,
            doc.team_key,
            doc.code,
            doc.year,
            doc.language,
            doc.left_year,
            doc.version,
            doc.terms,
            zlib.compress(doc.packed, 1),
            json.dumps(doc.bounds, separators=(",", ":")),
        ]

    # -- reading ----------------------------------------------------------------------------

    def hits_sql(self, node, team: int, filters, columns: str) -> tuple[str, list]:
        """SELECT columns (of search_doc d): the documents of the team that match the tree
        (None: every one) and the filters, in no order. Filters alone are read from the
        tables, not the full-text index."""
        conditions, params = filters.sql()
        sql = f"SELECT {columns} FROM search_doc d WHERE d.team_key = %s"
        return sql + conditions, [team, *params]

    @abstractmethod
    def candidates_sql(self, node, team: int, filters, limit: int) -> tuple[str, list]:
        """SELECT interview_id, score of the newest `limit` documents that match the tree and
        the filters, in no order (a lower score ranks first). Only these are scored, so a
        word found in half the archive costs no more than `limit` scores."""

    def page_sql(self, team: int, filters, size: int, offset: int) -> tuple[str, list]:
        """SELECT interview_id, score of one page of the documents the filters alone select,
        by code (nothing to rank without words)."""
        sql, params = self.hits_sql(None, team, filters, "d.interview_id, d.code")
        sql = (
            f"SELECT h.interview_id, 0 FROM ({sql}) h"
            " ORDER BY h.code, h.interview_id LIMIT %s OFFSET %s"
        )
        return sql, [*params, size, offset]

    def count_sql(self, team: int, filters) -> tuple[str, list]:
        sql, params = self.hits_sql(None, team, filters, "d.interview_id")
        return f"SELECT count(*) FROM ({sql}) h", params

    @staticmethod
    def _facets_of(cursor, ids: Sequence[int] | None) -> dict[int, list]:
        facets: dict[int, list] = defaultdict(list)
        for pk, facet, term in _of_interviews(
            cursor, "SELECT interview_id, facet, term_id FROM search_facet", ids
        ):
            facets[pk].append((facet, term))
        return facets

    @abstractmethod
    def rebuild_text(self) -> int:
        """Make the full-text part again from the stored hashes and facets (no analysis)."""

    def planned(self):
        """A block in which search queries run with the plan they were written for."""
        return nullcontext()

    def fetch(self, sql: str, params: list) -> list:
        """The rows of one search query, run with the plan it was written for."""
        with self.planned(), self.db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def _of_interviews(cursor, select: str, ids: Sequence[int] | None) -> list:
    """The rows of a SELECT from one search table for these interviews (None: all)."""
    if ids is None:
        cursor.execute(select)
    else:
        cursor.execute(f"{select} WHERE interview_id IN ({','.join(['%s'] * len(ids))})", ids)
    return cursor.fetchall()


DOC_COLUMNS = (
    "interview_id, interviewee_id, team_key, code, year, language, left_year, version, "
    "terms, tokens, bounds"
)


# A document of any team but the main one carries this word as well as its own team's, so
# that a search of the main team leaves them out with NOT. The main team's documents carry no
# team word: in the usual archive, with one team, the team costs a search nothing (a word on
# every document made FTS5 walk and weigh a list as long as the archive for every query).
OTHER_TEAMS = "teamxelse"


def facet_word(facet: str, term: int) -> str:
    """A codebook term of a facet as a word of the full-text index (stagex12)."""
    return f"{facet.replace('_', '')}x{term}"


def facet_words(team: int, language: str, left_year: int | None, facets) -> str:
    """The second FTS5 column: what the document may be filtered on, as words FTS5 can
    intersect with the match itself (faster than joining tables for every hit). Never a
    12-digit hex word, so never a term's hash."""
    words = [f"teamx{team}", OTHER_TEAMS] if team else []
    words.append(f"langx{language.replace('+', '')}")
    if left_year:
        words.append(f"leftx{left_year}")
    words += [facet_word(facet, term) for facet, term in sorted(set(facets))]
    return " ".join(words)


# The years a "first left" range may span in FTS5 words (one word a year).
EARLIEST_LEFT, LATEST_LEFT = 1940, 2100


class SQLiteBackend(Backend):
    vendor = "sqlite"
    insert_doc_sql = f"INSERT INTO search_doc ({DOC_COLUMNS}) VALUES ({','.join(['%s'] * 11)})"
    create_fts = "CREATE VIRTUAL TABLE search_fts USING fts5(body, facets, content='', detail=full)"

    def _old_rows(self, cursor, ids: Sequence[int]) -> list[tuple[int, str, str]]:
        """(rowid, body, facets) as the FTS5 table holds them: a contentless table forgets a
        row only when told exactly what it held."""
        marks = ",".join(["%s"] * len(ids))
        cursor.execute(
            "SELECT interview_id, team_key, language, left_year, tokens FROM search_doc"
            f" WHERE interview_id IN ({marks})",
            list(ids),
        )
        docs = cursor.fetchall()
        facets = self._facets_of(cursor, ids)
        return [
            (pk, _body(packed_of(tokens)), facet_words(team, lang, left, facets.get(pk, ())))
            for pk, team, lang, left, tokens in docs
        ]

    def _forget(self, cursor, rows) -> None:
        cursor.executemany(
            "INSERT INTO search_fts (search_fts, rowid, body, facets)"
            " VALUES ('delete', %s, %s, %s)",
            rows,
        )

    def delete(self, cursor, ids: Sequence[int]) -> None:
        self._forget(cursor, self._old_rows(cursor, ids))
        super().delete(cursor, ids)

    def replace_facets(self, interview_id: int, left_year: int | None, facets) -> None:
        with self.db.cursor() as cursor:
            old = self._old_rows(cursor, [interview_id])
            self._forget(cursor, old)
        super().replace_facets(interview_id, left_year, facets)
        with self.db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, body, facets) VALUES (%s, %s, %s)",
                self._old_rows(cursor, [interview_id]),
            )

    def clear(self) -> None:
        super().clear()
        with self.db.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")

    def insert_text(self, cursor, docs: Sequence[Document]) -> None:
        cursor.executemany(
            "INSERT INTO search_fts (rowid, body, facets) VALUES (%s, %s, %s)",
            [
                (
                    doc.interview_id,
                    _body(doc.packed),
                    facet_words(doc.team_key, doc.language, doc.left_year, doc.facets),
                )
                for doc in docs
            ],
        )

    def rebuild_text(self) -> int:
        with self.db.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS search_fts")
            cursor.execute(self.create_fts)
            facets = self._facets_of(cursor, None)
            cursor.execute(
                "SELECT interview_id, team_key, language, left_year, tokens FROM search_doc"
            )
            docs = cursor.fetchall()
            rows = [
                (pk, _body(packed_of(tokens)), facet_words(team, lang, left, facets.get(pk, ())))
                for pk, team, lang, left, tokens in docs
            ]
            cursor.executemany(
                "INSERT INTO search_fts (rowid, body, facets) VALUES (%s, %s, %s)", rows
            )
            # One bulk insert leaves many small segments, which every query then reads
            # term by term; merged into one, the slowest queries (p95) at 113,707 interviews
            # took 110 ms instead of 134.
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        return len(rows)

    def compile(self, node) -> str:
        kind = node.kind
        if kind == "phrase":
            return '"' + " ".join(node.hashes) + '"'
        if kind == "or":
            return "(" + " OR ".join(self.compile(child) for child in node.children) + ")"
        if kind == "and":
            return "(" + " AND ".join(self.compile(child) for child in node.children) + ")"
        if kind == "andnot":
            return f"({self.compile(node.children[0])} NOT {self.compile(node.children[1])})"
        raise ValueError(kind)

    def match_expression(self, node, team: int, filters) -> str:
        """The FTS5 query for the tree, within the team and the filters."""
        wanted = [f"teamx{team}"] if team else []
        wanted += [facet_word(facet, term) for facet, term in filters.terms]
        if filters.language:
            wanted.append(f"langx{filters.language.replace('+', '')}")
        if filters.left_from or filters.left_until:
            first = max(filters.left_from or EARLIEST_LEFT, EARLIEST_LEFT)
            last = min(filters.left_until or LATEST_LEFT, LATEST_LEFT)
            years = [f"leftx{year}" for year in range(first, last + 1)] or ["leftxnone"]
            wanted.append("(" + " OR ".join(years) + ")")
        expression = f"body : {self.compile(node)}"
        if wanted:
            expression += " AND facets : (" + " AND ".join(wanted) + ")"
        return expression if team else f"({expression}) NOT facets : {OTHER_TEAMS}"

    def candidates_sql(self, node, team: int, filters, limit: int) -> tuple[str, list]:
        # Team and filters are inside the match, and FTS5 walks the hits by descending rowid
        # and stops at the limit: bm25() runs only for the hits kept, and no row of
        # search_doc is read.
        sql = (
            "SELECT rowid, bm25(search_fts, 1.0, 0.0) FROM search_fts"
            " WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s"
        )
        return sql, [self.match_expression(node, team, filters), limit]

    def hits_sql(self, node, team: int, filters, columns: str) -> tuple[str, list]:
        if node is None:  # filters only: the tables answer without the full-text index
            return super().hits_sql(node, team, filters, columns)
        # The match drives (CROSS JOIN keeps it the outer loop).
        sql = (
            f"SELECT {columns} FROM (SELECT rowid AS interview_id FROM search_fts"
            " WHERE search_fts MATCH %s) m"
            " CROSS JOIN search_doc d WHERE d.interview_id = m.interview_id"
        )
        return sql, [self.match_expression(node, team, filters)]


def _body(packed: bytes) -> str:
    return " ".join(unpacked_hex(packed))


class PostgreSQLBackend(Backend):
    vendor = "postgresql"
    insert_doc_sql = (
        f"INSERT INTO search_doc ({DOC_COLUMNS}, tsv)"
        f" VALUES ({','.join(['%s'] * 11)}, %s::tsvector)"
    )

    def doc_row(self, doc: Document) -> list:
        return [*super().doc_row(doc), tsvector_literal(unpacked_hex(doc.packed), doc.facets)]

    def replace_facets(self, interview_id: int, left_year: int | None, facets) -> None:
        super().replace_facets(interview_id, left_year, facets)
        self._retext([interview_id])

    def _retext(self, ids: Sequence[int] | None) -> int:
        """Write the tsvector of these interviews (None: all) again, from their stored hashes
        and facets."""
        with self.db.cursor() as cursor:
            facets = self._facets_of(cursor, ids)
            rows = [
                (tsvector_literal(unpacked_hex(packed_of(tokens)), facets.get(pk, ())), pk)
                for pk, tokens in _of_interviews(
                    cursor, "SELECT interview_id, tokens FROM search_doc", ids
                )
            ]
            cursor.executemany(
                "UPDATE search_doc SET tsv = %s::tsvector WHERE interview_id = %s", rows
            )
        return len(rows)

    def insert_text(self, cursor, docs: Sequence[Document]) -> None:
        pass  # the tsvector went in with the row

    def compile(self, node, *, loose: bool = False) -> str:
        """The tsquery literal of the tree. Loose: every phrase as its words in any order and
        every NOT left out, a query that matches at least what the tree matches and that the
        GIN index answers exactly, without opening a tsvector to check positions."""
        kind = node.kind
        if kind == "phrase":
            joint = " & " if loose else " <-> "
            return "(" + joint.join(f"'{h}'" for h in node.hashes) + ")"
        if kind == "or":
            return "(" + " | ".join(self.compile(c, loose=loose) for c in node.children) + ")"
        if kind == "and":
            return "(" + " & ".join(self.compile(c, loose=loose) for c in node.children) + ")"
        if kind == "andnot":
            if loose:
                return self.compile(node.children[0], loose=True)
            return f"({self.compile(node.children[0])} & !{self.compile(node.children[1])})"
        raise ValueError(kind)

    def hits_sql(self, node, team: int, filters, columns: str) -> tuple[str, list]:
        if node is None:
            return super().hits_sql(None, team, filters, columns)
        sql, params = self._filtered(team, filters, columns)
        return sql, [*params, self._with_terms(self.compile(node), filters)]

    def _filtered(self, team: int, filters, columns: str) -> tuple[str, list]:
        """SELECT columns of the team's documents within the filters, with a tsquery left to
        fill in: the filters' codebook terms are words of the tsvector, so that the GIN
        index intersects them with the query itself (joining search_facet for every hit
        cost more than the match, and PostgreSQL could misjudge the join and open a
        tsvector per row of the facet)."""
        conditions, params = filters.sql(terms=False)
        sql = f"SELECT {columns} FROM search_doc d WHERE d.team_key = %s{conditions}"
        return sql + " AND d.tsv @@ CAST(%s AS tsquery)", [team, *params]

    @staticmethod
    def _with_terms(tsquery: str, filters) -> str:
        words = [f"'{facet_word(facet, term)}'" for facet, term in filters.terms]
        return " & ".join([tsquery, *words])

    def candidates_sql(self, node, team: int, filters, limit: int) -> tuple[str, list]:
        # Opening a row's tsvector (TOASTed: several reads) is what a query pays for, so
        # only the rows kept are opened. The GIN index finds the hits of the loose query
        # exactly; their ids are sorted newest first (the OFFSET 0 keeps PostgreSQL from
        # walking the primary key instead, which opens every row it passes). Only when the
        # query has phrases or NOTs are the rows checked against it, newest first, until
        # `limit` pass. The rows kept are ranked by ts_rank weighted to come near BM25
        # (_rank), negated so that, as with bm25(), lower ranks first. ts_rank_cd (cover
        # density) cost five times as much for a query that codebook spellings widen to a
        # dozen alternatives (150 ms for 2,000 hits); dividing by the whole length
        # (normalisation 2) ranked a passage that says a word five times below one that
        # says it once.
        exact, loose = self.compile(node), self.compile(node, loose=True)
        found, params = self._filtered(team, filters, "d.interview_id, d.tsv")
        loose_within = self._with_terms(loose, filters)
        newest = f"SELECT * FROM ({found} OFFSET 0) m ORDER BY m.interview_id DESC"
        rank, rank_params = self._rank(node, exact)
        if exact == loose:
            sql = f"{rank} FROM ({newest} LIMIT %s) c"
            return sql, [*rank_params, *params, loose_within, limit]
        sql = f"{rank} FROM ({newest} OFFSET 0) c WHERE c.tsv @@ CAST(%s AS tsquery) LIMIT %s"
        return sql, [*rank_params, *params, loose_within, exact, limit]

    def _rank(self, node, exact: str) -> tuple[str, list]:
        """SELECT interview_id, score of c, near BM25, which ts_rank alone is not: a rare
        word of the query counts for more than a common one (ts_rank knows no document
        frequency: each word of the query takes the weight of its class of frequency,
        set on the hit's own vector in memory), and a long testimony gains less by its
        length (normalisation 1: divided by 1 + the logarithm of the length). On the
        benchmark's 200 queries this brought PostgreSQL's first page from 21% of the same
        hits as SQLite's bm25() to 38% (docs/search.md)."""
        digests = sorted(_hashes_of(node))
        shares = self._shares(digests)
        classes = defaultdict(list)
        for digest in digests:
            classes[_rarity(shares.get(digest, 0.0))].append(digest)
        vector, params = "c.tsv", []
        for label in "ABC":
            if classes[label]:
                vector = f"setweight({vector}, '{label}', %s)"
                params.append(classes[label])
        rank = f"-ts_rank(CAST(%s AS float4[]), {vector}, CAST(%s AS tsquery), 1)"
        return f"SELECT c.interview_id, {rank}", [WEIGHTS, *params, exact]

    def _shares(self, digests: list[str]) -> dict[str, float]:
        """The share of documents that hold each of these words, for those among the
        thousand most common words that ANALYZE keeps in PostgreSQL's statistics; the
        others are rarer than all of them (about 1 ms a query, so never stale)."""
        with self.db.cursor() as cursor:
            cursor.execute(
                "SELECT u.word, u.share FROM pg_stats s, unnest("
                "CAST(CAST(s.most_common_elems AS text) AS text[]), s.most_common_elem_freqs"
                ") AS u(word, share) WHERE s.tablename = 'search_doc' AND s.attname = 'tsv'"
                " AND s.schemaname = current_schema() AND u.word = ANY(%s)",
                [digests],
            )
            return dict(cursor.fetchall())

    @contextmanager
    def planned(self):
        """Search reads the full-text index through GIN only. PostgreSQL's planner does not
        count opening a TOASTed tsvector, so for a common word it would rather scan the
        table and open every row's tsvector (seconds at 100,000 interviews) than use the
        index; inside this block (a transaction) it may not scan search_doc whole."""
        with transaction.atomic(using=self.db.alias):
            with self.db.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            yield

    def rebuild_text(self) -> int:
        return self._retext(None)


# ts_rank's weights, in its order D, C, B, A: a word in most documents (D) counts for about
# a twelfth of one in few (A), near the ratio of their BM25 inverse document frequencies
# (ln 1/share: 0.1 for a word in nine documents of ten, 2 to 5 for one in 13% to 1%).
WEIGHTS = [0.08, 0.25, 0.5, 1.0]


def _rarity(share: float) -> str:
    """The ts_rank weight class of a word held by this share of the documents."""
    if share >= 0.6:
        return "D"
    if share >= 0.3:
        return "C"
    return "B" if share >= 0.13 else "A"


def _hashes_of(node) -> set[str]:
    if node.kind == "phrase":
        return set(node.hashes)
    return set().union(*(_hashes_of(child) for child in node.children))


MAX_POSITIONS = 255  # PostgreSQL keeps at most 256 positions of one lexeme


def tsvector_literal(hexes: list[str], facets=()) -> str:
    """'h1':1,4 'h2':2 ... 'stagex12' built here, so PostgreSQL's parser never splits a
    digest. The facets' words have no position: no phrase can reach them."""
    positions: dict[str, list[str]] = defaultdict(list)
    for position, digest in enumerate(hexes, start=1):
        kept, mark = positions[digest], str(min(position, 16383))
        if len(kept) < MAX_POSITIONS and (not kept or kept[-1] != mark):
            kept.append(mark)
    words = [f"'{digest}':{','.join(p)}" for digest, p in positions.items()]
    words += [f"'{facet_word(facet, term)}'" for facet, term in sorted(set(facets))]
    return " ".join(words)


def backend() -> Backend:
    return backend_for(connection)


def backend_for(db) -> Backend:
    if db.vendor == "sqlite":
        return SQLiteBackend(db)
    if db.vendor == "postgresql":
        return PostgreSQLBackend(db)
    raise RuntimeError(f"Search has no index for the {db.vendor} database.")
