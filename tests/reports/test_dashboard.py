"""The researchers' dashboard: filters, charts and tables of published figures only, and
downloads that are releases."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from journeys.audit.models import AuditEntry
from journeys.codebook.models import Term
from journeys.reports import report
from journeys.reports.models import Release
from tests.reports.helpers import woman

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def min_cell_3(settings):
    settings.JOURNEYS_MIN_CELL = 3


@pytest.fixture(autouse=True)
def english_pages(client):
    client.cookies["journeys_language"] = "en"


@pytest.fixture
def archive(users):
    for born in range(1960, 1972):  # twelve women from North Hamgyong
        woman(users, province="kp-hamgyongbuk", born=born)
    for born in range(1970, 1975):  # five from Ryanggang
        woman(users, province="kp-ryanggang", born=born)
    woman(users, province="kp-rason", born=1961)  # the one from Rason


def grid_of(response, name):
    return next(
        g for figure in response.context["figures"] for g in figure["grids"] if g.name == name
    )


def test_a_researcher_sees_charts_and_tables_with_small_cells_suppressed(as_role, archive):
    response = as_role("researcher").get(reverse("reports:dashboard"))
    assert response.status_code == 200
    provinces = dict(grid_of(response, "origin_provinces").rows)
    assert provinces["North Hamgyong"] == [12]
    assert provinces["Rason"] == [None]  # one woman: below the minimum
    assert provinces["Ryanggang"] == [None]  # or 18 - 12 - 5 would tell Rason's one
    html = response.content.decode()
    assert html.count("<svg") >= len(report.FIGURES)
    assert "Rason 1" not in html
    entry = AuditEntry.objects.get(action="reports.view")
    assert entry.detail == {"scope": {}}


def test_no_chart_on_the_dashboard_draws_a_suppressed_cell(as_role, archive):
    response = as_role("researcher").get(reverse("reports:dashboard"))
    for figure in response.context["figures"]:
        assert "Rason" not in figure["svg"]


def test_filters_narrow_the_population_and_come_back_as_a_fragment_for_htmx(as_role, archive):
    province = Term.objects.get(code="kp-hamgyongbuk")
    response = as_role("researcher").get(
        reverse("reports:dashboard"),
        {"province": province.pk, "born_from": 1960, "born_to": 1965},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in response.content.decode()
    decades = dict(grid_of(response, "birth_decades").rows)
    assert decades == {"1960s": [6]}
    audited = AuditEntry.objects.get(action="reports.view").detail["scope"]
    assert audited == {"born_from": 1960, "born_to": 1965, "province": "kp-hamgyongbuk"}


def test_a_bad_filter_is_explained_and_nothing_is_counted(as_role, archive):
    response = as_role("researcher").get(
        reverse("reports:dashboard"), {"born_from": 1980, "born_to": 1970}
    )
    assert "comes after" in response.content.decode()
    assert response.context["figures"] == []
    assert not AuditEntry.objects.filter(action="reports.view").exists()


def test_a_csv_download_is_a_registered_release_of_the_whole_suppressed_table(as_role, archive):
    # Filters posted with a download are ignored: overlapping filtered releases could be
    # subtracted from one another, which no check between two releases sees.
    response = as_role("researcher").post(
        reverse("reports:download_csv", args=["origin_provinces"]), {"born_to": 1965}
    )
    assert response["Content-Disposition"] == 'attachment; filename="origin_provinces.csv"'
    rows = {r["row_code"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["kp-rason"]["count"] == ""
    assert rows["kp-rason"]["suppressed"] == "true"
    assert rows["kp-hamgyongbuk"]["count"] == "12"
    release = Release.objects.get()
    assert release.parameters == {"min_cell": 3}
    assert AuditEntry.objects.filter(action="reports.release").count() == 1


def test_a_download_that_would_tell_one_more_woman_is_refused(users, as_role, archive):
    client = as_role("researcher")
    url = reverse("reports:download_csv", args=["origin_provinces"])
    client.post(url)
    woman(users, province="kp-hamgyongbuk", born=1980)
    response = client.post(url, follow=True)
    assert "Refused" in response.content.decode()
    assert Release.objects.count() == 1
    assert AuditEntry.objects.filter(action="reports.release.refused").count() == 1


def test_the_data_package_holds_every_table_of_the_dashboard(as_role, archive):
    response = as_role("publisher").post(reverse("reports:download_datapackage"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        descriptor = json.loads(package.read("datapackage.json"))
        assert [r["path"] for r in descriptor["resources"]] == [f"{n}.csv" for n in report.TABLES]
        origins = package.read("origin_provinces.csv").decode()
    assert "kp-rason,Rason,라선시,,true" in origins
    assert Release.objects.count() == len(report.TABLES)


def test_an_unknown_table_is_not_found(as_role, archive):
    response = as_role("researcher").post(reverse("reports:download_csv", args=["nothing"]))
    assert response.status_code == 404
