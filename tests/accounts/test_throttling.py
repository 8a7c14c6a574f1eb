"""Guessing passwords: five failures for one user name, or twenty from one address, within
fifteen minutes pause signing in there for fifteen minutes, whatever the password."""

import datetime as dt

import pytest
from django.db.models import F
from django.urls import reverse

from journeys.accounts.models import SignInFailure
from tests.accounts.helpers import PASSWORD

LOCKED = "Too many failed sign-ins"


@pytest.fixture
def client(client):
    client.cookies["journeys_language"] = "en"
    return client


def attempt(client, username="sora", password="wrong-password", address="10.0.0.1"):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def accepted(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("accounts:verify")


def locked(response) -> bool:
    return response.status_code == 200 and LOCKED in response.content.decode()


def move_failures_back(minutes: int) -> None:
    SignInFailure.objects.update(at=F("at") - dt.timedelta(minutes=minutes))


class TestPerAccount:
    def test_five_failures_lock_the_account_even_against_the_right_password(self, client, sora):
        for _ in range(5):
            assert not locked(attempt(client))
        response = attempt(client, password=PASSWORD)
        assert locked(response)
        assert "Try again in 15 minutes." in response.content.decode()
        assert client.get(reverse("accounts:verify"))["Location"].startswith("/accounts/login/")

    def test_four_failures_do_not(self, client, sora):
        for _ in range(4):
            attempt(client)
        assert accepted(attempt(client, password=PASSWORD))

    def test_the_lock_holds_from_every_address(self, client, sora):
        for n in range(5):
            attempt(client, address=f"10.0.0.{n}")
        assert locked(attempt(client, password=PASSWORD, address="192.0.2.7"))

    def test_the_name_is_one_account_however_it_is_typed(self, client, sora):
        for name in ("sora", "Sora", "SORA", " sora", "soRa"):
            attempt(client, username=name)
        assert locked(attempt(client, password=PASSWORD))

    def test_an_unknown_user_is_locked_with_the_same_answer(self, client, sora):
        for _ in range(5):
            attempt(client)
            attempt(client, username="nobody")
        known = attempt(client)
        unknown = attempt(client, username="nobody")
        assert locked(known)
        assert known.context["form"].errors == unknown.context["form"].errors

    def test_the_lock_ends_after_fifteen_minutes(self, client, sora):
        for _ in range(5):
            attempt(client)
        move_failures_back(14)
        assert locked(attempt(client, password=PASSWORD))
        move_failures_back(1)
        assert accepted(attempt(client, password=PASSWORD))

    def test_refused_attempts_do_not_make_the_lock_longer(self, client, sora):
        for _ in range(5):
            attempt(client)
        for _ in range(10):
            attempt(client)
        assert SignInFailure.objects.count() == 5

    def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(self, client, sora):
        for _ in range(4):
            attempt(client)
        move_failures_back(16)
        attempt(client)
        assert accepted(attempt(client, password=PASSWORD))

    def test_signing_in_clears_the_accounts_failures(self, client, sora):
        for _ in range(4):
            attempt(client)
        attempt(client, username="someone-else")
        assert accepted(attempt(client, password=PASSWORD))
        assert list(SignInFailure.objects.values_list("username", flat=True)) == ["someone-else"]

    def test_the_limits_come_from_the_settings(self, client, sora, settings):
        settings.JOURNEYS_SIGNIN_MAX_FAILURES = 2
        settings.JOURNEYS_SIGNIN_LOCK_MINUTES = 60
        attempt(client)
        attempt(client)
        move_failures_back(59)
        response = attempt(client, password=PASSWORD)
        assert locked(response)
        assert "Try again in 1 minute." in response.content.decode()


class TestPerAddress:
    def test_twenty_failures_from_one_address_lock_it_for_every_name(self, client, sora):
        for n in range(20):
            attempt(client, username=f"guess-{n}", address="10.0.0.9")
        assert locked(attempt(client, password=PASSWORD, address="10.0.0.9"))
        assert accepted(attempt(client, password=PASSWORD, address="10.0.0.10"))

    def test_signing_in_does_not_clear_the_addresss_failures(self, client, sora):
        for n in range(19):
            attempt(client, username=f"guess-{n}", address="10.0.0.9")
        assert accepted(attempt(client, password=PASSWORD, address="10.0.0.9"))
        attempt(client, username="guess-x", address="10.0.0.9")
        assert locked(attempt(client, password=PASSWORD, address="10.0.0.9"))


def test_the_pause_is_explained_in_korean(client, sora):
    client.cookies["journeys_language"] = "ko"
    for _ in range(5):
        attempt(client)
    html = attempt(client).content.decode()
    assert LOCKED not in html
    assert "15분" in html
