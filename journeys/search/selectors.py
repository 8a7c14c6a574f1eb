"""Searching: ranked hits, facet counts and snippets, within what the user may see.

Every search is scoped to the user's team (the index keeps each interview's team, as
`archive.selectors.interviewees_of` would select it). Roles that read transcripts search
their words; a researcher reads coded journeys but not transcripts, so for her the words are
not searched at all (a hit would tell her what a transcript says) and she filters the coded
fields only. Snippets are opened only for roles that read transcripts, and only for the page
of hits shown.
"""

from dataclasses import dataclass, field, replace

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils.translation import gettext_lazy as _

from journeys.accounts.roles import READ_ARCHIVE, READ_TRANSCRIPT, user_has_role
from journeys.archive.models import Language
from journeys.codebook.models import Kind, Term
from journeys.search.backends import backend
from journeys.search.query import Filters, Query, codebook_spans, query_build
from journeys.search.services import team_key

# The facets, in the order the page shows them: codebook kinds, and where they come from.
FACETS = [
    ("stage", _("Stage of the journey")),
    ("province", _("Home province")),
    ("place", _("Where events happened")),
    ("way_leaving", Kind.WAY_LEAVING.label),
    ("work_china", Kind.WORK_CHINA.label),
    ("violation", Kind.VIOLATION.label),
    ("facility_type", Kind.FACILITY_TYPE.label),
]
FACET_NAMES = frozenset(name for name, _label in FACETS)
PAGE_SIZE = 20
# A search with words ranks, shows and counts at most this many hits, the most recently
# added: scoring every hit of a word found in half the archive costs several times what a
# page may take (docs/search.md, bench/search.py), and such a search wants narrowing anyway.
# The page says so. Above it, facet values are not counted either (each count walks every
# hit's facets). Scoring is most of a query's cost on both databases (bm25 walks each hit's
# positions; PostgreSQL opens each hit's tsvector), so the limit sets the slowest query's
# time: at 113,707 interviews, ranking every hit takes 88 ms at the 95th percentile on
# SQLite and the newest 2,000 take 31 ms (docs/search.md, Figures).
HIT_LIMIT = 2_000


@dataclass
class Hit:
    interview_id: int
    code: str
    year: int
    language: str
    score: float
    tokens: bytes = b""
    bounds: str = "[]"
    snippet_ko: str = ""
    snippet_en: str = ""


@dataclass
class FacetValue:
    term: Term | None
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class Results:
    query: Query | None
    filters: Filters
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    page: int = 1
    page_size: int = PAGE_SIZE
    words_ignored: bool = False  # the role may not search transcript words
    # For such a role: the words that were codebook terms, searched as filters instead, and
    # the words that were not searched at all.
    words_as_filters: list[tuple[str, Term]] = field(default_factory=list)
    ignored_words: list[str] = field(default_factory=list)
    more: bool = False  # more than HIT_LIMIT hits: total is HIT_LIMIT, the newest of them

    @property
    def facets_capped(self) -> bool:
        """Too many hits to count facets: only the chosen ones are shown."""
        return self.more or self.total > HIT_LIMIT

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def may_search_text(user) -> bool:
    return user_has_role(user, READ_TRANSCRIPT)


def search(
    user,
    text: str = "",
    filters: Filters | None = None,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    facets: bool = True,
) -> Results:
    """The hits of one query for this user, best first (at most HIT_LIMIT: the newest), with
    facet counts over all hits. Raises QueryError for a query that cannot run."""
    if not user_has_role(user, READ_ARCHIVE):
        raise PermissionDenied
    filters = filters or Filters()
    results = Results(query=None, filters=filters, page=max(1, page), page_size=page_size)
    if text.strip() and not may_search_text(user):
        _words_to_filters(results, text)
        filters = results.filters
    elif text.strip():
        results.query = query_build(text)
    node = results.query.node if results.query else None
    if results.query and node is None:
        return results  # only words the analysis drops (the, 는): nothing to look for
    team = team_key(user.team_id)
    first = (results.page - 1) * page_size
    if node is None:
        results.hits = _hits(_browse(team, filters, size=page_size, offset=first))
        with connection.cursor() as cursor:
            cursor.execute(*backend().count_sql(team, filters))
            results.total = cursor.fetchone()[0]
    else:
        ranked, results.more = _ranked(node, team, filters)
        results.total = len(ranked)
        results.hits = _hits(ranked[first : first + page_size])
    if not facets:
        return results
    if results.facets_capped:
        results.facets = _facets([(f, str(t), 0) for f, t in filters.terms], filters)
    else:
        source, params = backend().hits_sql(
            node, team, filters, "d.interview_id, d.language, d.left_year"
        )
        results.facets = _counts(source, params, filters)
    return results


def _ranked(node, team: int, filters: Filters) -> tuple[list[tuple[int, float]], bool]:
    """(interview_id, score) of the hits, best first (ties: oldest first), and whether there
    were more than HIT_LIMIT: then only the newest HIT_LIMIT are scored and kept."""
    index = backend()
    newest = index.fetch(*index.candidates_sql(node, team, filters, HIT_LIMIT + 1))
    more = len(newest) > HIT_LIMIT
    if more:
        newest.remove(min(newest))  # the one beyond the limit: the oldest
    return sorted(newest, key=lambda row: (row[1], row[0])), more


def _browse(team: int, filters: Filters, *, size: int, offset: int) -> list[tuple[int, float]]:
    """One page of what the filters alone select, by code."""
    with connection.cursor() as cursor:
        cursor.execute(*backend().page_sql(team, filters, size, offset))
        return cursor.fetchall()


def _hits(ranked: list[tuple[int, float]]) -> list[Hit]:
    """The hits of one page, in the order given: only the page's rows are read."""
    if not ranked:
        return []
    with connection.cursor() as cursor:
        marks = ",".join(["%s"] * len(ranked))
        cursor.execute(
            "SELECT interview_id, code, year, language, tokens, bounds FROM search_doc"
            f" WHERE interview_id IN ({marks})",
            [pk for pk, _score in ranked],
        )
        rows = {row[0]: row for row in cursor.fetchall()}
    hits = []
    for pk, score in ranked:
        _pk, code, year, language, tokens, bounds = rows[pk]
        hits.append(Hit(pk, code, year, language, score, tokens, bounds))
    return hits


def _counts(source: str, params: list, filters: Filters) -> list[Facet]:
    """The number of hits per facet value, from one pass over the hits."""
    sql = (
        f"WITH hits AS MATERIALIZED ({source})"
        " SELECT f.facet, CAST(f.term_id AS TEXT), count(*) FROM search_facet f"
        " WHERE f.interview_id IN (SELECT interview_id FROM hits) GROUP BY f.facet, f.term_id"
        " UNION ALL SELECT 'language', language, count(*) FROM hits GROUP BY language"
        " UNION ALL SELECT 'left', CAST(left_year / 10 * 10 AS TEXT), count(*) FROM hits"
        " WHERE left_year IS NOT NULL GROUP BY left_year / 10 * 10"
    )
    return _facets(backend().fetch(sql, params), filters)


def _facets(rows: list[tuple[str, str, int]], filters: Filters) -> list[Facet]:
    selected = set(filters.terms)
    ids = {int(value) for facet, value, _n in rows if facet in FACET_NAMES}
    terms = Term.objects.in_bulk(ids | {term for _f, term in selected})
    by_name = {name: Facet(name, label) for name, label in FACETS}
    for facet, value, count in rows:
        if facet in by_name and int(value) in terms:
            term = terms[int(value)]
            chosen = (facet, term.pk) in selected
            by_name[facet].values.append(FacetValue(term, value, term.labels, count, chosen))
    for facet in by_name.values():
        facet.values.sort(key=lambda v: (-v.count, v.term.sort_order, v.label))
    languages = Facet("language", _("Language of the interview"))
    labels = dict(Language.choices)
    for facet, value, count in rows:
        if facet == "language":
            languages.values.append(
                FacetValue(None, value, labels.get(value, value), count, value == filters.language)
            )
    decades = Facet("left", _("Year she first left"))
    for facet, value, count in sorted(rows, key=lambda r: r[1]):
        if facet == "left":
            label = _("%(decade)ss") % {"decade": value}
            decades.values.append(FacetValue(None, value, label, count))
    return [facet for facet in [*by_name.values(), languages, decades] if facet.values]


# -- suggestions from the codebook ------------------------------------------------------------

# The facet a term of each kind filters on (places: where events happened).
FACET_OF_KIND = {
    Kind.STAGE: "stage",
    Kind.PLACE: "place",
    Kind.WAY_LEAVING: "way_leaving",
    Kind.WORK_CHINA: "work_china",
    Kind.VIOLATION: "violation",
    Kind.FACILITY_TYPE: "facility_type",
}


@dataclass
class Suggestion:
    term: Term
    facet: str  # "" when the term is no facet value: then it is searched as words
    facet_term_id: int | None = None


def suggestions(text: str, user, *, limit: int = 8) -> list[Suggestion]:
    """Codebook terms whose spelling starts with (or holds) the last word typed: a facet
    filter where the term is one (a province, a facility type, a way of leaving), otherwise
    its name to search for, in both languages, for roles that search words."""
    from journeys.codebook.selectors import terms_search

    words = text.split()
    if not words or not user_has_role(user, READ_ARCHIVE):
        return []
    found = []
    for term in terms_search(words[-1], limit=limit * 2):
        facet, target = _facet_for(term)
        if facet:
            found.append(Suggestion(term, facet, target))
        elif may_search_text(user):
            found.append(Suggestion(term, ""))
    return found[:limit]


def _words_to_filters(results: Results, text: str) -> None:
    """A role that may not search words (a hit would say what a transcript holds) gets the
    codebook terms among them as the facet filters she may use (places where events
    happened, facility types, stages, ways of leaving...), as the suggestions offer them;
    every other word is named as not searched."""
    spans = codebook_spans(text)
    terms = Term.objects.in_bulk({pk for _text, ids in spans for pk in ids})
    chosen = list(results.filters.terms)
    for words, ids in spans:
        facet = _first_facet(terms[pk] for pk in ids)
        if facet is None:
            results.ignored_words.append(words)
            continue
        if facet not in chosen:
            chosen.append(facet)
        results.words_as_filters.append((words, Term.objects.get(pk=facet[1])))
    results.words_ignored = bool(results.ignored_words)
    results.filters = replace(results.filters, terms=tuple(chosen))


def _first_facet(terms) -> tuple[str, int] | None:
    for term in terms:
        name, target = _facet_for(term)
        if name and target:
            return name, target
    return None


def _facet_for(term: Term) -> tuple[str, int | None]:
    if term.kind == Kind.PLACE:
        # Events keep the province (or country); a city is no facet value, it is searched.
        return ("place", term.pk) if term.level in ("province", "country") else ("", None)
    if term.kind == Kind.FACILITY:
        return "facility_type", term.parent_id
    facet = FACET_OF_KIND.get(term.kind, "")
    return (facet, term.pk) if facet else ("", None)
