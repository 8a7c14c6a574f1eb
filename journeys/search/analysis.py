"""Text to search terms: the one analysis that both the index and the queries go through.

Korean goes through Kiwi (the process-wide instance of journeys.protection.kiwi): nouns and
roots are kept as they are, verbs and adjectives as their dictionary form (팔려갔다 gives
팔리다), particles, endings, suffixes and auxiliary verbs are dropped. Every Korean term is folded with
the initial-sound rule (journeys.lib.hangul.fold_word), so 녀성 and 여성, 로동 and 노동,
량강도 and 양강도, 리 and 이 are one term. A noun that folding changed is analysed again in its
South Korean spelling, because Kiwi knows 노동단련대 (노동 + 단련) but not 로동단련대. The rule
also holds inside a compound that Kiwi cannot split in its North Korean spelling (평양로동자,
농촌녀성): see _south_spelling.

English (and Latin letters inside Korean text) is lower-cased, stripped of accents, and
stemmed with the Snowball English stemmer; a short list of function words is dropped.
Digits are kept as they are, so 1997년 and "in 1997" share the term 1997.

Each term keeps the span of the text it came from, so snippets can mark it later.
"""

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from journeys.lib.hangul import fold_word, initial_sound_rule
from journeys.protection.kiwi import analyser

# Bump when the analysis changes: documents analysed by another version need `journeys reindex`
# (the search page says so). 2: the initial-sound rule inside compounds; no auxiliary verbs.
VERSION = 2

_NOUNS = frozenset({"NNG", "NNP", "XR", "SH"})
# Auxiliary verbs (VX: 가 in 팔려갔다, 있 in 살고 있었다, 버리 in 팔아버렸다) make no term:
# like endings they carry aspect, not content, and as terms they made every such word a
# two-term phrase, the slowest kind of query (positions checked in every document).
_PREDICATES = frozenset({"VV", "VA"})
_HANGUL = re.compile(r"[가-힣]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_LATIN_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*|[0-9]+")
# Function words only; "not", "no", "back" and the like carry meaning here and stay.
_STOP_WORDS = (
    "a an and are as at be been but by for from had has have he her hers him his i if in into "
    "is it its me my of on or our she so than that the their them then there these they this "
    "those to us was we were what when where which who whom will with would you your"
)
_ENGLISH_STOP = frozenset(_STOP_WORDS.split())

_stemmer_lock = threading.Lock()
_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Term:
    """One search term and where it stands in the text it came from."""

    text: str
    start: int
    end: int


# -- English ----------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def english_term(word: str) -> str:
    """The term for one English word: lower case, no accents, stemmed; "" for a stop word."""
    word = word.casefold().replace("’", "'")
    if not word.isascii():
        word = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
    word = word.removesuffix("'s").replace("'", "")
    if not word or word in _ENGLISH_STOP:
        return ""
    if word.isdigit():
        return word
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def analyse_english(text: str, offset: int = 0) -> list[Term]:
    terms = []
    for match in _WORD.finditer(text):
        word = match.group()
        if _HANGUL.search(word):
            # A Korean word inside English text (a name kept in Hangul) gets the Korean path.
            terms += analyse_korean(word, match.start() + offset)
            continue
        term = english_term(word)
        if term:
            terms.append(Term(term, match.start() + offset, match.end() + offset))
    return terms


# -- Korean -----------------------------------------------------------------------------------


@lru_cache(maxsize=50_000)
def _south_spelling(noun: str) -> tuple[tuple[str, int, int], ...] | None:
    """A noun in North Korean spelling, analysed again in the South Korean one; None when
    it is spelled the South Korean way already. 로동단련대 becomes 노동 + 단련.

    Inside a word the rule is applied only where Kiwi cannot split the word, and only at a
    syllable where the South Korean spelling splits into two nouns of two syllables or more:
    평양로동자 becomes 평양 + 노동자 and 농촌녀성 농촌 + 여성, while 관리자 stays whole
    (관 + 이자 would make it a hit for 이자, interest) and 노동단련대, which Kiwi splits,
    keeps its 단련. Folding keeps the length, so offsets carry over."""
    folded = fold_word(noun)
    inner = [at for at in range(2, len(noun) - 1) if initial_sound_rule(noun[at]) != noun[at]]
    if folded == noun and not inner:
        return None
    parts = _analysed(folded)
    if len(parts) == 1:
        for at in inner:
            south = folded[:at] + initial_sound_rule(folded[at]) + folded[at + 1 :]
            if _splits_at(south_parts := _analysed(south), at):
                folded, parts = south, south_parts
    if folded == noun:
        return None
    return parts or ((folded, 0, len(noun)),)


def _analysed(text: str) -> tuple[tuple[str, int, int], ...]:
    """The terms of a word already in South Korean spelling (no folding again)."""
    return tuple(
        (term.text, term.start, term.end)
        for term in _korean_terms(text, analyser().tokenize(text), 0, south=False)
    )


def _splits_at(parts, at: int) -> bool:
    """Whether the analysis has a term of two syllables or more ending at `at` and another
    starting there."""
    return any(end == at and end - start >= 2 for _, start, end in parts) and any(
        start == at and end - start >= 2 for _, start, end in parts
    )


@lru_cache(maxsize=20_000)
def _glued_south(chunk: str, suffix: bool) -> tuple[tuple[str, int, int], ...] | None:
    """The terms of a North Korean word that Kiwi cut after its first syllable, in South
    Korean spelling (로동자 → 노동자); None unless that spelling starts with a noun of three
    syllables, or of two where Kiwi took the second for a `suffix` (녀 + 성 → 여성; 로 + 배,
    two words run together, stays)."""
    parts = _analysed(fold_word(chunk))
    if parts and parts[0][1] == 0 and parts[0][2] >= (2 if suffix else 3):
        return parts
    return None


def _glued_at(tokens, i: int) -> bool:
    """Whether tokens[i] is one syllable in North Korean spelling, glued between a noun and
    a noun or suffix: Kiwi reads 해외로동자 as 해외 + 로 + 동자 and 고향녀성 as 고향 + 녀 + 성,
    not knowing 로동자 and 녀성 after another noun (a particle such as 서울로도's 로 is
    followed by another particle, and stays)."""
    token = tokens[i]
    if token.len != 1 or not 0 < i < len(tokens) - 1:
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    return (
        initial_sound_rule(token.form[0]) != token.form[0]
        and before.tag.split("-", 1)[0] in _NOUNS
        and before.start + before.len == token.start
        and after.start == token.start + 1
        and after.tag[0] in "NX"
    )


def _korean_terms(text: str, tokens, offset: int, *, south: bool = True) -> list[Term]:
    out: list[Term] = []
    noun_end = -1
    tokens = list(tokens)
    skip_to = 0
    for i, token in enumerate(tokens):
        if i < skip_to:
            continue
        tag = token.tag
        start = token.start + offset
        if south and _glued_at(tokens, i):
            after = tokens[i + 1]
            chunk = text[token.start : after.start + after.len]
            spelled = _glued_south(chunk, after.tag == "XSN")
            if spelled:
                out += [Term(part, start + s, start + e) for part, s, e in spelled]
                noun_end, skip_to = after.start + after.len, i + 2
                continue
        base = tag.split("-", 1)[0]
        noun = base in _NOUNS
        if tag == "XSN" or (noun and token.len == 1 and token.start == noun_end):
            # A one-syllable noun glued to the noun before it is a suffix in all but name
            # (집결 + 소, 단련 + 대): Kiwi tags it NNG or XSN depending on the context, so it
            # makes no term; the span of the term before it grows over it, for snippets.
            if out and out[-1].end == start:
                out[-1] = Term(out[-1].text, out[-1].start, start + token.len)
            if noun:
                noun_end = token.start + token.len
            continue
        if tag[0] == "E" or tag[0] == "J" or tag.startswith("XS"):
            continue
        if noun:
            form = token.form
            noun_end = token.start + token.len
            spelled = _south_spelling(form) if south else None
            if spelled is None:
                out.append(Term(form, start, start + token.len))
            else:
                out += [Term(part, start + s, start + e) for part, s, e in spelled]
        elif base in _PREDICATES:
            out.append(Term(fold_word(token.form) + "다", start, start + token.len))
        elif base == "SN":
            out.append(Term(token.form, start, start + token.len))
        elif base == "SL":
            for match in _LATIN_WORD.finditer(token.form.casefold()):
                term = english_term(match.group())
                if term:
                    out.append(Term(term, start + match.start(), start + match.end()))
    return out


def analyse_korean(text: str, offset: int = 0) -> list[Term]:
    return _korean_terms(text, analyser().tokenize(text), offset)


def analyse_korean_many(texts: Sequence[str]) -> list[list[Term]]:
    """Many texts in one Kiwi batch (much faster than one call each)."""
    if not texts:
        return []
    batches = analyser().tokenize(list(texts))
    return [_korean_terms(t, toks, 0) for t, toks in zip(texts, batches, strict=True)]


def analyse(text: str, language: str) -> list[Term]:
    """The terms of one text in "ko" or "en"."""
    if not text:
        return []
    return analyse_korean(text) if language == "ko" else analyse_english(text)


def analyse_query_text(text: str) -> list[str]:
    """The terms of a word or phrase typed in a query, in either language: the Korean path
    when it holds Hangul (it handles Latin letters too), the English one otherwise."""
    terms = analyse_korean(text) if _HANGUL.search(text) else analyse_english(text)
    return [term.text for term in terms]
