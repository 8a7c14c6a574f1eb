"""A fictional archive for demonstrations, tests and benchmarks.

`demo_archive_create(count=, seed=, interviewers=)` adds interviewees with interviews,
consent, a bilingual transcript that says it is fiction, and a coded journey. One seed gives
one dataset: every draw comes from one `random.Random(seed)` in a fixed order, never from the
clock, `hash()` or set order. It writes with bulk_create in batches, one transaction each,
and reads the codebook once, so a hundred thousand interviewees take minutes, not hours.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from random import Random

from django.db import transaction

from journeys.accounts.models import User
from journeys.archive.models import (
    Consent,
    ConsentUse,
    FamilyInNorth,
    Interview,
    Interviewee,
    JourneyEvent,
    Language,
    Segment,
)
from journeys.codebook.models import Kind, Term
from journeys.codebook.selectors import regions_by_place
from journeys.demo.codebook import DemoCodebook, DemoCodebookError
from journeys.demo.journey import JourneyPlanner, PlannedEvent, weighted
from journeys.demo.people import PLACE, Fill
from journeys.demo.text import EventFacts, RenderedSegment, TestimonyFacts, render_segments
from journeys.keys.sealing import Sealer, data_keys_new
from journeys.reports.facts import refresh as statistics_facts_refresh
from journeys.search.services import interviews_index

__all__ = ["BATCH_SIZE", "DemoCodebookError", "demo_archive_create", "next_code_number"]

BATCH_SIZE = 2000
CODE_PREFIX = "W-"
_NUMERIC_CODE = re.compile(r"W-(\d+)")

Progress = Callable[[int, int], None]

BIRTH_DECADES = [(1950, 10), (1960, 35), (1970, 35), (1980, 14), (1990, 6)]
HOME_PROVINCES = {"kp-hamgyongbuk": 55, "kp-ryanggang": 20}  # the rest share 25
OTHER_PROVINCES_WEIGHT = 25
CLASSES = [("lower", 68), ("middle", 22), ("upper", 5), ("", 5)]
FAMILY = [(FamilyInNorth.YES, 75), (FamilyInNorth.NO, 10), (FamilyInNorth.UNKNOWN, 15)]
LANGUAGES = [(Language.KOREAN, 80), (Language.BOTH, 20)]
CONSENT_CHANCES = [
    (ConsentUse.RECORD, 1.0),
    (ConsentUse.QUOTE, 0.85),
    (ConsentUse.STATISTICS, 0.95),
    (ConsentUse.SHARE, 0.6),
]
WITHDRAWAL_CHANCE = 0.03
LAST_WITHDRAWAL = date(2025, 12, 31)
FIRST_INTERVIEW_YEAR, LAST_INTERVIEW_YEAR = 2007, 2024
SECOND_INTERVIEW_CHANCE = 0.15
# Women from the north-east speak with a Hamgyong voice more often than the others.
DIALECT_PROVINCES = frozenset({"kp-hamgyongbuk", "kp-hamgyongnam", "kp-ryanggang", "kp-rason"})
RIVERS = {"tumen": ("두만강", "Tumen River"), "yalu": ("압록강", "Yalu River")}
NTH = [("두 번째", "second"), ("세 번째", "third"), ("네 번째", "fourth"), ("다섯 번째", "fifth")]


@dataclass
class _InterviewPlan:
    date: date
    language: str
    interviewer_id: int
    consents: list[tuple[str, bool, date | None]]
    segments: list[RenderedSegment]
    events: list[PlannedEvent]


@dataclass
class _WomanPlan:
    birth_year: int
    province: Term
    social_class: Term | None
    family_in_north: str
    interviews: list[_InterviewPlan]


def demo_archive_create(
    *, count: int, seed: int, interviewers: list[User], progress: Progress | None = None
) -> int:
    """Create `count` fictional interviewees; return how many were created.

    Codes continue after the highest existing "W-<number>", so a second run adds to the
    archive. Raises DemoCodebookError when the codebook lacks a term the journeys need.
    """
    if count <= 0:
        return 0
    if not interviewers:
        raise ValueError("Demo interviews need at least one interviewer.")
    generator = _Generator(Random(seed), DemoCodebook.load(), [u.pk for u in interviewers])
    _REGIONS.clear()  # term ids are only stable within one codebook load
    _REGIONS.update(regions_by_place())
    first_number = next_code_number()
    created = 0
    while created < count:
        women = [generator.woman() for _ in range(min(BATCH_SIZE, count - created))]
        with transaction.atomic():
            _save(women, first_number + created, team_id=interviewers[0].team_id)
        created += len(women)
        if progress:
            progress(created, count)
    return created


def next_code_number() -> int:
    """One more than the highest numeric code: "W-0042" -> 43 (other codes are ignored)."""
    codes = Interviewee.objects.filter(code__startswith=CODE_PREFIX).values_list("code", flat=True)
    numbers = (int(match.group(1)) for code in codes if (match := _NUMERIC_CODE.fullmatch(code)))
    return max(numbers, default=0) + 1


class _Generator:
    """Draws women one after the other from one random stream."""

    def __init__(self, rng: Random, codebook: DemoCodebook, interviewer_ids: list[int]) -> None:
        self.rng = rng
        self.cb = codebook
        self.planner = JourneyPlanner(codebook)
        self.interviewer_ids = interviewer_ids
        self.provinces = self._province_weights()

    def _province_weights(self) -> list[tuple[Term, float]]:
        provinces = self.cb.provinces("kp")
        others = [p for p in provinces if p.code not in HOME_PROVINCES]
        weights = [(self.cb.term(Kind.PLACE, code), w) for code, w in HOME_PROVINCES.items()]
        return weights + [(p, OTHER_PROVINCES_WEIGHT / len(others)) for p in others]

    def woman(self) -> _WomanPlan:
        rng = self.rng
        decade = weighted(rng, BIRTH_DECADES)
        birth_year = decade + rng.randint(0, 4 if decade == 1990 else 9)
        province = weighted(rng, self.provinces)
        home = self.cb.place_under(rng, province, deeper=0.25)
        class_code = weighted(rng, CLASSES)
        social_class = self.cb.term(Kind.SOCIAL_CLASS, class_code) if class_code else None
        family = weighted(rng, FAMILY)
        journey = self.planner.plan(rng, birth_year=birth_year, province=province, home=home)
        facts = partial(
            TestimonyFacts,
            birth_year=birth_year,
            home=self.cb.name(home),
            home_province=self.cb.name(province) if home != province else None,
            social_class=class_code or None,
            family_in_north=str(family),
            events=tuple(self.event_facts(event) for event in journey.events),
            dialect=rng.random() < (0.45 if province.code in DIALECT_PROVINCES else 0.05),
        )
        interviews = [
            self.interview(facts(interview_date=day, follow_up=index > 0), journey.events)
            for index, day in enumerate(self.interview_dates(journey.arrival_year))
        ]
        return _WomanPlan(birth_year, province, social_class, str(family), interviews)

    def interview_dates(self, arrival_year: int) -> list[date]:
        rng = self.rng
        first_year = rng.randint(max(arrival_year + 1, FIRST_INTERVIEW_YEAR), LAST_INTERVIEW_YEAR)
        dates = [date(first_year, rng.randint(1, 12), rng.randint(1, 28))]
        if first_year < LAST_INTERVIEW_YEAR and rng.random() < SECOND_INTERVIEW_CHANCE:
            second_year = rng.randint(first_year + 1, LAST_INTERVIEW_YEAR)
            dates.append(date(second_year, rng.randint(1, 12), rng.randint(1, 28)))
        return dates

    def interview(self, facts: TestimonyFacts, events: list[PlannedEvent]) -> _InterviewPlan:
        """The first interview tells and codes the journey; a second one follows it up, and
        codes nothing, so that counting events never counts a journey twice."""
        rng = self.rng
        day = facts.interview_date
        return _InterviewPlan(
            date=day,
            language=str(weighted(rng, LANGUAGES)),
            interviewer_id=rng.choice(self.interviewer_ids),
            consents=self.consents(day),
            segments=render_segments(rng, facts),
            events=[] if facts.follow_up else events,
        )

    def consents(self, given_on: date) -> list[tuple[str, bool, date | None]]:
        rng = self.rng
        rows = [(str(use), rng.random() < chance) for use, chance in CONSENT_CHANCES]
        withdrawn: dict[str, date] = {}
        if rng.random() < WITHDRAWAL_CHANCE:
            granted = [use for use, ok in rows if ok and use != ConsentUse.RECORD]
            use = rng.choice(granted or [str(ConsentUse.RECORD)])
            later = given_on + timedelta(days=rng.randint(30, 900))
            withdrawn[use] = min(later, LAST_WITHDRAWAL)
        return [(use, granted, withdrawn.get(use)) for use, granted in rows]

    def event_facts(self, event: PlannedEvent) -> EventFacts:
        """What the transcript must say about this event, as bilingual values."""
        cb = self.cb
        place = event.place
        region = cb.region_of(place) if place else None
        extra = []
        if event.river:
            extra.append(("river", Fill(*RIVERS[event.river], PLACE)))
        if event.crossing > 1:
            extra.append(("nth", Fill(*NTH[min(event.crossing, len(NTH) + 1) - 2])))
        return EventFacts(
            event_type=event.event_type.code,
            stage=event.stage.code,
            start_year=event.start_year,
            start_month=event.start_month,
            end_year=event.end_year,
            place=cb.name(place) if place else None,
            place_code=place.code if place else "",
            region=cb.name(region) if region else None,
            price_yuan=event.price_yuan,
            facility=cb.facility(event.facility) if event.facility else None,
            facility_type=cb.common_noun(event.facility_type) if event.facility_type else None,
            agency=cb.organisation(event.agency) if event.agency else None,
            codes=tuple(f"{term.kind}:{term.code}" for term in event.codes),
            extra=tuple(extra),
            again=event.again,
        )


# -- writing --------------------------------------------------------------------------------


def _save(women: list[_WomanPlan], first_number: int, *, team_id: int | None) -> None:
    """Write one batch: a handful of bulk inserts, whatever the number of women. Each woman
    gets her own data key, and what identifies is sealed under it, as the services do."""
    data_keys = data_keys_new(len(women))
    interviewees = [
        Interviewee(
            code=f"{CODE_PREFIX}{first_number + index:04d}",
            team_id=team_id,
            data_key_id=data_keys[index].pk,
            birth_year=woman.birth_year,
            home_province_id=woman.province.pk,
            social_class_id=woman.social_class.pk if woman.social_class else None,
            family_in_north=woman.family_in_north,
            created_by_id=woman.interviews[0].interviewer_id,
        )
        for index, woman in enumerate(women)
    ]
    Interviewee.objects.bulk_create(interviewees)
    plans = [
        plan
        for interviewee, woman, data_key in zip(interviewees, women, data_keys, strict=True)
        for plan in _with_interviewee(woman.interviews, interviewee, Sealer(data_key))
    ]
    interviews = Interview.objects.bulk_create([interview for interview, _, _ in plans])
    _save_contents(
        list(zip(interviews, [p for _, p, _ in plans], [s for *_, s in plans], strict=True))
    )
    # The search index follows in the same transaction, from the texts in hand.
    texts = {
        interview.pk: [(s.text_ko, s.text_en) for s in plan.segments]
        for interview, (_, plan, _) in zip(interviews, plans, strict=True)
    }
    interviews_index(interviews, texts, new=True)
    # What statistics count, for the whole batch in a few set-based statements.
    statistics_facts_refresh([interviewee.pk for interviewee in interviewees])


def _with_interviewee(plans: list[_InterviewPlan], interviewee: Interviewee, sealer: Sealer):
    for plan in plans:
        interview = Interview(
            interviewee=interviewee,
            year=plan.date.year,
            interviewer_id=plan.interviewer_id,
            language=plan.language,
        )
        interview.date_sealed = sealer.seal(interview, "date", plan.date.isoformat())
        yield interview, plan, sealer


def _save_contents(interviews: list[tuple[Interview, _InterviewPlan, Sealer]]) -> None:
    consents, segments, events, codes = [], [], [], []
    for interview, plan, sealer in interviews:
        consents += [
            Consent(
                interview_id=interview.pk,
                use=use,
                granted=granted,
                withdrawn_on=withdrawn_on,
            )
            for use, granted, withdrawn_on in plan.consents
        ]
        segments += [
            _segment(sealer, interview.pk, position, segment)
            for position, segment in enumerate(plan.segments)
        ]
        for position, planned in enumerate(plan.events):
            events.append(_journey_event(sealer, interview.pk, position, planned))
            codes.append(planned.codes)
    Consent.objects.bulk_create(consents)
    Segment.objects.bulk_create(segments)
    JourneyEvent.objects.bulk_create(events)
    through = JourneyEvent.codes.through
    through.objects.bulk_create(
        through(journeyevent_id=event.pk, term_id=term_id)
        for event, terms in zip(events, codes, strict=True)
        for term_id in dict.fromkeys(term.pk for term in terms)
    )


_REGIONS: dict[int, Term] = {}


def _region(place: Term) -> Term:
    return _REGIONS[place.pk]


def _segment(sealer: Sealer, interview_id: int, position: int, rendered) -> Segment:
    segment = Segment(interview_id=interview_id, position=position, speaker=rendered.speaker)
    segment.text_ko_sealed = sealer.seal(segment, "text_ko", rendered.text_ko)
    segment.text_en_sealed = sealer.seal(segment, "text_en", rendered.text_en)
    return segment


def _journey_event(
    sealer: Sealer, interview_id: int, position: int, planned: PlannedEvent
) -> JourneyEvent:
    region = _region(planned.place) if planned.place else None
    event = JourneyEvent(
        interview_id=interview_id,
        position=position,
        stage_id=planned.stage.pk,
        event_type_id=planned.event_type.pk,
        place_id=region.pk if region else None,
        facility_id=planned.facility.pk if planned.facility else None,
        start_year=planned.start_year,
        start_month=planned.start_month,
        end_year=planned.end_year,
        price_yuan=planned.price_yuan,
    )
    if planned.place and planned.place != region:
        event.place_detail_sealed = sealer.seal(event, "place_detail", planned.place.code)
    return event
