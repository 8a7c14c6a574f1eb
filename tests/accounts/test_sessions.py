"""How long a sign-in lasts: fifteen idle minutes, twelve hours at most, and not a request
longer once the account is disabled. The clock is moved by editing the session's times."""

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from journeys.accounts import sessions
from journeys.accounts.models import User, UserSession
from journeys.accounts.services import user_disable
from tests.accounts.helpers import PASSWORD, authenticator, code_of, sign_in

LIST = "/archive/interviewees/"


@pytest.fixture
def client(client):
    client.cookies["journeys_language"] = "en"
    return client


def move_back(client, seconds: int, *keys: str) -> None:
    session = client.session
    for key in keys:
        session[key] -= seconds
    session.save()


def signed_out_to(response, path: str = LIST) -> bool:
    return response.status_code == 302 and response["Location"] == f"/accounts/login/?next={path}"


def message(client) -> str:
    return client.get(reverse("accounts:login")).content.decode()


class TestIdleTimeout:
    def test_fifteen_minutes_without_a_request_sign_the_user_out(self, client, sora):
        sign_in(client, sora)
        move_back(client, 15 * 60 + 1, sessions.LAST_SEEN_AT)
        assert signed_out_to(client.get(LIST))
        assert "after 15 minutes without activity" in message(client)
        assert client.get(LIST)["Location"].startswith("/accounts/login/")

    def test_a_request_within_fifteen_minutes_keeps_the_sign_in(self, client, sora):
        sign_in(client, sora)
        move_back(client, 14 * 60, sessions.LAST_SEEN_AT, sessions.SIGNED_IN_AT)
        assert client.get(LIST).status_code == 200
        move_back(client, 14 * 60, sessions.LAST_SEEN_AT, sessions.SIGNED_IN_AT)
        assert client.get(LIST).status_code == 200

    def test_it_applies_between_the_password_and_the_code_too(self, client, sora):
        sign_in(client, sora, with_code=False)
        move_back(client, 15 * 60 + 1, sessions.LAST_SEEN_AT)
        response = client.get(reverse("accounts:verify"))
        assert signed_out_to(response, reverse("accounts:verify"))

    def test_the_message_is_in_the_language_of_the_sign_in_page(self, client, sora):
        sora.language = "en"
        sora.save()
        client.cookies["journeys_language"] = "ko"
        sign_in(client, sora)
        move_back(client, 15 * 60 + 1, sessions.LAST_SEEN_AT)
        client.get(LIST)
        assert "활동이 없어" in message(client)

    def test_the_limit_comes_from_the_settings(self, client, sora, settings):
        settings.JOURNEYS_IDLE_MINUTES = 60
        sign_in(client, sora)
        move_back(client, 30 * 60, sessions.LAST_SEEN_AT)
        assert client.get(LIST).status_code == 200

    def test_htmx_requests_load_the_sign_in_page_whole(self, client, sora):
        sign_in(client, sora)
        move_back(client, 15 * 60 + 1, sessions.LAST_SEEN_AT)
        response = client.get(LIST, headers={"HX-Request": "true"})
        assert response.status_code == 204
        assert response["HX-Redirect"] == f"/accounts/login/?next={LIST}"

    def test_a_post_leads_to_the_plain_sign_in_page(self, client, sora):
        sign_in(client, sora)
        move_back(client, 15 * 60 + 1, sessions.LAST_SEEN_AT)
        response = client.post(reverse("accounts:logout"))
        assert response["Location"] == "/accounts/login/"


class TestAbsoluteLimit:
    def test_twelve_hours_after_the_password_the_user_signs_in_again(self, client, sora):
        sign_in(client, sora)
        move_back(client, 12 * 3600 + 1, sessions.SIGNED_IN_AT)
        assert signed_out_to(client.get(LIST))
        assert "a sign-in lasts at most 12 hours" in message(client)

    def test_eleven_hours_of_steady_work_are_fine(self, client, sora):
        sign_in(client, sora)
        move_back(client, 11 * 3600, sessions.SIGNED_IN_AT)
        assert client.get(LIST).status_code == 200

    def test_a_session_not_made_by_the_sign_in_pages_is_ended(self, client, sora):
        client.force_login(sora)
        assert signed_out_to(client.get(LIST))


class TestDisabling:
    def test_a_disabled_user_is_sent_to_sign_in_at_the_next_request(self, client, sora):
        admin = User.objects.create(username="admin", role="administrator")
        device = authenticator(sora)
        client.post(reverse("accounts:login"), {"username": "sora", "password": PASSWORD})
        client.post(reverse("accounts:verify"), {"code": code_of(device)})
        assert client.get(LIST).status_code == 200
        session_key = client.session.session_key
        user_disable(acting_user=admin, user=sora)
        assert client.get(LIST)["Location"].startswith("/accounts/login/")
        assert not Session.objects.filter(session_key=session_key).exists()
        assert not UserSession.objects.filter(user=sora).exists()

    def test_every_session_ends_and_none_returns_when_the_account_is_enabled_again(self, sora):
        admin = User.objects.create(username="admin", role="administrator")
        laptop, phone = sign_in(Client(), sora), sign_in(Client(), sora)
        assert UserSession.objects.filter(user=sora).count() == 2
        user_disable(acting_user=admin, user=sora)
        sora.is_active = True
        sora.save()
        assert laptop.get(LIST)["Location"].startswith("/accounts/login/")
        assert phone.get(LIST)["Location"].startswith("/accounts/login/")

    def test_other_users_sessions_go_on(self, client, sora):
        admin = User.objects.create(username="admin", role="administrator")
        sign_in(client, admin)
        sign_in(Client(), sora)
        user_disable(acting_user=admin, user=sora)
        assert client.get(LIST).status_code == 200

    def test_an_administrator_cannot_disable_their_own_account(self, sora):
        admin = User.objects.create(username="admin", role="administrator")
        with pytest.raises(ValidationError):
            user_disable(acting_user=admin, user=admin)
        admin.refresh_from_db()
        assert admin.is_active

    def test_signing_out_forgets_the_session(self, client, sora):
        sign_in(client, sora)
        client.post(reverse("accounts:logout"))
        assert not UserSession.objects.exists()
