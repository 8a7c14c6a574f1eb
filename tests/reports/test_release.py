import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from journeys.accounts.models import Team, User
from journeys.audit.models import AuditEntry
from journeys.reports.disclosure import DisclosureRefused
from journeys.reports.models import Release
from journeys.reports.services import table_release
from tests.reports.helpers import woman

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(users):
    for born in range(1960, 1972):  # twelve women from North Hamgyong
        woman(users, province="kp-hamgyongbuk", born=born)
    for born in range(1970, 1975):  # five from Ryanggang
        woman(users, province="kp-ryanggang", born=born)
    woman(users, province="kp-rason", born=1961)  # the one from Rason


def stats(*args) -> str:
    out = io.StringIO()
    call_command("stats", *args, stdout=out)
    return out.getvalue()


def test_a_release_is_registered_and_audited(users, archive):
    published = table_release(acting_user=users["researcher"], name="origin_provinces", min_cell=3)
    release = Release.objects.get()
    assert release.table == "origin_provinces"
    assert release.released_by == users["researcher"]
    assert release.parameters == {"min_cell": 3}
    assert release.cells == published.as_register()
    assert release.cells["kp-rason|"] is None
    assert AuditEntry.objects.filter(action="reports.release").count() == 1


def test_the_same_table_over_one_more_woman_is_refused(users, archive):
    table_release(acting_user=users["researcher"], name="origin_provinces", min_cell=3)
    woman(users, province="kp-hamgyongbuk", born=1980)
    with pytest.raises(DisclosureRefused, match="kp-hamgyongbuk"):
        table_release(acting_user=users["researcher"], name="origin_provinces", min_cell=3)
    assert Release.objects.count() == 1


def test_the_same_table_over_the_same_women_may_be_released_again(users, archive):
    table_release(acting_user=users["researcher"], name="origin_provinces", min_cell=3)
    table_release(acting_user=users["researcher"], name="origin_provinces", min_cell=3)
    assert Release.objects.count() == 2


def test_the_command_prints_a_suppressed_csv(users, archive):
    out = stats("--table", "origin_provinces", "--user", "researcher", "--min-cell", "3")
    rows = {row["row_code"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["kp-hamgyongbuk"]["count"] == "12"
    assert rows["*"]["count"] == "18"
    # Rason (1) is hidden, and Ryanggang (5) with it: 18 - 12 tells only "6 in the two".
    assert rows["kp-rason"]["count"] == ""
    assert rows["kp-rason"]["suppressed"] == "true"
    assert rows["kp-ryanggang"]["count"] == ""
    assert Release.objects.count() == 1


def test_with_the_default_minimum_no_count_below_ten_is_printed(users, archive):
    out = json.loads(
        stats("--table", "origin_provinces", "--user", "researcher", "--format", "json")
    )
    counts = [row[-2] for row in out["rows"]]
    assert all(c == "" or c >= 10 for c in counts)
    assert out["min_cell"] == 10


def test_the_command_writes_a_data_package(users, archive, tmp_path):
    out = stats(
        "--table",
        "trafficked_by_province",
        "--user",
        "researcher",
        "--format",
        "datapackage",
        "--out",
        str(tmp_path / "pkg"),
        "--min-cell",
        "3",
    )
    package = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    assert out.strip().endswith("datapackage.json")
    (resource,) = package["resources"]
    assert resource["path"] == "trafficked_by_province.csv"
    assert [f["name"] for f in resource["schema"]["fields"]][-2:] == ["count", "suppressed"]
    assert " / " in resource["title"]  # English / Korean
    assert (tmp_path / "pkg" / "trafficked_by_province.csv").exists()


def test_the_command_refuses_a_role_that_does_not_report(users, archive):
    with pytest.raises(CommandError):
        stats("--table", "origin_provinces", "--user", "interviewer")
    assert Release.objects.count() == 0


def test_the_command_refuses_a_differencing_release(users, archive):
    stats("--table", "origin_provinces", "--user", "researcher", "--min-cell", "3")
    woman(users, province="kp-ryanggang", born=1990)
    with pytest.raises(CommandError, match="Refused"):
        stats("--table", "origin_provinces", "--user", "researcher", "--min-cell", "3")


def test_releases_are_compared_within_a_team_only(users, archive):
    table_release(acting_user=users["researcher"], name="origin_provinces", min_cell=3)
    partner = Team.objects.create(name="Partner")
    outsider = User.objects.create(username="partner-researcher", role="researcher", team=partner)
    published = table_release(acting_user=outsider, name="origin_provinces", min_cell=3)
    assert published.cells[("*", "")] == 0  # her team has nobody: ours is not counted
    assert Release.objects.filter(team=partner).count() == 1
