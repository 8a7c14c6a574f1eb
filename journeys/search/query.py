"""Queries: words, "phrases", AND, OR, NOT (or -word) and parentheses, in either language.

    탈북 중국                both words (AND is implied)
    "sold to a farmer"       the words in this order
    혜산 OR 회령             either
    집결소 -교화소           the first, not the second (also: 집결소 NOT 교화소)

OR binds tighter than AND: `a b OR c` is a AND (b OR c). Each word or phrase goes through the
index's own analysis (journeys.search.analysis), so a word that analyses into several terms
(팔려갔다, 로동단련대) is matched as a phrase of them. A word or run of words that is a codebook
spelling (Hyesan, 혜산, "North Hamgyong", 량강도) also matches every other spelling of its
term, in both languages. The result is a tree of hashed phrases for a backend to compile.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.utils.translation import gettext as _

from journeys.codebook.models import Alias
from journeys.lib.hangul import fold
from journeys.search.analysis import analyse_query_text
from journeys.search.tokens import term_hex

MAX_QUERY_CHARS = 500
MAX_WORDS = 30
_TOKEN = re.compile(r'-?"[^"]*"?|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT"}


class QueryError(ValueError):
    """The query cannot be run; the message says why, in the user's language."""


@dataclass(frozen=True)
class Word:
    text: str
    quoted: bool = False


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class All:
    children: tuple


@dataclass(frozen=True)
class Any:
    children: tuple


@dataclass(frozen=True)
class Filters:
    """What the hits must have: codebook terms per facet (all of them), the years she first
    left, the interview's language."""

    terms: tuple[tuple[str, int], ...] = ()
    left_from: int | None = None
    left_until: int | None = None
    language: str = ""

    def sql(self, *, terms: bool = True) -> tuple[str, list]:
        """SQL conditions on search_doc d; without the codebook terms when the full-text
        index matches them itself."""
        clauses, params = [], []
        for facet, term_id in self.terms if terms else ():
            clauses.append(
                "d.interview_id IN (SELECT interview_id FROM search_facet"
                " WHERE facet = %s AND term_id = %s)"
            )
            params += [facet, term_id]
        if self.left_from:
            clauses.append("d.left_year >= %s")
            params.append(self.left_from)
        if self.left_until:
            clauses.append("d.left_year <= %s")
            params.append(self.left_until)
        if self.language:
            clauses.append("d.language = %s")
            params.append(self.language)
        return "".join(f" AND {c}" for c in clauses), params


@dataclass
class Node:
    """What backends compile: kind is "phrase" (hashes), "or", "and" or "andnot"."""

    kind: str
    hashes: tuple[str, ...] = ()
    children: list["Node"] = field(default_factory=list)


@dataclass
class Query:
    """A parsed and resolved query. `node` is None when nothing in it can be searched."""

    text: str
    node: Node | None
    hashes: frozenset[str]  # every term hash it looks for (for marking snippets)
    words: int
    expanded: list[str]  # codebook spellings it also looked for


# -- parsing ----------------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


class _Parser:
    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def expression(self, closing: bool = False):
        groups = []
        while (token := self.peek()) is not None:
            if token == ")":
                if closing:
                    break
                raise QueryError(_("A closing parenthesis has no opening one."))
            if token in ("AND", "OR"):
                self.take()  # AND is implied; a stray OR joins nothing
                continue
            groups.append(self.group())
        return groups[0] if len(groups) == 1 else All(tuple(groups))

    def group(self):
        alternatives = [self.unary()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")"):
                break
            alternatives.append(self.unary())
        return alternatives[0] if len(alternatives) == 1 else Any(tuple(alternatives))

    def unary(self):
        token = self.take()
        if token == "NOT" or (token.startswith("-") and len(token) > 1):
            if token == "NOT":
                if self.peek() in (None, ")"):
                    raise QueryError(_("NOT must be followed by a word or phrase."))
                return Not(self.unary())
            return Not(_word(token[1:]))
        if token == "(":
            inner = self.expression(closing=True)
            if self.peek() != ")":
                raise QueryError(_("An opening parenthesis is not closed."))
            self.take()
            return inner
        return _word(token)


def _word(token: str) -> Word:
    if token.startswith('"'):
        return Word(token.strip('"'), quoted=True)
    return Word(token)


def parse(text: str):
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            _("A query is at most %(count)s characters long.") % {"count": MAX_QUERY_CHARS}
        )
    tokens = _tokens(text)
    if sum(1 for t in tokens if t not in _OPERATORS and t not in "()") > MAX_WORDS:
        raise QueryError(_("A query has at most %(count)s words.") % {"count": MAX_WORDS})
    if not tokens:
        return None
    return _Parser(tokens).expression()


# -- resolving words into hashed phrases ----------------------------------------------------


@lru_cache(maxsize=20_000)
def _phrase(text: str) -> tuple[str, ...]:
    return tuple(analyse_query_text(text))


class _Resolver:
    def __init__(self, tree):
        self.spellings = _codebook_spellings(_candidates(tree))
        self.hashes: set[str] = set()
        self.expanded: list[str] = []
        self.words = 0

    def phrases_of(self, word: Word) -> Node | None:
        self.words += 1
        texts = [word.text]
        for spelling in self.spellings.get(fold(word.text), ()):
            if fold(spelling) != fold(word.text):
                texts.append(spelling)
                self.expanded.append(spelling)
        found = set()
        for text in texts:
            terms = _phrase(text)
            if terms:
                hashes = tuple(term_hex(term) for term in terms)
                self.hashes.update(hashes)
                found.add(hashes)
        phrases = [Node("phrase", hashes=h) for h in sorted(_without_longer(found))]
        if not phrases:
            return None
        return phrases[0] if len(phrases) == 1 else Node("or", children=phrases)

    def resolve(self, tree) -> Node | None:
        if isinstance(tree, Word):
            return self.phrases_of(tree)
        if isinstance(tree, Not):
            raise QueryError(
                _("A search needs at least one word to find, not only words to leave out.")
            )
        if isinstance(tree, Any):
            if any(isinstance(child, Not) for child in tree.children):
                raise QueryError(_("NOT cannot be one side of an OR."))
            children = [c for c in (self.resolve(child) for child in tree.children) if c]
            return _joined("or", children)
        children = _merged_spellings(list(tree.children), self.spellings)
        wanted = [self.resolve(c) for c in children if not isinstance(c, Not)]
        unwanted = [self.resolve(c.child) for c in children if isinstance(c, Not)]
        positive = _joined("and", [n for n in wanted if n])
        negative = _joined("or", [n for n in unwanted if n])
        if positive is None:
            if negative is not None:
                raise QueryError(
                    _("A search needs at least one word to find, not only words to leave out.")
                )
            return None
        return positive if negative is None else Node("andnot", children=[positive, negative])


def _without_longer(phrases: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Leave out every alternative that holds another one in it: "police station" finds
    nothing that "police" does not, and a shorter OR is a faster one."""
    return {
        phrase
        for phrase in phrases
        if not any(other != phrase and _inside(other, phrase) for other in phrases)
    }


def _inside(short: tuple, long: tuple) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _joined(kind: str, children: list[Node]) -> Node | None:
    if not children:
        return None
    return children[0] if len(children) == 1 else Node(kind, children=children)


def _candidates(tree) -> set[str]:
    """Every folded word, and every run of two or three plain words, that could be a codebook
    spelling."""
    found: set[str] = set()
    if isinstance(tree, Word):
        found.add(fold(tree.text))
    elif isinstance(tree, Not):
        found |= _candidates(tree.child)
    elif tree is not None:
        children = list(tree.children)
        for child in children:
            found |= _candidates(child)
        for size in (2, 3):
            for run in _runs(children, size):
                found.add(fold(" ".join(word.text for word in run)))
    return found


def _runs(children: list, size: int):
    for start in range(len(children) - size + 1):
        run = children[start : start + size]
        if all(isinstance(c, Word) and not c.quoted for c in run):
            yield run


def _merged_spellings(children: list, spellings: dict) -> list:
    """Plain words in a row that together are a codebook spelling ("North Hamgyong") become
    one word, so that they find the term's other spellings too."""
    for size in (3, 2):
        start = 0
        while start + size <= len(children):
            run = children[start : start + size]
            if all(isinstance(c, Word) and not c.quoted for c in run):
                joined = " ".join(word.text for word in run)
                if fold(joined) in spellings:
                    children[start : start + size] = [Word(joined)]
            start += 1
    return children


def _codebook_spellings(folded: set[str]) -> dict[str, list[str]]:
    """For each candidate that is a codebook spelling: every spelling of its term(s)."""
    by_folded, texts = _alias_index()
    spellings: dict[str, list[str]] = {}
    for key in folded:
        for term_id in by_folded.get(key, ()):
            spellings.setdefault(key, []).extend(texts[term_id])
    return spellings


_aliases: dict = {"version": None, "by_folded": {}, "texts": {}}


def _alias_index() -> tuple[dict[str, list[int]], dict[int, list[str]]]:
    """Every alias, kept in memory while the table is unchanged (one cheap query tells)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), max(id), sum(length(text)) FROM {Alias._meta.db_table}")
        version = cursor.fetchone()
    if version != _aliases["version"]:
        by_folded: dict[str, list[int]] = {}
        texts: dict[int, list[str]] = {}
        for folded, term_id, text in Alias.objects.values_list("folded", "term_id", "text"):
            if term_id not in by_folded.setdefault(folded, []):
                by_folded[folded].append(term_id)
            texts.setdefault(term_id, []).append(text)
        _aliases.update(version=version, by_folded=by_folded, texts=texts)
    return _aliases["by_folded"], _aliases["texts"]


def codebook_spans(text: str) -> list[tuple[str, list[int]]]:
    """The query's words, with each run of up to three that is one codebook spelling joined
    ("North Hamgyong"): every span with the ids of the terms it spells (none for a word that
    is no spelling). For a role that may not search words and gets codebook filters instead.
    A word to leave out (-word, NOT word) spells nothing here: a filter can only select, and
    turning it into one would select what she asked to leave out."""
    words: list[tuple[str, bool]] = []  # (word, left out)
    leave_out = False
    for token in _tokens(text[:MAX_QUERY_CHARS]):
        if token == "NOT":
            leave_out = True
        elif token not in _OPERATORS and token not in "()":
            word = token.lstrip("-").strip('"')
            if word.strip():
                words.append((word, leave_out or token.startswith("-")))
            leave_out = False
    by_folded, _texts = _alias_index()
    spans, start = [], 0
    while start < len(words):
        for size in (3, 2, 1):
            run = words[start : start + size]
            joined = " ".join(word for word, _out in run)
            plain = len(run) == size and not any(out for _word, out in run)
            if size == 1 or (plain and fold(joined) in by_folded):
                ids = list(by_folded.get(fold(joined), ())) if plain else []
                spans.append((joined, ids))
                start += size
                break
    return spans


def query_build(text: str) -> Query:
    """Parse and resolve a query typed by a user. Raises QueryError for one that cannot run."""
    text = (text or "").strip()
    tree = parse(text)
    if tree is None:
        return Query(text, None, frozenset(), 0, [])
    resolver = _Resolver(tree)
    node = resolver.resolve(tree)
    return Query(text, node, frozenset(resolver.hashes), resolver.words, resolver.expanded)
