"""Pseudonymisation by generalisation: what replaces each identifying detail.

    propose([(text_ko, text_en), ...], Policy())  -> per segment, (Korean, English) lists
                                                     of Replacement
    apply(text, replacements)                     -> the text with the replacements made

The segments are one testimony: a detail is replaced the same way wherever it recurs, in
both languages (혜산 and Hyesan become 량강도의 한 시 / a city in Ryanggang).

Every detected detail gets a Replacement; a detail the policy keeps (a province, a year, a
public body) has `replacement == text`, so that a reviewer sees it and may decide otherwise.
A replacement may cover a little more than the detected span: the Korean particle after it
when the particle must change (윤애심이 -> 언니 B가), the "on" before an English date (on
March 15, 1998 -> in 1998), the separator of a place absorbed into its neighbour (량강도
삼수군 -> 량강도의 한 군).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from itertools import pairwise

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from journeys.lib.hangul import has_final
from journeys.protection import romanise
from journeys.protection.detect import LABELS, Span, _resolve, detect_texts, names_in_korean
from journeys.protection.gazetteer import fold_text
from journeys.protection.generalise import Draft, draft_other, finish
from journeys.protection.lexicon import EN_PERSON_TITLES, KO_SURNAMES, KO_TITLES
from journeys.protection.pseudonymise_words import ROLES, Role

# Every option of the policy, its heading and what it may be, in the words a reviewer reads;
# the first value is the default. Defined once: validation, the defaults below and the review
# page's choices all read it.
OPTIONS = {
    "person": (
        gettext_lazy("People"),
        {"role": gettext_lazy("a role and a letter"), "remove": gettext_lazy("removed")},
    ),
    "place": (
        gettext_lazy("Places"),
        {
            "province": gettext_lazy("their province"),
            "country": gettext_lazy("their country"),
            "remove": gettext_lazy("removed"),
        },
    ),
    "date": (
        gettext_lazy("Dates"),
        {
            "year": gettext_lazy("their year"),
            "season": gettext_lazy("their season"),
            "remove": gettext_lazy("removed"),
        },
    ),
    "year": (
        gettext_lazy("Years"),
        {"keep": gettext_lazy("kept"), "decade": gettext_lazy("their decade")},
    ),
    "age": (
        gettext_lazy("Ages"),
        {
            "range": gettext_lazy("a range"),
            "decade": gettext_lazy("their decade"),
            "remove": gettext_lazy("removed"),
        },
    ),
    "contact": (gettext_lazy("Contacts"), {"remove": gettext_lazy("removed")}),
    "org": (
        gettext_lazy("Organisations"),
        {"generic": gettext_lazy("a generic word"), "keep": gettext_lazy("kept")},
    ),
}
# What each option may be; the first is the default.
CHOICES = {name: tuple(values) for name, (_heading, values) in OPTIONS.items()}


class PolicyError(ValueError):
    """A policy that cannot be used; the message is translated and says what is wrong."""


@dataclass(frozen=True)
class Policy:
    """How each label is generalised; configurable per release (stored as as_dict())."""

    person: str = CHOICES["person"][0]  # role: 브로커 A / broker A; remove
    # province: 함경북도의 한 군 / a county in North Hamgyong; country; remove
    place: str = CHOICES["place"][0]
    date: str = CHOICES["date"][0]  # year | season | remove
    year: str = CHOICES["year"][0]  # keep | decade
    age: str = CHOICES["age"][0]  # range (10대 후반 / in her late teens) | decade (20대) | remove
    contact: str = CHOICES["contact"][0]  # always removed; a field so the policy reads whole
    org: str = CHOICES["org"][0]  # generic | keep

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "Policy":
        """A policy from stored or typed values; missing options take their default.

        Raises PolicyError (translated) for anything else than a dict of known options with
        allowed values, so a release is never made under a policy nobody meant."""
        if not isinstance(values, dict):
            raise PolicyError(_("A pseudonymisation policy must be a JSON object."))
        known = {f.name for f in fields(cls)}
        for name, value in values.items():
            if name not in known:
                raise PolicyError(
                    _("Unknown pseudonymisation option %(name)s; the options are %(known)s.")
                    % {"name": name, "known": ", ".join(sorted(known))}
                )
            if value not in CHOICES[name]:
                raise PolicyError(
                    _("The option %(name)s cannot be %(value)s; choose one of %(choices)s.")
                    % {"name": name, "value": repr(value), "choices": ", ".join(CHOICES[name])}
                )
        return cls(**values)


@dataclass(frozen=True, order=True)
class Replacement:
    start: int
    end: int
    label: str
    text: str
    replacement: str
    # One detail of the testimony, the same in every segment and both languages
    # ("PERSON:1", "PLACE:hyesan"): what a reviewer's decision applies to.
    entity: str

    def as_dict(self) -> dict:
        return asdict(self)


def propose(
    segments: Sequence[tuple[str, str]],
    policy: Policy | None = None,
    *,
    extra: Sequence[tuple[str, str]] = (),
    consistent: bool = True,
    each: Sequence[tuple[list[Span], list[Span]]] | None = None,
) -> list[tuple[list[Replacement], list[Replacement]]]:
    """Detect and propose a replacement for every detail of one testimony.

    `segments`: (Korean, English) text pairs, "" where a language is missing.
    `extra`: (form, label) details a reviewer marked as missed, found and replaced in every
    segment and both languages too.
    `consistent=False`: the segments are unrelated texts (the command's --independent); each
    is pseudonymised on its own, its letters starting again at A.
    `each`: per segment, the (Korean, English) `detect.spans_each` of its texts, when the
    caller has them (the review page caches them); detected here otherwise."""
    policy = policy or Policy()
    segments = [(ko or "", en or "") for ko, en in segments]
    unknown = {label for _form, label in extra} - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels in extra: {sorted(unknown)}")
    spans = _detect(segments, extra, consistent, each)
    groups = [range(len(segments))] if consistent else [[i] for i in range(len(segments))]
    drafts: list[tuple[list, list]] = [([], []) for _ in segments]
    for group in groups:
        _People(segments, spans, list(group)).draft(policy, drafts)
    for i, (ko, en) in enumerate(segments):
        for lang, text in (("ko", ko), ("en", en)):
            side = 0 if lang == "ko" else 1
            found = spans[i][side]
            people = {(d.start, d.end): d for d in drafts[i][side]}
            result = []
            for span in found:
                draft = people.get((span.start, span.end)) or draft_other(span, lang, policy, text)
                result.append(draft)
            drafts[i][side][:] = finish(text, lang, result)
    return [
        ([_replacement(d, ko) for d in drafts[i][0]], [_replacement(d, en) for d in drafts[i][1]])
        for i, (ko, en) in enumerate(segments)
    ]


def _replacement(draft: Draft, text: str) -> Replacement:
    return Replacement(
        draft.start,
        draft.end,
        draft.label,
        text[draft.start : draft.end],
        draft.replacement,
        draft.entity,
    )


def apply(text: str, replacements: Iterable[Replacement]) -> str:
    """The text with every replacement made, rebuilt from the right so offsets hold.

    Raises ValueError if two replacements overlap or one does not match the text (a stale
    proposal must not garble a testimony)."""
    ordered = sorted(replacements, key=lambda r: (r.start, r.end))
    for before, after in pairwise(ordered):
        if after.start < before.end:
            raise ValueError(f"replacements overlap at {after.start}")
    for item in reversed(ordered):
        if text[item.start : item.end] != item.text:
            raise ValueError(f"replacement at {item.start} does not match the text")
        text = text[: item.start] + item.replacement + text[item.end :]
    return text


# --- detection for a whole testimony ---------------------------------------------------


def _detect(segments, extra, consistent: bool, each=None) -> list[tuple[list[Span], list[Span]]]:
    """Spans per segment and language: detection in one batch per language, Korean names
    looked for in the translation in their Latin spellings, and the reviewer's extra forms
    everywhere."""
    by_lang = []
    for side, lang in ((0, "ko"), (1, "en")):
        texts = [seg[side] for seg in segments]
        filled = [i for i, t in enumerate(texts) if t.strip()]
        # no text, no detection: an English-only run never loads Kiwi
        known = None if each is None else [each[i][side] for i in filled]
        found = (
            detect_texts([texts[i] for i in filled], lang, consistent=consistent, each=known)
            if filled
            else []
        )
        spans: list[list[Span]] = [[] for _ in texts]
        for i, spans_i in zip(filled, found, strict=True):
            spans[i] = spans_i
        by_lang.append(spans)
    spans_ko, spans_en = by_lang
    for i, (ko, _en) in enumerate(segments):
        more = [(s, e, label, -1) for s, e, label in _extra_in(ko, extra, "ko")]
        if more:
            spans_ko[i] = _resolve(ko, [(s.start, s.end, s.label, 0) for s in spans_ko[i]] + more)
    groups = [range(len(segments))] if consistent else [[i] for i in range(len(segments))]
    for group in groups:
        names = {
            form
            for i in group
            for span in spans_ko[i]
            if span.label == "PERSON"
            for form in _ko_name_forms(_ko_core(span.text)[0].replace(" ", ""))
        }
        # and a name found in the translation in its Korean spellings, where Korean
        # detection took it for a word (은혜, grace, for Eun-hye)
        latin = {_en_core(s.text)[0] for i in group for s in spans_en[i] if s.label == "PERSON"}
        for i in group:
            ko = segments[i][0]
            more = [(s, e, "PERSON", 0) for s, e in names_in_korean(latin, ko)] if ko else []
            if more:
                spans_ko[i] = _resolve(
                    ko, [(s.start, s.end, s.label, 0) for s in spans_ko[i]] + more
                )
        for i in group:
            en = segments[i][1]
            more = [(s, e, label, -1) for s, e, label in _extra_in(en, extra, "en")]
            if en and names:
                more += [
                    (s, e, "PERSON", 0) for n in sorted(names) for s, e in romanise.find(n, en)
                ]
            if more:
                spans_en[i] = _resolve(
                    en, [(s.start, s.end, s.label, 0) for s in spans_en[i]] + more
                )
    return list(zip(spans_ko, spans_en, strict=True))


def _extra_in(text: str, extra, lang: str):
    """Every occurrence of a reviewer's form in a text: Korean forms on folded text (량강도
    finds 양강도), Latin ones as whole words in any case, a Korean person's name in its Latin
    spellings in English."""
    if not text:
        return
    folded = None
    for form, label in extra:
        form = form.strip()
        if not form:
            continue
        if form.isascii():
            pattern = re.compile(r"(?<![\w])" + re.escape(form) + r"(?![\w])", re.IGNORECASE)
            for match in pattern.finditer(text):
                yield match.start(), match.end(), label
            continue
        if folded is None:
            folded = fold_text(text)
        key = fold_text(form)
        start = folded.find(key)
        while start >= 0:
            begin = start
            if label == "PERSON" and start and text[start - 1] in KO_SURNAMES:
                begin = start - 1  # 박순자 when 순자 was marked: the surname goes too
            if not (begin and "가" <= text[begin - 1] <= "힣"):
                yield begin, start + len(key), label
            start = folded.find(key, start + len(key))
        if lang == "en" and label == "PERSON":
            core = _ko_core(form)[0].replace(" ", "")
            for s, e in romanise.find(core, text):
                yield s, e, label


# --- people ------------------------------------------------------------------------------

_KO_TITLE_TAIL = re.compile(
    r"\s?(" + "|".join(sorted(map(re.escape, KO_TITLES), key=len, reverse=True)) + r")$"
)
_EN_TITLES = sorted({t.rstrip(".") for t in EN_PERSON_TITLES}, key=len, reverse=True)
_EN_TITLE_HEAD = re.compile(r"^(" + "|".join(map(re.escape, _EN_TITLES)) + r")(\.?)\s+")
_EN_HONORIFICS = {"Mr": "Mr.", "Mrs": "Mrs.", "Ms": "Ms.", "Miss": "Miss", "Mx": "Mx.", "Dr": "Dr."}
# One-syllable Korean titles written after the letter: A씨, B군, C양.
_KO_AFTER = {"씨": "씨", "님": "씨", "군": "군", "양": "양", "옹": "씨", "모": "씨", "댁": "씨"}
# No I or O: they read as 1 and 0, as the pronoun I, and as the surname O (Pastor O).
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _ko_name_forms(core: str) -> list[str]:
    """A Korean name as it may be romanised: 보람이 (보람 + the 이 said after a given name
    that ends in a consonant) is Bo-ram in the translation."""
    if len(core) < 2:
        return []
    if len(core) >= 3 and core[-1] == "이" and has_final(core[-2]):
        return [core, core[:-1]]
    return [core]


def _ko_core(text: str) -> tuple[str, str]:
    """(name, title) of a Korean person span: 순옥 동무 -> (순옥, 동무)."""
    match = _KO_TITLE_TAIL.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(), match.group(1)
    return text.strip(), ""


def _en_core(text: str) -> tuple[str, str]:
    match = _EN_TITLE_HEAD.match(text)
    if match:
        return text[match.end() :].strip(), match.group(1)
    return text.strip(), ""


def _en_key(name: str) -> tuple[str, ...]:
    return tuple(re.sub(r"[^a-z]", "", w.casefold()) for w in name.split() if w.strip())


def _role_of_word(word: str, lang: str) -> Role | None:
    table = ROLES[lang]
    if word in table:
        return table[word]
    if lang == "en" and word.casefold() in table:
        return table[word.casefold()]
    return None


@dataclass
class _Mention:
    seg: int
    lang: str
    span: Span
    node: str
    role: Role | None = None  # the role the words around it give
    letter_only: bool = False  # a role word or "called" next to it already says who it is
    own_title: Role | None = None  # a title inside the span (순옥 동무, Comrade Sun-ok)
    honoured: bool = False  # 님 follows (정 목사님): the letter goes first (C 목사님)


class _People:
    """The persons of one testimony: who is the same person, in which language, and the
    role and letter each gets."""

    def __init__(self, segments, spans, group: list[int]) -> None:
        self.segments = segments
        self.spans = spans
        self.group = group
        self.parent: dict[str, str] = {}
        self.mentions: list[_Mention] = []
        for i in group:
            for side, lang in ((0, "ko"), (1, "en")):
                text = segments[i][side]
                for span in spans[i][side]:
                    if span.label == "PERSON":
                        self.mentions.append(self._mention(i, lang, text, span))
        self._link()

    # union-find over name keys ("ko:순옥", "en:sunok")
    def _find(self, node: str) -> str:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self.parent[rb] = ra

    def _mention(self, seg: int, lang: str, text: str, span: Span) -> _Mention:
        if lang == "ko":
            name, title = _ko_core(span.text)
            node = "ko:" + fold_text(name.replace(" ", ""))
        else:
            name, title = _en_core(span.text)
            node = "en:" + " ".join(_en_key(name))
        mention = _Mention(seg, lang, span, node)
        if title:
            if lang == "ko" and title in _KO_AFTER:
                mention.own_title = Role(_KO_AFTER[title], "")
            elif lang == "en" and title in _EN_HONORIFICS:
                mention.own_title = Role("씨", _EN_HONORIFICS[title])
            elif lang == "en":
                # Sister Ok-sun -> Sister A: an English title keeps its capital
                role = _role_of_word(title, lang)
                mention.own_title = Role(role.ko if role else "", title)
            else:
                mention.own_title = _role_of_word(title, lang)
            mention.role = mention.own_title
        mention.honoured = lang == "ko" and text[span.end : span.end + 1] == "님"
        context = _ko_context if lang == "ko" else _en_context
        role, letter_only = context(text, span)
        mention.role = mention.role or role
        mention.letter_only = letter_only and mention.own_title is None
        self._find(node)
        return mention

    def _link(self) -> None:
        nodes = {m.node for m in self.mentions}
        # a given name alone is the person named in full elsewhere (철수 -> 김철수, 순옥이 -> 순옥)
        ko_names = {n[3:] for n in nodes if n.startswith("ko:")}
        by_given: dict[str, list[str]] = {}
        for name in ko_names:
            if len(name) >= 3:
                by_given.setdefault(name[1:], []).append(name)
        for name in sorted(ko_names):
            if len(name) >= 3 and name.endswith("이") and name[:-1] in ko_names:
                self._union("ko:" + name[:-1], "ko:" + name)
            fulls = by_given.get(name, []) if 2 <= len(name) <= 3 else []
            if len(fulls) == 1:  # 철수 of both 김철수 and 박철수 is nobody's for sure
                self._union("ko:" + fulls[0], "ko:" + name)
        en_names = sorted({tuple(n[3:].split()) for n in nodes if n.startswith("en:")})
        by_word: dict[str, list[tuple]] = {}
        for name in en_names:
            for word in name:
                by_word.setdefault(word, []).append(name)
        for short in en_names:
            fulls = [
                full
                for full in (by_word.get(short[0], []) if short else [])
                if short != full and set(short) <= set(full)
            ]
            if len(fulls) == 1:  # Ms. Choi of two Chois is neither for sure
                self._union("en:" + " ".join(fulls[0]), "en:" + " ".join(short))
        if not (ko_names and en_names):
            return  # one language only: nothing to link across
        by_segment: dict[int, list[_Mention]] = {}
        for m in self.mentions:
            by_segment.setdefault(m.seg, []).append(m)
        # a Korean name found in its Latin spelling inside an English name is that person
        for i in self.group:
            en_text = self.segments[i][1]
            if not en_text:
                continue
            en_mentions = [m for m in by_segment.get(i, []) if m.lang == "en"]
            for node in sorted(n for n in nodes if n.startswith("ko:")):
                for s, e in romanise.find(node[3:], en_text):
                    for m in en_mentions:
                        if m.span.start <= s and e <= m.span.end:
                            self._union(node, m.node)
            self._pair_by_order(i)

    def _pair_by_order(self, seg: int) -> None:
        """Names no spelling links (서생강 / Xu Shengqiang, 정 목사 / Pastor Jong): in a segment
        and its translation the persons not yet linked are paired by their role when one
        role names one person in each language (남편 곽해보 / my husband, Guo Haibao), then in
        order, when as many are left in each language."""
        roots: dict[str, list[str]] = {"ko": [], "en": []}
        roles: dict[str, str] = {}
        in_ko = {self._find(m.node) for m in self.mentions if m.lang == "ko"}
        in_en = {self._find(m.node) for m in self.mentions if m.lang == "en"}
        for m in self.mentions:
            if m.seg != seg:
                continue
            root = self._find(m.node)
            if root in (in_en if m.lang == "ko" else in_ko) or root in roots[m.lang]:
                continue
            roots[m.lang].append(root)
            if m.role is not None and m.role.en:
                roles.setdefault(root, m.role.en.casefold())
        for ko_root in list(roots["ko"]):
            role = roles.get(ko_root)
            same = [r for r in roots["en"] if role and roles.get(r) == role]
            if len(same) == 1 and sum(roles.get(r) == role for r in roots["ko"]) == 1:
                self._union(ko_root, same[0])
                roots["ko"].remove(ko_root)
                roots["en"].remove(same[0])
        if roots["ko"] and len(roots["ko"]) == len(roots["en"]):
            for a, b in zip(roots["ko"], roots["en"], strict=True):
                self._union(a, b)

    def draft(self, policy: Policy, drafts) -> None:
        letters: dict[str, int] = {}
        roles: dict[tuple[str, str], Role] = {}
        for m in self.mentions:
            root = self._find(m.node)
            letters.setdefault(root, len(letters))
            if m.role is not None:
                roles.setdefault((root, m.lang), m.role)
        for m in self.mentions:
            root = self._find(m.node)
            number = letters[root]
            role = roles.get((root, m.lang)) or roles.get((root, "en" if m.lang == "ko" else "ko"))
            if m.own_title is not None:
                role = m.own_title if getattr(m.own_title, m.lang) else role
            text = self._text(policy, m, role, number)
            side = 0 if m.lang == "ko" else 1
            drafts[m.seg][side].append(
                Draft(m.span.start, m.span.end, "PERSON", f"PERSON:{number + 1}", text)
            )

    @staticmethod
    def _text(policy: Policy, m: _Mention, role: Role | None, number: int) -> str:
        if policy.person == "remove":
            return "한 사람" if m.lang == "ko" else "someone"
        letter = _letter(number)
        if m.letter_only:
            return letter
        if m.lang == "ko":
            word = role.ko if role and role.ko else "인물"
            if word in ("씨", "군", "양"):
                return letter + word
            return f"{letter} {word}" if m.honoured else f"{word} {letter}"
        word = role.en if role and role.en else "person"
        return f"{word} {letter}"


def _letter(number: int) -> str:
    if number < len(_LETTERS):
        return _LETTERS[number]
    return _letter(number // len(_LETTERS) - 1) + _LETTERS[number % len(_LETTERS)]


_KO_WORD_BEFORE = re.compile(r"([가-힣]+)\s+$")
_KO_NAMING_BEFORE = re.compile(r"(?:([가-힣]+?)(?:의)?\s+)?(?:이름|본명|성함)(?:은|이|는)\s+$")
_KO_NAMED_AFTER = re.compile(
    r"(?:이)?라(?:는|고\s?하는|고\s?불리는|던)\s+(?:[가-힣]+\s+)?([가-힣]+?)(?:[이가은는을를과와의도]|에게|한테)?(?=$|[\s.,])"
)
_KO_WORD_AFTER = re.compile(r"\s?([가-힣]+)")


def _ko_context(text: str, span: Span) -> tuple[Role | None, bool]:
    """The role the Korean words around a name give, and whether one stands right next to
    it (언니 윤애심, 영희 언니, 서생강이라는 한족 남자, 어머니 이름은 로분희)."""
    before = text[: span.start]
    if before and "가" <= before[-1] <= "힣":
        # inside a word: a kinship word written together with the name says who she is
        # (언니순옥이, 친구은혜가), and stays in the text beside the letter
        glued = _role_of_word(re.search(r"[가-힣]+$", before).group(), "ko")
        return glued, glued is not None
    naming = _KO_NAMING_BEFORE.search(before[-20:])
    if naming:
        return (_role_of_word(naming.group(1), "ko") if naming.group(1) else None), True
    word = _KO_WORD_BEFORE.search(before[-12:])
    if word and (role := _role_of_word(word.group(1), "ko")):
        return role, True
    after = text[span.end :]
    named = _KO_NAMED_AFTER.match(after)
    if named:
        return _role_of_word(named.group(1), "ko"), True
    word = _KO_WORD_AFTER.match(after)
    if word:
        following = word.group(1)
        for size in range(len(following), 0, -1):
            if role := _role_of_word(following[:size], "ko"):
                return role, True
    return None, False


_EN_NAMING_BEFORE = re.compile(
    r"(?:\b([A-Za-z-]+)'s\s+(?:real\s+)?name\s+(?:is|was)|\bnamed|\bcalled)\s+$"
)
_EN_WORDS_BEFORE = re.compile(r"\b([A-Za-z-]+)(?:\s+([A-Za-z-]+))?,?\s+$")


def _en_context(text: str, span: Span) -> tuple[Role | None, bool]:
    """The role the English words before a name give: my husband, Guo Haibao; the broker
    Kim; a man called Xu; my mother's name is Ro Pun-hui."""
    before = text[max(0, span.start - 60) : span.start]
    naming = _EN_NAMING_BEFORE.search(before)
    if naming:
        role = _role_of_word(naming.group(1), "en") if naming.group(1) else None
        if role is None:
            words = _EN_WORDS_BEFORE.search(before[: naming.start()])
            role = words and (_role_of_word(words.group(2) or words.group(1), "en"))
        return role or None, True
    words = _EN_WORDS_BEFORE.search(before)
    if words:
        first, second = words.group(1), words.group(2)
        if second and (role := _role_of_word(f"{first} {second}", "en")):
            return role, True
        if role := _role_of_word(second or first, "en"):
            return role, True
    return None, False
