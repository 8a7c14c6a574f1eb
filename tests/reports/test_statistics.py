import datetime as dt

import pytest

from journeys.accounts.models import Team, User
from journeys.archive import services
from journeys.archive.models import Consent
from journeys.reports import statistics
from journeys.reports.disclosure import summarise
from tests.reports.helpers import event, woman

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(users):
    """Five counted women and two who may not be counted."""
    woman(
        users,
        province="kp-hamgyongbuk",
        born=1961,
        way="trafficked_deceived",
        price=3000,
        repatriations=2,
        violations=("violence", "deception"),
    )
    woman(users, province="kp-hamgyongbuk", born=1968, way="broker", repatriations=1)
    woman(
        users,
        province="kp-ryanggang",
        born=1972,
        way="abducted",
        price=8000,
        violations=("violence",),
    )
    woman(users, province="kp-ryanggang", born=1975, social_class="middle", way="own")
    woman(
        users,
        province="kp-rason",
        born=1983,
        social_class=None,
        way="trafficked_agreed",
        price=5000,
        repatriations=3,
    )
    # Not granted: never counted.
    woman(users, province="kp-rason", born=1990, statistics=False, way="abducted", price=9000)
    # Withdrawn: no longer counted.
    withdrawn = woman(users, province="kp-pyongyang", born=1950, way="abducted")
    consent = Consent.objects.get(interview=withdrawn, use="statistics")
    services.consent_withdraw(
        acting_user=users["interviewer"],
        consent=consent,
        on=dt.date(2020, 1, 1),
        reason="She asked (fictional).",
    )


def counts(table):
    return {row: n for (row, _col), n in table.counts.items() if n}


def test_origin_provinces_count_only_women_whose_consent_is_in_force(users, archive):
    table = statistics.origin_provinces(users["researcher"])
    assert counts(table) == {"kp-hamgyongbuk": 2, "kp-ryanggang": 2, "kp-rason": 1}
    assert table.total == 5


def test_birth_decades_and_class(users, archive):
    assert counts(statistics.birth_decades(users["researcher"])) == {
        "1960": 2,
        "1970": 2,
        "1980": 1,
    }
    assert counts(statistics.social_class(users["researcher"])) == {
        "lower": 3,
        "middle": 1,
        "none": 1,
    }


def test_ways_of_leaving_and_the_share_trafficked(users, archive):
    assert counts(statistics.ways_leaving(users["researcher"])) == {
        "trafficked_deceived": 1,
        "broker": 1,
        "abducted": 1,
        "own": 1,
        "trafficked_agreed": 1,
    }
    assert counts(statistics.trafficked(users["researcher"])) == {
        "trafficked": 3,
        "not_trafficked": 2,
    }


def test_repatriations_facilities_and_violations(users, archive):
    researcher = users["researcher"]
    assert counts(statistics.repatriations(researcher)) == {"0": 2, "1": 1, "2": 1, "3+": 1}
    assert counts(statistics.facility_types(researcher)) == {"jipkyulso": 3}
    assert counts(statistics.violations(researcher)) == {"violence": 2, "deception": 1}


def test_prices_quartiles_and_range(users, archive):
    summary = statistics.prices(users["researcher"])
    assert summary.freq == [(3000, 1), (5000, 1), (8000, 1)]  # 9000: no consent
    assert summarise(summary, 3) == {
        "n": 3,
        "low": None,
        "p25": 3000,
        "median": 5000,
        "p75": 8000,
        "high": None,
    }
    assert summarise(summary, 4)["median"] is None  # fewer prices than the minimum


def test_cross_tab_province_by_decade(users, archive):
    table = statistics.province_by_decade(users["researcher"])
    assert {k: v for k, v in table.counts.items() if v} == {
        ("kp-hamgyongbuk", "1960"): 2,
        ("kp-ryanggang", "1970"): 2,
        ("kp-rason", "1980"): 1,
    }


def test_events_of_an_interview_without_consent_are_not_counted(users, archive):
    # A counted woman's second interview, without statistics consent, tells a violation.
    counted = Consent.objects.filter(use="statistics", granted=True).first().interview
    second = services.interview_create(
        acting_user=users["interviewer"],
        interviewee=counted.interviewee,
        date=dt.date(2021, 1, 1),
        interviewer=users["interviewer"],
        language="ko",
        consents={"record": True, "quote": False, "statistics": False, "share": False},
    )
    event(users, second, "china", "work_china", codes=(("violation", "torture"),))
    assert "torture" not in counts(statistics.violations(users["researcher"]))


def test_another_team_counts_nothing_of_ours(users, archive):
    outsider = User.objects.create(
        username="other", role="researcher", team=Team.objects.create(name="Partner")
    )
    assert statistics.origin_provinces(outsider).total == 0
    assert statistics.prices(outsider).n == 0
