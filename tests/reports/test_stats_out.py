"""`journeys stats --out`: written where asked, for every format; never a folder made, a
file overwritten, or a release registered for an output that cannot be written."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from journeys.reports.models import Release
from tests.reports.helpers import woman

pytestmark = pytest.mark.django_db
TABLE = ("--table", "origin_provinces", "--user", "researcher", "--min-cell", "3")


@pytest.fixture
def archive(users):
    for born in range(1960, 1972):
        woman(users, province="kp-hamgyongbuk", born=born)


def stats(*args) -> str:
    out = io.StringIO()
    call_command("stats", *TABLE, *args, stdout=out)
    return out.getvalue()


def test_csv_is_written_into_the_directory_given(archive, tmp_path):
    printed = stats("--format", "csv", "--out", str(tmp_path))
    written = tmp_path / "origin_provinces.csv"
    assert printed.strip() == str(written)
    rows = list(csv.reader(written.open(encoding="utf-8")))
    assert rows[0][0]
    assert len(rows) > 1
    assert Release.objects.count() == 1


def test_json_is_written_to_the_file_given(archive, tmp_path):
    target = tmp_path / "table.json"
    stats("--format", "json", "--out", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["table"] == "origin_provinces"


@pytest.mark.parametrize("format", ["csv", "json", "datapackage"])
def test_a_missing_folder_is_refused_and_nothing_is_released(archive, tmp_path, format):
    missing = tmp_path / "nonexistent" / "x"
    with pytest.raises(CommandError, match="does not exist: create it first"):
        stats("--format", format, "--out", str(missing))
    assert not (tmp_path / "nonexistent").exists()
    assert Release.objects.count() == 0


def test_an_existing_file_is_never_overwritten(archive, tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("kept", encoding="utf-8")
    with pytest.raises(CommandError, match="exists already"):
        stats("--format", "csv", "--out", str(target))
    assert target.read_text(encoding="utf-8") == "kept"
    assert Release.objects.count() == 0


def test_a_non_empty_directory_is_refused_before_the_release(archive, tmp_path):
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CommandError, match="is not empty"):
        stats("--format", "datapackage", "--out", str(tmp_path))
    assert Release.objects.count() == 0
