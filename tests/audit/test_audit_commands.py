"""What the commands, and a seal that fails to open, write to the trail (docs/audit.md)."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.audit.helpers import assert_audited, last_seq
from tests.reports.helpers import woman

ROOT = Path(__file__).resolve().parents[2]


def run(*args, **kwargs) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO(), **kwargs)
    return out.getvalue()


@pytest.fixture
def counted(users):
    """Enough women for a report whose smallest cells are still shown."""
    for born in range(1960, 1972):
        woman(users, province="kp-hamgyongbuk", born=born)


def test_a_backup_is_recorded(interview, tmp_path):
    since = last_seq()
    run("backup", out=str(tmp_path / "archive.jbak"))
    assert_audited("export.backup", since=since, actor="journeys backup")


def test_an_account_made_from_the_command_line_is_recorded(db, tmp_path):
    from journeys.accounts.models import User

    password = tmp_path / "password"
    password.write_text("a-fictional-long-passphrase-91\n")
    since = last_seq()
    run("createuser", "fictional-hana", role="researcher", password_file=str(password))
    hana = User.objects.get(username="fictional-hana")
    assert_audited("accounts.user.created", hana, since=since, role="researcher")


def test_rebuilding_the_search_index_is_recorded(interview):
    since = last_seq()
    run("reindex", restart=True)
    assert_audited("search.reindexed", since=since, n=1)
    since = last_seq()
    run("reindex", from_stored=True)
    assert_audited("search.rebuilt", since=since, n=1)


def test_a_search_from_the_command_line_is_recorded(users, interview):
    since = last_seq()
    run("search", "river", user="publisher")
    assert_audited("search.searched", since=since, actor=users["publisher"])


def test_the_report_is_recorded(users, counted, tmp_path):
    since = last_seq()
    out = tmp_path / "report.html"
    run("report", "--user", "publisher", "--out", str(out), "--date", "2026-03-08", "--lang", "en")
    assert_audited("reports.report", since=since, actor=users["publisher"])


def test_statistics_from_the_command_line_are_a_recorded_release(users, counted):
    since = last_seq()
    run("stats", "--table", "origin_provinces", "--user", "researcher", "--min-cell", "3")
    assert_audited("reports.release", since=since, actor=users["researcher"])


def test_a_seal_that_fails_to_open_is_recorded(as_role, users, interview):
    from journeys.archive import services

    services.transcript_save(
        acting_user=None,
        interview=interview,
        segments=[services.SegmentInput(text_ko="첫째"), services.SegmentInput(text_ko="둘째")],
    )
    first, second = interview.segments.order_by("position")
    second.text_ko_sealed = first.text_ko_sealed  # moved: its associated data no longer fits
    second.save()
    since = last_seq()
    response = as_role("publisher").get(
        reverse("archive:interviewee_detail", args=[interview.interviewee.code])
    )
    assert response.status_code == 500
    assert_audited("vault.decryption.failed", since=since, actor=users["publisher"])


def restored_trail_check() -> None:
    """Run inside the restored archive (below): its trail ends with the restore."""
    assert_audited("vault.backup.restored", since=last_seq() - 1)


def test_a_restore_is_recorded_in_the_restored_archive(interview, tmp_path):
    backup = tmp_path / "archive.jbak"
    run("backup", out=str(backup))
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    env.update(
        JOURNEYS_DATA_DIR=str(tmp_path / "fresh"),
        DJANGO_SETTINGS_MODULE="journeys.settings",
        LANG="C",
    )
    restore = [sys.executable, "-m", "journeys.cli", "restore", str(backup)]
    script = (
        "import django; django.setup(); "
        "from tests.audit.test_audit_commands import restored_trail_check; "
        "restored_trail_check()"
    )
    check = [sys.executable, "-c", script]
    for command in (restore, check):
        done = subprocess.run(
            command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr


def test_a_download_refused_for_differencing_is_recorded(as_role, users, counted):
    client = as_role("researcher")
    url = reverse("reports:download_csv", args=["origin_provinces"])
    client.post(url)
    woman(users, province="kp-hamgyongbuk", born=1990)  # one more: the difference is her
    since = last_seq()
    response = client.post(url)
    assert response.status_code == 302
    assert_audited(
        "reports.release.refused",
        since=since,
        actor=users["researcher"],
        tables=["origin_provinces"],
    )
