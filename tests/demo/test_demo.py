"""The demo archive: visibly fictional, the same for the same seed, shaped like the domain,
and with every identifying detail of its transcripts findable by its span."""

import re
from collections import Counter, defaultdict
from io import StringIO
from random import Random

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from journeys.accounts.models import User
from journeys.archive import selectors
from journeys.archive.models import (
    Consent,
    Interview,
    Interviewee,
    JourneyEvent,
    Segment,
)
from journeys.codebook.models import Kind, Term
from journeys.demo import archive as demo
from journeys.demo.archive import demo_archive_create
from journeys.demo.codebook import DemoCodebook
from journeys.demo.people import Fill
from journeys.demo.text import (
    _CAST,
    DIALECT,
    TEMPLATES,
    fill_template,
    particle,
    template_keys,
)
from journeys.keys.sealing import Sealer, data_key_new
from tests.conftest import term

pytestmark = pytest.mark.django_db

TRAFFICKED = {"trafficked_agreed", "trafficked_deceived", "abducted"}
LABELS = {"PERSON", "PLACE", "DATE", "YEAR", "AGE", "CONTACT", "ORG"}
PARTICLES = {"은", "는", "이", "가", "을", "를", "과", "와", "으로", "로", "이랑", "랑"} | {
    *("이라는", "라는", "이라고", "라고", "이었", "였", "이에요", "예요"),
}
# Every value a template may name: the event's, the testimony's, and the invented cast's.
KNOWN_KEYS = {
    *("year", "end_year", "month", "ym", "date", "season", "lunar", "age", "end_age"),
    *("duration", "place", "region", "facility", "facility_type", "agency", "price"),
    *("child_age", "river", "nth", "home", "province", "age_now", "idate", "hanawon"),
    *("contact_year", "perp"),
}


@pytest.fixture
def ivy(db) -> User:
    return User.objects.create_user(username="ivy", password="x" * 20, role="interviewer")


def run(*args, **kwargs) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out, stderr=out, **kwargs)
    return out.getvalue()


def snapshot() -> dict[str, list]:
    """Everything the generator decides, opened, without ids and timestamps, in a stable
    order. (The sealed bytes differ from run to run: every seal takes a fresh nonce.)"""
    women = []
    for code in Interviewee.objects.order_by("code").values_list("code", flat=True):
        woman = selectors.interviewee_record(code, Interviewee.objects.get(code=code).created_by)
        interviews = []
        for interview in woman.interviews.all():
            interviews.append(
                (
                    interview.date,
                    interview.language,
                    interview.interviewer.username,
                    sorted((c.use, c.granted, c.withdrawn_on) for c in interview.consents.all()),
                    [(s.speaker, s.text_ko, s.text_en) for s in interview.segments.all()],
                    [_event_facts(e) for e in interview.events.all()],
                )
            )
        women.append(
            (
                woman.code,
                woman.birth_year,
                woman.home_province.code,
                woman.social_class.code if woman.social_class else None,
                woman.family_in_north,
                interviews,
            )
        )
    return {"women": women}


def _event_facts(event: JourneyEvent) -> tuple:
    return (
        event.position,
        event.event_type.code,
        event.place_shown.code if event.place_shown else None,
        event.facility.code if event.facility else None,
        event.start_year,
        event.start_month,
        event.end_year,
        event.price_yuan,
        sorted((t.kind, t.code) for t in event.codes.all()),
    )


def wipe() -> None:
    Interview.objects.all().delete()  # consent, segments and events go with their interview
    Interviewee.objects.all().delete()


def journeys() -> dict[str, list[JourneyEvent]]:
    """Each woman's coded events in order, with their codes, read in four queries."""
    events = (
        JourneyEvent.objects.select_related(
            "event_type", "place", "facility", "interview__interviewee__data_key"
        )
        .prefetch_related("codes")
        .order_by("interview_id", "position")
    )
    by_woman: dict[int, list[JourneyEvent]] = defaultdict(list)
    for event in events:
        by_woman[event.interview.interviewee_id].append(event)
    for woman_events in by_woman.values():
        interview = woman_events[0].interview
        sealer = Sealer(interview.interviewee.data_key)
        selectors.open_events(sealer, woman_events)
    return by_woman


def codes_of(event: JourneyEvent, kind: str) -> set[str]:
    return {t.code for t in event.codes.all() if t.kind == kind}


# -- one seed, one archive -------------------------------------------------------------------


def test_the_same_seed_gives_the_same_archive_again(ivy):
    demo_archive_create(count=60, seed=7, interviewers=[ivy])
    first = snapshot()
    wipe()
    demo_archive_create(count=60, seed=7, interviewers=[ivy])
    assert snapshot() == first
    assert sum(len(i[4]) for w in first["women"] for i in w[-1]) > 60 * 7


def test_another_seed_gives_another_archive(ivy):
    demo_archive_create(count=30, seed=1, interviewers=[ivy])
    first = snapshot()
    wipe()
    demo_archive_create(count=30, seed=2, interviewers=[ivy])
    second = snapshot()
    assert [w[:5] for w in second["women"]] != [w[:5] for w in first["women"]]
    assert second["women"][0][-1][0][4] != first["women"][0][-1][0][4]


def test_batching_does_not_change_the_data(ivy, monkeypatch):
    demo_archive_create(count=25, seed=5, interviewers=[ivy])
    whole = snapshot()
    wipe()
    monkeypatch.setattr(demo, "BATCH_SIZE", 7)
    progress = []
    demo_archive_create(
        count=25, seed=5, interviewers=[ivy], progress=lambda done, total: progress.append(done)
    )
    assert snapshot() == whole
    assert progress == [7, 14, 21, 25]


def test_a_second_run_continues_the_codes_without_collisions(ivy):
    for code in ("W-0041", "X-9999"):
        Interviewee.objects.create(
            code=code,
            birth_year=1970,
            home_province=term(Kind.PLACE, "kp-rason"),
            created_by=ivy,
            data_key=data_key_new(),
        )
    assert demo_archive_create(count=3, seed=1, interviewers=[ivy]) == 3
    assert demo_archive_create(count=2, seed=1, interviewers=[ivy]) == 2
    codes = list(Interviewee.objects.filter(code__startswith="W-").values_list("code", flat=True))
    assert codes == ["W-0041", "W-0042", "W-0043", "W-0044", "W-0045", "W-0046"]


def test_writing_takes_a_few_queries_per_batch_not_per_woman(ivy):
    with CaptureQueriesContext(connection) as queries:
        demo_archive_create(count=200, seed=3, interviewers=[ivy])
    tables = (JourneyEvent, JourneyEvent.codes.through, Segment, Consent, Interview)
    rows = sum(table.objects.count() for table in tables)
    # Bulk inserts only split at the database's parameter limit: fewer queries than women.
    assert rows > 8_000
    assert len(queries) < 100


# -- four hundred women look like the archive the domain describes ---------------------------


@pytest.fixture
def archive(ivy) -> dict[str, list[JourneyEvent]]:
    demo_archive_create(count=400, seed=11, interviewers=[ivy])
    return journeys()


def test_north_hamgyong_then_ryanggang_are_the_commonest_homes_and_births_cluster_1960_1979(
    archive,
):
    women = Interviewee.objects.select_related("home_province", "social_class")
    provinces = Counter(w.home_province.code for w in women)
    assert [code for code, _ in provinces.most_common(2)] == ["kp-hamgyongbuk", "kp-ryanggang"]
    assert 0.45 < provinces["kp-hamgyongbuk"] / 400 < 0.65
    assert sum(1960 <= w.birth_year <= 1979 for w in women) / 400 > 0.6
    assert {w.birth_year // 10 * 10 for w in women} >= {1950, 1980, 1990}
    classes = Counter(w.social_class.code if w.social_class else None for w in women)
    assert classes.most_common(1)[0][0] == "lower"
    families = Counter(w.family_in_north for w in women)
    assert families["yes"] / 400 > 0.6


def test_over_half_were_trafficked_and_each_sold_for_3000_to_10000_yuan(archive):
    trafficked = 0
    for events in archive.values():
        crossing = next(e for e in events if e.event_type.code == "crossing")
        sold = [e for e in events if e.event_type.code == "sold"]
        if codes_of(crossing, Kind.WAY_LEAVING) & TRAFFICKED:
            trafficked += 1
            assert sold, "a trafficked woman has a 'sold' event"
        assert all(3000 <= e.price_yuan <= 10000 for e in sold)
    assert trafficked / len(archive) > 0.5
    prices = JourneyEvent.objects.filter(price_yuan__isnull=False)
    assert not prices.exclude(event_type__code="sold").exists()


def test_women_left_mostly_1996_2012_and_arrived_2000_2020(archive):
    left = [
        next(e for e in ev if e.event_type.code == "crossing").start_year for ev in archive.values()
    ]
    arrived = [
        next(e for e in ev if e.event_type.code == "arrival").start_year for ev in archive.values()
    ]
    assert sum(1996 <= year <= 2012 for year in left) / len(left) > 0.8
    assert all(2000 <= year <= 2020 for year in arrived)
    for events in archive.values():
        arrival = next(e for e in events if e.event_type.code == "arrival").start_year
        dates = Interview.objects.filter(interviewee=events[0].interview.interviewee_id)
        assert all(
            arrival < year and 2007 <= year <= 2024 for year in dates.values_list("year", flat=True)
        )
        years = [e.start_year for e in events]
        assert years == sorted(years), "events are numbered in the order they happened"
        assert [e.position for e in events] == list(range(len(events)))


def test_a_third_were_sent_back_once_some_twice_and_each_time_interrogated_then_detained(
    archive,
):
    times = Counter()
    for events in archive.values():
        types = [e.event_type.code for e in events]
        times[types.count("repatriation")] += 1
        for index, kind in enumerate(types):
            if kind != "repatriation":
                continue
            interrogation, detention = events[index + 1], events[index + 2]
            assert (interrogation.event_type.code, detention.event_type.code) == (
                "interrogation",
                "detention",
            )
            assert codes_of(interrogation, Kind.AGENCY)
            assert codes_of(detention, Kind.AGENCY)
            assert codes_of(detention, Kind.FACILITY_TYPE)
            assert detention.facility.kind in (Kind.FACILITY, Kind.FACILITY_TYPE)
            assert "crossing" in types[index:], "she left again after detention"
    assert 0.25 < times[1] / len(archive) < 0.45
    assert 0.06 < sum(n for k, n in times.items() if k >= 2) / len(archive) < 0.2


def test_china_transit_and_south_korea_are_coded(archive):
    china_codes, transit, difficulties = Counter(), Counter(), Counter()
    for events in archive.values():
        for event in events:
            if event.event_type.code in ("work_china", "marriage_china"):
                china_codes.update(codes_of(event, Kind.WORK_CHINA))
                china_codes.update(codes_of(event, Kind.VIOLATION))
            if event.event_type.code == "transit":
                transit[event.place.code] += 1
            if event.event_type.code == "settlement":
                difficulties.update(codes_of(event, Kind.DIFFICULTY_SK))
    assert {"restaurant", "farmer_wife", "video_chat", "violence"} <= set(china_codes)
    assert [code for code, _ in transit.most_common(2)] in (["la", "th"], ["th", "la"])
    assert len(difficulties) >= 6


def test_every_interview_has_four_consents_and_a_transcript_in_both_languages(archive):
    interviews = Interview.objects.select_related("interviewee__data_key").prefetch_related(
        "consents", "segments"
    )
    withdrawn = 0
    for interview in interviews:
        consents = {c.use: c for c in interview.consents.all()}
        selectors.open_segments(Sealer(interview.interviewee.data_key), interview.segments.all())
        assert set(consents) == {"record", "quote", "statistics", "share"}
        assert consents["record"].granted
        withdrawn += any(c.withdrawn_on for c in consents.values())
        segments = sorted(interview.segments.all(), key=lambda s: s.position)
        assert [s.position for s in segments] == list(range(len(segments)))
        assert 7 <= len(segments) <= 13
        assert segments[0].speaker == "interviewer"
        assert segments[0].text_ko.startswith("[가상 증언 · 시연용 자료]")
        assert segments[0].text_en.startswith("[Fictional testimony · demo data]")
        assert all(s.text_ko and s.text_en for s in segments)
        assert sum(s.speaker == "interviewee" for s in segments) > len(segments) / 2
    granted = Counter(c.use for c in Consent.objects.filter(granted=True))
    count = interviews.count()
    assert 0.75 < granted["quote"] / count < 0.95
    assert 0.5 < granted["share"] / count < 0.7
    assert 0 < withdrawn < 0.08 * count


def test_the_transcript_tells_the_coded_years_places_and_prices(archive):
    for events in list(archive.values())[:100]:
        interview = events[0].interview
        segments = selectors.open_segments(
            Sealer(interview.interviewee.data_key), interview.segments.all()
        )
        text_ko = " ".join(s.text_ko for s in segments)
        text_en = " ".join(s.text_en for s in segments)
        born = events[0]
        assert str(born.start_year) in text_ko or born.place_shown.label_ko in text_ko
        for sold in (e for e in events if e.price_yuan):
            assert f"{sold.price_yuan:,}" in text_en
        assert any(e.place_shown and e.place_shown.label_en in text_en for e in events)


# -- the text renderer -----------------------------------------------------------------------


def rendered_segments(seed: int, women: int, interviewer: User):
    """Transcripts as the generator renders them, spans included (nothing is written)."""
    generator = demo._Generator(Random(seed), DemoCodebook.load(), [interviewer.pk])
    for _ in range(women):
        for interview in generator.woman().interviews:
            yield from interview.segments


def test_fill_template_records_where_each_value_went_particles_and_repeats_included():
    values = {
        "broker": Fill("김철수", "Kim Chol-su", "PERSON"),
        "place": Fill("회령시", "Hoeryong", "PLACE"),
        "price": Fill("8천", "8,000"),
    }
    template = "{broker:이} {place}에서 {price}원에 넘겼어요. {broker:은} 떠났어요."
    text, spans = fill_template(template, values.__getitem__, korean=True)
    assert text == "김철수가 회령시에서 8천원에 넘겼어요. 김철수는 떠났어요."
    assert [(text[s:e], label) for s, e, label in spans] == [
        ("김철수", "PERSON"),
        ("회령시", "PLACE"),
        ("김철수", "PERSON"),
    ]


def test_every_span_indexes_exactly_the_inserted_value_in_both_languages(ivy):
    labels: Counter = Counter()
    for segment in rendered_segments(3, 150, ivy):
        found = {}
        for language, text, spans in (
            ("ko", segment.text_ko, segment.spans_ko),
            ("en", segment.text_en, segment.spans_en),
        ):
            assert spans == sorted(spans)
            for start, end, label in spans:
                value = text[start:end]
                assert value == value.strip(), (label, value)
                assert value.strip("{}") == value, (label, value)
            found[language] = Counter(label for _, _, label in spans)
            labels.update(found[language])
        # The two texts are one passage in two languages: the same details, counted alike,
        # and the details written alike in both (numbers, IDs) are the same strings.
        assert found["ko"] == found["en"], segment.text_en
        for label in ("YEAR", "CONTACT"):
            assert sorted(v for v in _values(segment.text_ko, segment.spans_ko, label)) == sorted(
                _values(segment.text_en, segment.spans_en, label)
            )
    assert set(labels) == LABELS


def _values(text: str, spans, wanted: str) -> list[str]:
    return [text[start:end] for start, end, label in spans if label == wanted]


def test_every_invented_phone_number_and_account_in_a_text_is_inside_a_span(ivy):
    pattern = re.compile(r"010-0\d{3}-\d{4}|19[15]-\d{3}-\d{4}|\bdemo[._]\w+|wxid_\w+", re.ASCII)
    for segment in rendered_segments(8, 80, ivy):
        for text, spans in (
            (segment.text_ko, segment.spans_ko),
            (segment.text_en, segment.spans_en),
        ):
            contacts = _values(text, spans, "CONTACT")
            for match in pattern.finditer(text):
                assert any(match.group() in contact for contact in contacts), match.group()


def test_template_pairs_name_the_same_known_values_in_both_languages():
    known = KNOWN_KEYS | set(_CAST)
    for key, pairs in [*TEMPLATES.items(), *DIALECT.items()]:
        for ko, en in pairs:
            assert _placeholders(ko) == _placeholders(en), (key, ko)
            assert template_keys(ko) <= known, (key, template_keys(ko) - known)
            for written in re.findall(r"\{\w+:(\w+)\}", ko):
                assert {particle("강", written), particle("바다", written)} <= PARTICLES, written
    assert all(len(TEMPLATES[key]) >= 4 for key in ("born", "crossing", "sold", "detention"))


def _placeholders(template: str) -> Counter:
    return Counter(re.findall(r"\{(\w+)", template))


@pytest.mark.parametrize(
    ("word", "written", "expected"),
    [
        ("강숙화", "은", "는"),
        ("두만강", "을", "을"),
        ("서울", "으로", "로"),
        ("온성군", "으로", "으로"),
        ("010-0123-4568", "이에요", "이에요"),  # ...팔
        ("demo_ab12", "이에요", "예요"),  # ...이
    ],
)
def test_particles_fit_the_word_they_follow(word, written, expected):
    assert particle(word, written) == expected


# -- the command -----------------------------------------------------------------------------


def test_the_command_reports_progress_then_the_count_and_time(ivy):
    out = run("demo_data", count=5, seed=3)
    assert "5 of 5 interviewees" in out
    assert re.search(r"Added 5 fictional interviewees in \d+\.\d s\.", out)
    assert Interviewee.objects.count() == 5


def test_if_empty_does_nothing_when_interviewees_exist(ivy):
    run("demo_data", count=2)
    out = run("demo_data", count=2, if_empty=True)
    assert "already holds interviewees" in out
    assert Interviewee.objects.count() == 2


def test_without_an_active_interviewer_the_command_stops_with_a_clear_error(db):
    User.objects.create_user(username="cody", password="x" * 20, role="coder")
    User.objects.create_user(username="ina", password="x" * 20, role="interviewer", is_active=False)
    with pytest.raises(CommandError, match="role interviewer"):
        run("demo_data", count=2)
    assert not Interviewee.objects.exists()


def test_a_codebook_without_a_needed_term_stops_the_command_before_writing(ivy):
    Term.objects.filter(kind=Kind.EVENT_TYPE, code="hanawon").delete()
    with pytest.raises(CommandError, match="event_type:hanawon"):
        run("demo_data", count=3)
    assert not Interviewee.objects.exists()
