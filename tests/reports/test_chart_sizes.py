"""A chart with nothing published draws nothing, rather than a picture of infinite size."""

import re

import pytest

from journeys.reports import charts
from journeys.reports.disclosure import suppress
from journeys.reports.statistics import Category, Table

YEARS = [Category("1998", "1998", "1998"), Category("1999", "1999", "1999")]


def years(name, counts):
    cells = {(year, ""): n for year, n in counts.items()}
    return suppress(Table(name, "Years", YEARS, [], cells, sum(counts.values())), 10)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_timeline_with_every_year_suppressed_draws_no_chart(lang):
    svg = charts.timeline(
        years("leaving_years", {"1998": 2, "1999": 1}),
        years("arrival_years", {"1998": 1, "1999": 2}),
        lang,
    )
    sizes = [float(n) for n in re.findall(r'(?:width|height)="([0-9.e+]+)"', svg)]
    assert all(size < 5000 for size in sizes)
    assert svg == ""


def test_a_timeline_with_published_years_is_drawn_at_its_size():
    svg = charts.timeline(
        years("leaving_years", {"1998": 20, "1999": 30}),
        years("arrival_years", {"1998": 25, "1999": 25}),
        "en",
    )
    width = float(re.search(r'width="([0-9.e+]+)"', svg).group(1))
    assert 100 < width < 2000
