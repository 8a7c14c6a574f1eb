import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.codebook.models import CodebookVersion
from journeys.demo.management.commands.demo_users import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def run(*args, **kwargs) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out, stderr=out, **kwargs)
    return out.getvalue()


def test_init_loads_the_codebook_and_can_run_again(db):
    first = run("init")
    second = run("init")
    assert "The archive is ready" in first
    assert "0 terms added" in second
    assert CodebookVersion.objects.count() >= 2


def test_createuser_reads_the_password_from_a_file(db, tmp_path):
    secret = tmp_path / "pw"
    secret.write_text("a-very-long-passphrase-here\n")
    run("createuser", "mina", role="coder", password_file=str(secret), team="Seoul office")
    user = User.objects.get(username="mina")
    assert user.role == "coder"
    assert user.team.name == "Seoul office"
    assert user.check_password("a-very-long-passphrase-here")


@pytest.mark.parametrize("password", ["short-pass", "1qaz2wsx3edc4rfv"])
def test_createuser_refuses_short_or_common_passwords(db, tmp_path, password):
    secret = tmp_path / "pw"
    secret.write_text(password)
    with pytest.raises(CommandError):
        run("createuser", "mina", role="coder", password_file=str(secret))
    assert not User.objects.filter(username="mina").exists()


def test_demo_users_makes_one_account_per_role_and_prints_them(db):
    out = run("demo_users")
    assert User.objects.filter(username__startswith="demo-").count() == len(Role)
    assert "demo-publisher" in out
    assert User.objects.get(username="demo-coder").check_password(DEMO_PASSWORD)
    run("demo_users")  # again: reuses what exists
    assert User.objects.filter(username__startswith="demo-").count() == len(Role)


def test_demo_users_refuses_where_real_accounts_exist(db):
    User.objects.create(username="real-person", role="administrator")
    out = run("demo_users")
    assert "real accounts" in out
    assert not User.objects.filter(username__startswith="demo-").exists()


def cli(*args: str, data_dir, **env: str) -> subprocess.CompletedProcess:
    """`journeys ARGS` in a new process, on an archive of its own (a SQLite file in data_dir)."""
    environment = {**os.environ, "JOURNEYS_DATA_DIR": str(data_dir), **env}
    if "DATABASE_URL" not in env:
        environment.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
    )


def test_the_console_command_maps_hyphenated_names(tmp_path):
    result = cli("roles-matrix", data_dir=tmp_path, LANG="C")
    assert result.returncode == 0
    assert "| `/archive/intake/` |" in result.stdout


def test_a_wrong_setting_stops_the_start_with_its_name(tmp_path):
    result = cli("check", data_dir=tmp_path, JOURNEYS_DEBUG="treu")
    assert result.returncode != 0
    assert "JOURNEYS_DEBUG" in result.stderr


def test_a_short_secret_key_fails_the_system_check(tmp_path):
    result = cli("check", data_dir=tmp_path, JOURNEYS_SECRET_KEY="short")
    assert result.returncode != 0
    assert "journeys.E001" in result.stderr


def test_an_unsupported_database_fails_the_system_check(tmp_path):
    result = cli("check", data_dir=tmp_path, DATABASE_URL="mysql://u:p@localhost/x")
    assert result.returncode != 0
    assert "journeys.E002" in result.stderr or "mysql" in result.stderr.lower()


def test_the_command_line_speaks_korean_in_a_korean_terminal(tmp_path):
    result = cli("init", data_dir=tmp_path, LC_ALL="ko_KR.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "코드북" in result.stdout


def mode_of(path) -> int:
    return path.stat().st_mode & 0o777


def test_init_makes_a_data_directory_made_before_it_private(tmp_path):
    data_dir = tmp_path / "archive"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)  # as `mkdir` under umask 022 leaves it
    result = cli("init", "--new-key-file", data_dir=data_dir, JOURNEYS_KEY_FILE=str(tmp_path / "k"))
    assert result.returncode == 0, result.stderr
    assert mode_of(data_dir) == 0o700
    assert mode_of(data_dir / "journeys.sqlite3") == 0o600
    assert mode_of(data_dir / "keys.json") == 0o600
    assert f"{data_dir} was open to other users (mode 755): now mode 700." in result.stdout


def test_a_new_archive_is_born_private_whatever_the_umask(tmp_path):
    """Files Journeys makes are its owner's from the first byte: a database created 644 and
    put right a moment later could be copied in that moment, and a new user would be told
    her brand-new archive 'was open to other users'."""
    data_dir = tmp_path / "archive"
    old = os.umask(0o022)
    try:
        result = cli(
            "init", "--new-key-file", data_dir=data_dir, JOURNEYS_KEY_FILE=str(tmp_path / "k")
        )
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert "was open to other users" not in result.stdout
    assert mode_of(data_dir) == 0o700
    for name in ("journeys.sqlite3", "keys.json", "secret_key"):
        assert mode_of(data_dir / name) == 0o600, name


def test_init_makes_an_open_database_and_keys_private_again(tmp_path):
    key = {"JOURNEYS_KEY_FILE": str(tmp_path / "k")}
    data_dir = tmp_path / "archive"
    assert cli("init", "--new-key-file", data_dir=data_dir, **key).returncode == 0
    for name in ("journeys.sqlite3", "keys.json"):
        (data_dir / name).chmod(0o644)
    data_dir.chmod(0o755)
    result = cli("init", data_dir=data_dir, **key)
    assert result.returncode == 0, result.stderr
    assert mode_of(data_dir) == 0o700
    assert mode_of(data_dir / "journeys.sqlite3") == 0o600
    assert mode_of(data_dir / "keys.json") == 0o600
    assert "journeys.sqlite3 was open to other users (mode 644): now mode 600." in result.stdout


@pytest.mark.parametrize("name", ["main", "Main", " main "])
def test_createuser_in_the_main_team_makes_no_second_main_team(db, tmp_path, name):
    from journeys.accounts.models import Team

    secret = tmp_path / "pw"
    secret.write_text("a-very-long-passphrase-here\n")
    run("createuser", "mina", role="coder", password_file=str(secret), team=name)
    run("createuser", "joon", role="coder", password_file=str(secret))
    mina, joon = User.objects.get(username="mina"), User.objects.get(username="joon")
    assert mina.team is None
    assert mina.team_id == joon.team_id
    assert not Team.objects.exists()


def test_createuser_finds_a_team_whatever_the_case_of_its_name(db, tmp_path):
    from journeys.accounts.models import Team

    secret = tmp_path / "pw"
    secret.write_text("a-very-long-passphrase-here\n")
    run("createuser", "mina", role="coder", password_file=str(secret), team="Seoul office")
    run("createuser", "joon", role="coder", password_file=str(secret), team="seoul office")
    assert Team.objects.count() == 1
    assert User.objects.get(username="joon").team.name == "Seoul office"
