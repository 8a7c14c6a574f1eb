"""The fact table gives every statistic exactly what a plain recount of the records gives,
whether the facts were written by the demo generator's bulk path, kept by the archive
services after a withdrawal, a deletion and a move, or filled from scratch (the migration)."""

import datetime as dt
from collections import Counter, defaultdict

import pytest

from journeys.archive import services
from journeys.archive.models import Consent, ConsentUse, Interviewee, JourneyEvent
from journeys.codebook.models import Kind
from journeys.demo.archive import demo_archive_create
from journeys.reports import facts, statistics
from journeys.reports.models import Fact
from journeys.reports.statistics import Scope

pytestmark = pytest.mark.django_db

CODED = {
    "reasons_leaving": Kind.REASON_LEAVING,
    "ways_leaving": Kind.WAY_LEAVING,
    "work_china": Kind.WORK_CHINA,
    "situations_china": Kind.SITUATION_CHINA,
    "violations": Kind.VIOLATION,
    "transit_routes": Kind.TRANSIT_COUNTRY,
    "difficulties_sk": Kind.DIFFICULTY_SK,
}


@pytest.fixture
def archive(users):
    demo_archive_create(count=60, seed=11, interviewers=[users["interviewer"]])
    # Then the services change what may be counted: two withdrawals of statistics, one of
    # the consent to be recorded (which withdraws every use), a deletion, a move.
    counted = Consent.objects.filter(use=ConsentUse.STATISTICS, granted=True, withdrawn_on=None)
    record = Consent.objects.get(
        use=ConsentUse.RECORD, interview=counted.exclude(interview__events=None).last().interview
    )
    services.consent_withdraw(
        acting_user=users["interviewer"], consent=record, on=dt.date.today(), reason="Fictional."
    )
    for consent in Consent.objects.filter(use=ConsentUse.STATISTICS, granted=True)[:2]:
        services.consent_withdraw(
            acting_user=users["interviewer"],
            consent=consent,
            on=dt.date.today(),
            reason="She asked (fictional).",
        )
    services.event_delete(acting_user=users["coder"], event=JourneyEvent.objects.first())
    transit = JourneyEvent.objects.filter(event_type__code="transit", position__gt=0).first()
    services.event_move(acting_user=users["coder"], event=transit, offset=-1)


def recount(scope: Scope = statistics.EVERYONE) -> dict[str, dict[str, int]]:
    """Every table, counted by hand from the records: the rules, not the SQL."""
    found: dict[str, Counter] = defaultdict(Counter)
    prices: Counter = Counter()
    women = Interviewee.objects.filter(**scope.filters_on_interviewee()).order_by("pk")
    for woman in women:
        interviews = [
            i
            for i in woman.interviews.order_by("pk")
            if i.consents.filter(
                use=ConsentUse.STATISTICS, granted=True, withdrawn_on__isnull=True
            ).exists()
            and i.consents.filter(
                use=ConsentUse.RECORD, granted=True, withdrawn_on__isnull=True
            ).exists()
        ]
        if not interviews:
            continue
        province = woman.home_province.code if woman.home_province else "none"
        found["origin_provinces"][province] += 1
        found["social_class"][woman.social_class.code if woman.social_class else "none"] += 1
        events = [e for i in interviews for e in i.events.order_by("position")]
        codes = {(t.kind, t.code) for e in events for t in e.codes.all()}
        for table, kind in CODED.items():
            for code in {c for k, c in codes if k == kind}:
                found[table][code] += 1
        trafficked = any(k == Kind.WAY_LEAVING and c in statistics.TRAFFICKED for k, c in codes)
        found["trafficked"]["trafficked" if trafficked else "not_trafficked"] += 1
        sent_back = sum(1 for e in events if e.event_type.code == "repatriation")
        found["repatriations"]["3+" if sent_back >= 3 else str(sent_back)] += 1
        held = {
            e.facility.code if e.facility.kind == Kind.FACILITY_TYPE else e.facility.parent.code
            for e in events
            if e.facility
        }
        for code in held:
            found["facility_types"][code] += 1
        for table, kind in (("leaving_years", "crossing"), ("arrival_years", "arrival")):
            for year in {e.start_year for e in events if e.event_type.code == kind}:
                if year is not None:
                    found[table][str(year)] += 1
        transits = [
            t.code
            for e in events
            for t in sorted(e.codes.all(), key=lambda t: t.code)
            if t.kind == Kind.TRANSIT_COUNTRY and t.code != "cn"
        ]
        found["first_transit"][transits[0] if transits else "none"] += 1
        for e in events:
            if e.price_yuan is not None:
                prices[e.price_yuan] += 1
    found["prices"] = prices
    return found


def nonzero(table) -> dict[str, int]:
    return {r: n for (r, _c), n in table.counts.items() if n}


def published_counts(user, scope=statistics.EVERYONE) -> dict[str, dict]:
    counted = {name: nonzero(statistics.TABLES[name](user, scope)) for name in recount_names()}
    counted["prices"] = dict(statistics.prices(user, scope).freq)
    return counted


def recount_names():
    return [
        "origin_provinces",
        "social_class",
        *CODED,
        "trafficked",
        "repatriations",
        "facility_types",
        "leaving_years",
        "arrival_years",
        "first_transit",
    ]


def test_every_table_equals_a_recount_of_the_records(users, archive):
    expected = {name: {k: v for k, v in counts.items() if v} for name, counts in recount().items()}
    assert published_counts(users["researcher"]) == expected
    assert len(expected["origin_provinces"]) > 3  # the archive is not trivially small


def test_a_scope_counts_the_same_as_a_recount_of_its_women(users, archive):
    scope = Scope(born_from=1970, born_to=1985, province="kp-hamgyongbuk")
    expected = {
        name: {k: v for k, v in counts.items() if v} for name, counts in recount(scope).items()
    }
    assert published_counts(users["researcher"], scope) == expected


def test_filling_from_scratch_gives_the_facts_the_services_kept(archive):
    kept = sorted(Fact.objects.values_list("woman_id", "kind", "code", "n", "province"))
    facts.fill()
    assert sorted(Fact.objects.values_list("woman_id", "kind", "code", "n", "province")) == kept
