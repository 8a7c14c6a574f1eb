"""A codebook term is written by whoever extends the codebook and reaches every team's
downloads: no CSV Journeys writes may carry it as a formula (journeys.lib.spreadsheet)."""

import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from journeys.codebook.models import Kind, Term
from tests.reports.helpers import woman

pytestmark = pytest.mark.django_db

FORMULA = "=1+2+cmd|' /C calc'!A0"
KOREAN_FORMULA = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def archive(users, settings):
    settings.JOURNEYS_MIN_CELL = 3
    Term.objects.filter(kind=Kind.PLACE, code="kp-rason").update(
        label_en=FORMULA, label_ko=KOREAN_FORMULA
    )
    for born in range(1960, 1965):
        woman(users, province="kp-hamgyongbuk", born=born)
    woman(users, province="kp-rason", born=1961)


def rason_row(text: str) -> dict:
    rows = {row["row_code"]: row for row in csv.DictReader(io.StringIO(text))}
    return rows["kp-rason"]


def assert_quoted(row: dict) -> None:
    assert row["row_label_en"] == "'" + FORMULA
    assert row["row_label_ko"] == "'" + KOREAN_FORMULA


def test_the_csv_download_quotes_a_term_that_reads_as_a_formula(as_role, archive):
    response = as_role("researcher").post(
        reverse("reports:download_csv", args=["origin_provinces"])
    )
    assert_quoted(rason_row(response.content.decode()))


def test_every_csv_of_the_data_package_download_quotes_formulas(as_role, archive):
    response = as_role("publisher").post(reverse("reports:download_datapackage"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        origins = package.read("origin_provinces.csv").decode()
        every_csv = [package.read(n).decode() for n in package.namelist() if n.endswith(".csv")]
    assert_quoted(rason_row(origins))
    assert not any(f",{FORMULA}" in text or f"\n{FORMULA}" in text for text in every_csv)


def test_the_stats_command_prints_formulas_quoted(archive):
    out = io.StringIO()
    call_command(
        "stats", "--table", "origin_provinces", "--user", "researcher", "--min-cell", "3",
        stdout=out,
    )  # fmt: skip
    assert_quoted(rason_row(out.getvalue()))


def test_the_stats_commands_data_package_quotes_formulas(archive, tmp_path):
    call_command(
        "stats", "--table", "origin_provinces", "--user", "researcher", "--min-cell", "3",
        "--format", "datapackage", "--out", str(tmp_path / "pkg"), stdout=io.StringIO(),
    )  # fmt: skip
    text = (tmp_path / "pkg" / "origin_provinces.csv").read_text(encoding="utf-8")
    assert_quoted(rason_row(text))
