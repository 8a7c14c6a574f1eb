import pytest
from django.core.exceptions import ImproperlyConfigured

from journeys.lib.env import envbool, envint, envlist, envstr, local_secret


def test_a_boolean_typo_stops_the_start(monkeypatch):
    monkeypatch.setenv("J_FLAG", "treu")
    with pytest.raises(ImproperlyConfigured, match="J_FLAG"):
        envbool("J_FLAG", False)


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("yes", True), ("0", False), ("off", False)]
)
def test_booleans_accept_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("J_FLAG", raw)
    assert envbool("J_FLAG", not expected) is expected


def test_a_number_below_its_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("J_NUM", "0")
    with pytest.raises(ImproperlyConfigured, match="minimum"):
        envint("J_NUM", 5, minimum=1)


def test_a_word_where_a_number_belongs_is_refused(monkeypatch):
    monkeypatch.setenv("J_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        envint("J_NUM", 5)


def test_a_secret_can_come_from_a_file(monkeypatch, tmp_path):
    (tmp_path / "s").write_text("from-file\n")
    monkeypatch.setenv("J_SECRET_FILE", str(tmp_path / "s"))
    monkeypatch.setenv("J_SECRET", "from-env")
    assert envstr("J_SECRET") == "from-file"


def test_an_unreadable_secret_file_stops_the_start(monkeypatch, tmp_path):
    monkeypatch.setenv("J_SECRET_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        envstr("J_SECRET")


def test_lists_drop_blanks(monkeypatch):
    monkeypatch.setenv("J_LIST", "a, b,,c ")
    assert envlist("J_LIST") == ["a", "b", "c"]


def test_the_local_secret_is_made_once_and_readable_only_by_its_owner(tmp_path):
    path = tmp_path / "data" / "secret_key"
    first = local_secret(path)
    assert len(first) >= 50
    assert local_secret(path) == first
    assert path.stat().st_mode & 0o077 == 0
