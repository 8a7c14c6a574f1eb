"""The bilingual transcript of one fictional testimony, told from the coded journey.

`render_segments(rng, facts)` writes a parallel Korean/English transcript whose sentences
follow the coded events (same places, years, prices) and which is full of invented
identifying details: names, villages, dates, ages, phone numbers, messenger IDs. Every such
detail is recorded as a span (start, end, label) in each language, so the texts can test the
detection of identifying details: `text[start:end]` is exactly the inserted value.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from random import Random

from journeys.demo import people
from journeys.demo import templates_china as demo_templates_china
from journeys.demo import templates_frame as demo_templates_frame
from journeys.demo import templates_north as demo_templates_north
from journeys.demo import templates_south as demo_templates_south
from journeys.demo.people import Fill

Span = tuple[int, int, str]
Pair = tuple[str, str]

_MODULES = (demo_templates_north, demo_templates_china, demo_templates_south, demo_templates_frame)
TEMPLATES: dict[str, list[Pair]] = {k: v for m in _MODULES for k, v in m.TEMPLATES.items()}
DIALECT: dict[str, list[Pair]] = {k: v for m in _MODULES for k, v in m.DIALECT.items()}

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
MIN_SEGMENTS, MAX_SEGMENTS = 6, 12  # after the opening line

# Korean particles by the form written in templates: (after a final consonant, after a vowel).
_PARTICLES = {
    "은": ("은", "는"),
    "이": ("이", "가"),
    "을": ("을", "를"),
    "과": ("과", "와"),
    "이랑": ("이랑", "랑"),
    "이라는": ("이라는", "라는"),
    "이라고": ("이라고", "라고"),
    "이었": ("이었", "였"),
    "이에요": ("이에요", "예요"),
}
# How digits are read out, for a particle after a number: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔
# end in a consonant (1, 7, 8 in ㄹ); 2 이, 4 사, 5 오, 9 구 in a vowel.
_DIGIT_FINALS = {"0": "c", "1": "l", "3": "c", "6": "c", "7": "l", "8": "l"}
_RIEUL_FINAL = 8


@dataclass(frozen=True)
class EventFacts:
    """What the text of one coded event must agree with."""

    event_type: str
    stage: str
    start_year: int | None = None
    start_month: int | None = None
    end_year: int | None = None
    place: Fill | None = None
    place_code: str = ""
    region: Fill | None = None
    price_yuan: int | None = None
    facility: Fill | None = None
    facility_type: Fill | None = None
    agency: Fill | None = None
    codes: tuple[str, ...] = ()  # "kind:code", e.g. "violation:violence"
    extra: tuple[tuple[str, Fill], ...] = ()  # text-only values: the river, "second time"
    again: bool = False  # a return to the same husband


@dataclass(frozen=True)
class TestimonyFacts:
    birth_year: int
    interview_date: date
    home: Fill
    home_province: Fill | None
    social_class: str | None
    family_in_north: str
    events: tuple[EventFacts, ...]
    dialect: bool = False
    follow_up: bool = False


@dataclass
class RenderedSegment:
    speaker: str
    text_ko: str = ""
    text_en: str = ""
    spans_ko: list[Span] = field(default_factory=list)
    spans_en: list[Span] = field(default_factory=list)

    def extend(self, other: "RenderedSegment") -> None:
        """Append another passage, one space apart, moving its spans along."""
        ko_sep = " " if self.text_ko else ""
        en_sep = " " if self.text_en else ""
        ko_shift = len(self.text_ko) + len(ko_sep)
        en_shift = len(self.text_en) + len(en_sep)
        self.text_ko += ko_sep + other.text_ko
        self.text_en += en_sep + other.text_en
        self.spans_ko += [(s + ko_shift, e + ko_shift, label) for s, e, label in other.spans_ko]
        self.spans_en += [(s + en_shift, e + en_shift, label) for s, e, label in other.spans_en]


Passage = tuple[str, RenderedSegment]  # (stage, text): passages of one stage share a segment


# -- Korean particles ------------------------------------------------------------------------


def _final_sound(text: str) -> str:
    """ "" when the word ends in a vowel, "l" in ㄹ, "c" in another consonant."""
    for char in reversed(text):
        if "가" <= char <= "힣":
            final = (ord(char) - ord("가")) % 28
            return "" if final == 0 else "l" if final == _RIEUL_FINAL else "c"
        if char.isdigit():
            return _DIGIT_FINALS.get(char, "")
        if char.isalpha():
            return "l" if char in "lL" else "c" if char in "mnkMNK" else ""
    return ""


def particle(word: str, written: str) -> str:
    """The particle `written` (as templates write it: 은, 이, 으로, ...) that fits `word`."""
    final = _final_sound(word)
    if written == "으로":
        return "으로" if final == "c" else "로"
    with_final, without = _PARTICLES[written]
    return with_final if final else without


# -- filling one template --------------------------------------------------------------------


@cache
def template_keys(template: str) -> frozenset[str]:
    return frozenset(match.group(1) for match in _PLACEHOLDER.finditer(template))


def fill_template(
    template: str, values: Callable[[str], Fill], *, korean: bool
) -> tuple[str, list[Span]]:
    """The text with its values inserted, and the spans of the identifying ones."""
    parts: list[str] = []
    spans: list[Span] = []
    length = last = 0
    for match in _PLACEHOLDER.finditer(template):
        literal = template[last : match.start()]
        value = values(match.group(1))
        inserted = value.ko if korean else value.en
        suffix = particle(inserted, match.group(2)) if korean and match.group(2) else ""
        length += len(literal)
        if value.label:
            spans.append((length, length + len(inserted), value.label))
        length += len(inserted) + len(suffix)
        parts += [literal, inserted, suffix]
        last = match.end()
    parts.append(template[last:])
    return "".join(parts), spans


# -- the people and details of one testimony -------------------------------------------------


def _pastor(rng: Random) -> Fill:
    ko, en = rng.choice(people.KOREAN_SURNAMES)
    return Fill(f"{ko} 목사님", f"Pastor {en}", people.PERSON)


def _lao(name: Fill) -> Fill:
    """What villagers call a man: 라오왕 / Lao Wang ("old Wang")."""
    surname_ko, surname_en = people.chinese_surname_of(name)
    return Fill(f"라오{surname_ko}", f"Lao {surname_en}", people.PERSON)


def _money(rng: Random, low: int, high: int, step: int) -> Fill:
    amount = rng.randrange(low, high + 1, step)
    return Fill(f"{amount:,}", f"{amount:,}")


def _transit_fee(rng: Random) -> Fill:
    tens_of_thousands = rng.randrange(150, 601, 50)
    return Fill(f"{tens_of_thousands}만 원", f"{tens_of_thousands / 100:g} million won")


def _child(rng: Random, cast: "Cast") -> Fill:
    surname = people.chinese_surname_of(cast["husband"]) if cast.has_husband else None
    return people.chinese_name(rng, surname=surname)


_CAST: dict[str, Callable[[Random, "Cast"], Fill]] = {
    "mother": lambda rng, _: people.korean_name(rng, female=True),
    "father": lambda rng, _: people.korean_name(rng, female=False),
    "sister": lambda rng, _: people.korean_name(rng, female=True),
    "brother": lambda rng, _: people.korean_name(rng, female=False),
    "official": lambda rng, _: people.korean_name(rng, female=False),
    "friend": lambda rng, _: people.korean_nickname(rng, female=True),
    "coworker": lambda rng, _: people.korean_nickname(rng, female=True),
    "cellmate": lambda rng, _: people.korean_nickname(rng, female=True),
    "hana_friend": lambda rng, _: people.korean_nickname(rng, female=True),
    "broker_cn": lambda rng, _: people.korean_nickname(rng, female=True),
    "host": lambda rng, _: people.korean_nickname(rng, female=True),
    "neighbour": lambda rng, _: people.korean_nickname(rng, female=False),
    "helper": lambda rng, _: people.korean_nickname(rng, female=rng.random() < 0.5),
    "broker": lambda rng, _: (
        people.korean_name(rng, female=False)
        if rng.random() < 0.5
        else people.korean_nickname(rng, female=False)
    ),
    "broker2": lambda rng, _: (
        people.korean_name(rng, female=False) if rng.random() < 0.5 else people.chinese_name(rng)
    ),
    "boss": lambda rng, _: people.chinese_name(rng),
    "pastor": lambda rng, _: _pastor(rng),
    "husband": lambda rng, _: people.chinese_name(rng),
    "husband_nick": lambda _, cast: _lao(cast["husband"]),
    "husband_age": lambda rng, _: people.age(rng, rng.randint(28, 56)),
    "child": _child,
    "child_sex": lambda rng, _: Fill(*rng.choice([("아들", "son"), ("딸", "daughter")])),
    "village": lambda rng, _: people.north_village(rng),
    "cn_village": lambda rng, _: people.chinese_village(rng),
    "work": lambda rng, _: people.workplace_north(rng),
    "restaurant": lambda rng, _: people.restaurant(rng),
    "church": lambda rng, _: people.church(rng),
    "employer": lambda rng, _: people.employer_south(rng),
    "phone_nk": lambda rng, _: people.phone_north(rng),
    "phone_cn": lambda rng, _: people.phone_china(rng),
    "phone_kr": lambda rng, _: people.phone_south(rng),
    "wechat": lambda rng, _: people.wechat_id(rng),
    "qq": lambda rng, _: people.qq_number(rng),
    "kakao": lambda rng, _: people.kakao_id(rng),
    "email": lambda rng, _: people.email(rng),
    "debt": lambda rng, _: _money(rng, 500, 5000, 100),
    "wage": lambda rng, _: _money(rng, 300, 2000, 50),
    "transit_fee": lambda rng, _: _transit_fee(rng),
}
_NEEDS_HUSBAND = frozenset({"husband", "husband_nick", "husband_age"})
_NEEDS_CHILD = frozenset({"child", "child_sex"})


class Cast:
    """The people and details of one testimony, invented when a sentence first needs them,
    so that the broker of the crossing is the same broker when she crosses again."""

    def __init__(self, rng: Random, facts: TestimonyFacts) -> None:
        self._rng = rng
        self._values: dict[str, Fill] = {}
        types = {event.event_type for event in facts.events}
        self.has_husband = "marriage_china" in types
        excluded = set()
        if not self.has_husband:
            excluded |= _NEEDS_HUSBAND
        if "child_born" not in types:
            excluded |= _NEEDS_CHILD
        self.available = frozenset(_CAST) - excluded

    def __getitem__(self, key: str) -> Fill:
        if key not in self._values:
            self._values[key] = _CAST[key](self._rng, self)
        return self._values[key]


# -- the values of one event -----------------------------------------------------------------


def _duration(start: int, end: int) -> Fill:
    years = end - start
    if years <= 0:
        return Fill("몇 달", "a few months")
    return Fill(f"{years}년", "a year" if years == 1 else f"{years} years")


def _price(rng: Random, yuan: int) -> Fill:
    """Prices the way women say them: 8,000 / 8천 / 8000 (yuan), with the English 8,000."""
    form = rng.random()
    if form < 0.5:
        ko = f"{yuan:,}"
    elif form < 0.8:
        thousands, hundreds = divmod(yuan, 1000)
        ko = f"{thousands}천" + (f"{hundreds // 100}백" if hundreds else "")
    else:
        ko = str(yuan)
    return Fill(ko, f"{yuan:,}")


def _when(rng: Random, facts: TestimonyFacts, event: EventFacts) -> dict[str, Fill]:
    values: dict[str, Fill] = {}
    start, month = event.start_year, event.start_month
    if start:
        values["year"] = people.year(start)
    if start and start > facts.birth_year:
        values["age"] = people.age(rng, start - facts.birth_year)
    if start and month:
        values["month"] = people.month(month)
        values["ym"] = people.year_month(start, month)
        values["date"] = people.full_date(rng, start, month)
        values["season"] = people.season(month)
    else:
        values["season"] = people.season(rng.randint(1, 12))
        values["lunar"] = people.lunar_day(rng)
    if event.end_year:
        values["end_year"] = people.year(event.end_year)
        values["end_age"] = people.age(rng, event.end_year - facts.birth_year)
        if start:
            values["duration"] = _duration(start, event.end_year)
    return values


def _event_values(rng: Random, facts: TestimonyFacts, event: EventFacts) -> dict[str, Fill]:
    values = _when(rng, facts, event)
    optional = {
        "place": event.place,
        "region": event.region,
        "facility": event.facility,
        "facility_type": event.facility_type,
        "agency": event.agency,
    }
    values.update({key: value for key, value in optional.items() if value})
    if event.price_yuan:
        values["price"] = _price(rng, event.price_yuan)
    child_age = facts.interview_date.year - (event.start_year or facts.interview_date.year)
    if event.event_type == "child_born" and child_age > 0:
        values["child_age"] = people.age(rng, child_age)
    values.update(dict(event.extra))
    return values


def _testimony_values(rng: Random, facts: TestimonyFacts) -> dict[str, Fill]:
    interviewed = facts.interview_date
    arrived = next(
        (e.start_year for e in facts.events if e.event_type == "arrival" and e.start_year),
        interviewed.year - 1,
    )
    values = {
        "home": facts.home,
        "age_now": people.age(rng, interviewed.year - facts.birth_year),
        "idate": Fill(
            f"{interviewed.year}년 {interviewed.month}월 {interviewed.day}일",
            f"{people.MONTHS_EN[interviewed.month - 1]} {interviewed.day}, {interviewed.year}",
            people.DATE,
        ),
        "hanawon": Fill("하나원", "Hanawon", people.ORG),
        "contact_year": people.year(rng.randint(min(arrived, interviewed.year), interviewed.year)),
    }
    if facts.home_province:
        values["province"] = facts.home_province
    return values


def _perpetrator(event: EventFacts, cast: Cast) -> str:
    """Whose violence a violation sentence of this event speaks of."""
    if event.event_type in ("marriage_china", "child_born", "hiding"):
        return "husband" if cast.has_husband else "host"
    return "broker_cn" if event.event_type == "sold" else "boss"


class _Context:
    """The values one sentence may use: the event's own, the testimony's, then the cast."""

    def __init__(self, cast: Cast, values: dict[str, Fill], perpetrator: str = "boss") -> None:
        self.cast = cast
        self.values = values
        self.perpetrator = perpetrator
        self.available = cast.available | frozenset(values) | {"perp"}

    def __call__(self, key: str) -> Fill:
        if key == "perp":
            return self.cast[self.perpetrator]
        return self.values[key] if key in self.values else self.cast[key]


# -- choosing and rendering sentences --------------------------------------------------------


class _Writer:
    def __init__(self, rng: Random, facts: TestimonyFacts) -> None:
        self.rng = rng
        self.facts = facts
        self.cast = Cast(rng, facts)
        self.common = _testimony_values(rng, facts)
        self.used: set[Pair] = set()

    def context(self, event: EventFacts | None = None) -> _Context:
        if event is None:
            return _Context(self.cast, self.common)
        values = {**self.common, **_event_values(self.rng, self.facts, event)}
        return _Context(self.cast, values, _perpetrator(event, self.cast))

    def sentence(
        self, key: str, context: _Context, speaker: str = "interviewee"
    ) -> RenderedSegment | None:
        """One template of this kind that the context can fill, rendered; None if none fits."""
        fits = [p for p in TEMPLATES.get(key, []) if template_keys(p[0]) <= context.available]
        local = [p for p in DIALECT.get(key, []) if template_keys(p[0]) <= context.available]
        # A woman with a Hamgyong voice uses it about half the time, not in every sentence.
        if self.facts.dialect and local and (not fits or self.rng.random() < 0.5):
            fits = local
        if not fits:
            return None
        # Two transit countries, two spells in China: do not tell them in the same words.
        fits = [pair for pair in fits if pair not in self.used] or fits
        ko, en = self.rng.choice(fits)
        self.used.add((ko, en))
        text_ko, spans_ko = fill_template(ko, context, korean=True)
        text_en, spans_en = fill_template(en, context, korean=False)
        return RenderedSegment(speaker, text_ko, text_en, spans_ko, spans_en)

    def passage(self, keys: list[str], context: _Context) -> RenderedSegment:
        passage = RenderedSegment("interviewee")
        for key in keys:
            rendered = self.sentence(key, context)
            if rendered:
                passage.extend(rendered)
        return passage


def _code_key(event: EventFacts, code: str) -> str | None:
    """The template kind that tells one coded fact of an event, if any."""
    kind = code.split(":", 1)[0]
    if kind == "violation":
        where = {"life_nk": "nk", "caught": "detention", "detention": "detention"}
        return f"violation.{where.get(event.stage, 'china')}:{code.split(':', 1)[1]}"
    if kind in ("reason_leaving", "way_leaving", "situation_china", "difficulty_sk"):
        return code
    if kind == "work_china" and event.event_type != "work_china":
        return code
    return None


def _main_key(rng: Random, event: EventFacts) -> str:
    if event.event_type == "work_china":
        work = next((c for c in event.codes if c.startswith("work_china:")), "work_china:none")
        return work
    if event.event_type == "crossing" and any(key == "nth" for key, _ in event.extra):
        return "crossing_again"
    if event.event_type == "marriage_china" and event.again:
        return "marriage_china_again"
    if event.event_type == "transit":
        special = f"transit:{event.place_code}"
        return special if special in TEMPLATES and rng.random() < 0.5 else "transit"
    return event.event_type


def _event_keys(rng: Random, facts: TestimonyFacts, event: EventFacts) -> list[str]:
    keys = [_main_key(rng, event)]
    if event.event_type == "born" and facts.social_class:
        keys.append(f"class:{facts.social_class}")
    keys += [key for code in event.codes if (key := _code_key(event, code))]
    return keys


def _journey_passages(writer: _Writer) -> list[Passage]:
    """(stage, passage) for every event, then family, contacts and a closing word."""
    passages = []
    for event in writer.facts.events:
        keys = _event_keys(writer.rng, writer.facts, event)
        passage = writer.passage(keys, writer.context(event))
        if passage.text_ko:
            passages.append((event.stage, passage))
    return passages + _ending_passages(writer)


def _ending_passages(writer: _Writer) -> list[Passage]:
    rng = writer.rng
    keys = [f"family:{writer.facts.family_in_north}"]
    if rng.random() < 0.6:
        keys.append("contact")
    passages = [("family", writer.passage(keys, writer.context()))]
    if rng.random() < 0.5:
        passages.append(("closing", writer.passage(["closing"], writer.context())))
    return passages


def _follow_up_passages(writer: _Writer) -> list[Passage]:
    """A second interview: life now, what is hard, family and contacts."""
    passages = [("follow_up", writer.passage(["follow_up"], writer.context()))]
    for event in writer.facts.events:
        if event.event_type == "settlement":
            context = writer.context(event)
            passages.append(("south_korea", writer.passage(["settlement"], context)))
            for code in event.codes:
                key = _code_key(event, code)
                passages.append(("south_korea", writer.passage([key] if key else [], context)))
    passages += _ending_passages(writer)
    return [(stage, passage) for stage, passage in passages if passage.text_ko]


# -- arranging passages into 6-12 segments ---------------------------------------------------


def _group_by_stage(passages: list[Passage]) -> list[list[Passage]]:
    groups: list[list[Passage]] = []
    for stage, passage in passages:
        if groups and groups[-1][0][0] == stage:
            groups[-1].append((stage, passage))
        else:
            groups.append([(stage, passage)])
    return groups


def _fit(groups: list[list[Passage]], target: int) -> list[list[Passage]]:
    """Merge the smallest neighbours while too many, split the largest while too few."""
    while len(groups) > target:
        sizes = [len(groups[i]) + len(groups[i + 1]) for i in range(len(groups) - 1)]
        i = sizes.index(min(sizes))
        groups[i : i + 2] = [groups[i] + groups[i + 1]]
    while len(groups) < target:
        largest = max(range(len(groups)), key=lambda i: len(groups[i]))
        if len(groups[largest]) < 2:
            break
        half = len(groups[largest]) // 2
        group = groups[largest]
        groups[largest : largest + 1] = [group[:half], group[half:]]
    return groups


def _segments(writer: _Writer, passages: list[Passage]) -> list[RenderedSegment]:
    rng = writer.rng
    total = rng.randint(MIN_SEGMENTS, MAX_SEGMENTS)
    questions = rng.randint(0, 2 if total > MIN_SEGMENTS + 1 else 0)
    groups = _fit(_group_by_stage(passages), total - questions)
    # Too few passages to fill the transcript: the interviewer asks more.
    questions = max(questions, MIN_SEGMENTS - len(groups))
    asked = set(rng.sample(range(len(groups)), min(questions, len(groups))))
    segments: list[RenderedSegment] = []
    for index, group in enumerate(groups):
        if index in asked:
            segments.append(_question(writer, stage=group[0][0]))
        segment = RenderedSegment("interviewee")
        for _stage, passage in group:
            segment.extend(passage)
        segments.append(segment)
    return segments


def _question(writer: _Writer, *, stage: str) -> RenderedSegment:
    """What the interviewer asks before a passage; a general question where none fits."""
    for key in (f"question:{stage}", "question:south_korea"):
        question = writer.sentence(key, writer.context(), "interviewer")
        if question:
            return question
    raise LookupError(key)  # unreachable while the templates have general questions


def _header(writer: _Writer) -> RenderedSegment:
    """The opening line that marks the transcript as fiction in both languages. Some
    headers need no value at all, so one always fits."""
    key = "header_follow_up" if writer.facts.follow_up else "header"
    header = writer.sentence(key, writer.context(), "interviewer")
    if header is None:
        raise LookupError(key)
    return header


def render_segments(rng: Random, facts: TestimonyFacts) -> list[RenderedSegment]:
    """The transcript: an opening line marking it as fiction, then 6-12 passages."""
    writer = _Writer(rng, facts)
    header = _header(writer)
    passages = _follow_up_passages(writer) if facts.follow_up else _journey_passages(writer)
    return [header, *_segments(writer, passages)]
