"""Charts draw published cells only, with Hangul labels in Noto Sans CJK."""

import pytest

from journeys.reports import charts
from journeys.reports.disclosure import suppress
from journeys.reports.statistics import Category, Table

PROVINCES = [
    Category("kp-hamgyongbuk", "North Hamgyong", "함경북도"),
    Category("kp-ryanggang", "Ryanggang", "량강도"),
    Category("kp-rason", "Rason", "라선시"),
]
COUNTRIES = [Category("la", "Laos", "라오스"), Category("mn", "Mongolia", "몽골")]


@pytest.fixture
def origins():
    counts = {("kp-hamgyongbuk", ""): 40, ("kp-ryanggang", ""): 25, ("kp-rason", ""): 2}
    return suppress(Table("origin_provinces", "Home province", PROVINCES, [], counts, 67), 10)


@pytest.fixture
def transits():
    counts = {("la", ""): 50, ("mn", ""): 17}
    return suppress(Table("first_transit", "First", COUNTRIES, [], counts, 67), 10)


def test_the_fixture_has_a_suppressed_province_and_its_complement(origins):
    assert origins.cells[("kp-rason", "")] is None
    assert origins.cells[("kp-ryanggang", "")] is None  # or 67 - 40 would tell Rason's 2
    assert origins.cells[("kp-hamgyongbuk", "")] == 40


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bars_show_published_cells_and_leave_out_a_suppressed_one(origins, lang):
    svg = charts.bars(origins, lang)
    assert svg.startswith("<svg")
    assert {"ko": "함경북도", "en": "North Hamgyong"}[lang] in svg
    for hidden in ("라선", "Rason", "량강도", "Ryanggang"):
        assert hidden not in svg
    assert 'font-family="Noto Sans CJK KR"' in svg


def test_the_flow_goes_from_home_through_china_and_a_country_to_south_korea(origins, transits):
    svg = charts.flow(origins, transits, "ko")
    for text in ("함경북도 40", "중국 67", "라오스 50", "몽골 17", "한국 67"):
        assert text in svg
    assert "라선" not in svg
    assert "량강도" not in svg


def test_the_timeline_draws_each_published_year_of_both_series():
    years = [Category(str(y), str(y), str(y)) for y in (1998, 1999)]
    leaving = suppress(
        Table("leaving_years", "", years, [], {("1998", ""): 30, ("1999", ""): 20}, 50, False), 10
    )
    arrival = suppress(Table("arrival_years", "", years, [], {("1999", ""): 50}, 50, False), 10)
    svg = charts.timeline(leaving, arrival, "ko")
    assert "북한을 떠난 해" in svg
    assert "1998" in svg
