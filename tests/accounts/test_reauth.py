"""Dangerous actions ask again for password and code when the last time was more than five
minutes ago. Disabling an account is one; it also shows the gate at work."""

import pytest
from django.test import Client
from django.urls import reverse

from journeys.accounts import sessions
from journeys.accounts.models import User
from tests.accounts.helpers import authenticator, code_of, sign_in

PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture
def admin(db):
    user = User(username="admin", role="administrator")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def sora(db):
    return User.objects.create(username="sora", role="researcher")


@pytest.fixture
def client(client, admin):
    client.cookies["journeys_language"] = "en"
    return sign_in(client, admin)


def disable_url(user) -> str:
    return reverse("accounts:user_disable", args=[user.username])


def reauth_url(next_url: str) -> str:
    return f"{reverse('accounts:reauth')}?next={next_url}"


def confirmed_minutes_ago(client, minutes: int) -> None:
    session = client.session
    session[sessions.CONFIRMED_AT] = sessions.now() - minutes * 60
    session.save()


def confirm(client, admin, *, password=PASSWORD, code=None, next_url="/"):
    code = code or code_of(authenticator(admin))
    return client.post(
        reverse("accounts:reauth"), {"password": password, "code": code, "next": next_url}
    )


def test_right_after_signing_in_no_second_confirmation_is_asked(client, sora):
    assert client.get(disable_url(sora)).status_code == 200


def test_after_five_minutes_the_action_asks_for_password_and_code(client, sora):
    confirmed_minutes_ago(client, 6)
    response = client.get(disable_url(sora))
    assert response["Location"] == reauth_url(disable_url(sora))


def test_a_post_is_not_carried_out_without_a_recent_confirmation(client, sora):
    confirmed_minutes_ago(client, 6)
    response = client.post(disable_url(sora))
    assert response["Location"] == reauth_url(disable_url(sora))
    sora.refresh_from_db()
    assert sora.is_active


def test_password_and_code_lead_back_to_the_action(client, admin, sora):
    confirmed_minutes_ago(client, 6)
    response = confirm(client, admin, next_url=disable_url(sora))
    assert response["Location"] == disable_url(sora)
    assert client.get(disable_url(sora)).status_code == 200
    client.post(disable_url(sora))
    sora.refresh_from_db()
    assert not sora.is_active


def test_a_wrong_password_is_refused_and_counted(client, admin, sora):
    confirmed_minutes_ago(client, 6)
    response = confirm(client, admin, password="not-my-password-at-all")
    assert "That password is not right." in response.content.decode()
    assert client.get(disable_url(sora)).status_code == 302
    for _ in range(4):
        confirm(client, admin, password="not-my-password-at-all")
    assert "Too many failed sign-ins" in confirm(client, admin).content.decode()


def test_a_wrong_code_is_refused(client, admin, sora):
    confirmed_minutes_ago(client, 6)
    wrong = f"{(int(code_of(authenticator(admin))) + 1) % 1_000_000:06d}"
    response = confirm(client, admin, code=wrong)
    assert "That code is not right" in response.content.decode()
    assert client.get(disable_url(sora)).status_code == 302


def test_the_code_of_the_sign_in_cannot_be_used_again(client, admin, sora):
    device = authenticator(admin)
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"username": "admin", "password": PASSWORD})
    used = code_of(device)
    client.post(reverse("accounts:verify"), {"code": used})
    confirmed_minutes_ago(client, 6)
    response = confirm(client, admin, code=used)
    assert response.status_code == 200
    assert client.get(disable_url(sora)).status_code == 302


def test_it_never_leads_to_another_site(client, admin):
    confirmed_minutes_ago(client, 6)
    response = confirm(client, admin, next_url="https://evil.example/")
    assert response["Location"] == "/"


def test_the_time_comes_from_the_settings(client, sora, settings):
    settings.JOURNEYS_REAUTH_MINUTES = 30
    confirmed_minutes_ago(client, 20)
    assert client.get(disable_url(sora)).status_code == 200


class TestStaffAccounts:
    def test_the_list_shows_who_has_set_up_a_second_factor(self, client, admin, sora):
        html = client.get(reverse("accounts:user_list")).content.decode()
        assert "sora" in html
        assert html.count("not yet") == 1  # sora; the admin signed in with a code

    def test_disabling_ends_the_accounts_sessions(self, client, sora):
        other = sign_in(Client(), sora)
        response = client.post(disable_url(sora))
        assert response["Location"] == reverse("accounts:user_list")
        assert "sora is disabled" in client.get(reverse("accounts:user_list")).content.decode()
        assert other.get("/")["Location"].startswith("/accounts/login/")

    def test_a_disabled_account_is_not_disabled_twice(self, client, sora):
        sora.is_active = False
        sora.save()
        assert client.get(disable_url(sora)).status_code == 404

    def test_an_administrator_is_told_they_cannot_disable_themselves(self, client, admin):
        client.post(disable_url(admin))
        html = client.get(reverse("accounts:user_list")).content.decode()
        assert "You cannot disable your own account." in html
        admin.refresh_from_db()
        assert admin.is_active

    def test_resetting_the_second_factor_makes_the_next_sign_in_set_up_an_app(self, client, sora):
        sora.set_password(PASSWORD)
        sora.save()
        authenticator(sora)
        phone = sign_in(Client(), sora)
        url = reverse("accounts:user_second_factor_reset", args=["sora"])
        assert client.get(url).status_code == 200
        assert client.post(url)["Location"] == reverse("accounts:user_list")
        assert phone.get("/")["Location"].startswith("/accounts/login/")
        phone.post(reverse("accounts:login"), {"username": "sora", "password": PASSWORD})
        assert phone.get(reverse("accounts:verify"))["Location"] == reverse("accounts:enrol")

    def test_resetting_asks_for_a_recent_confirmation_too(self, client, sora):
        confirmed_minutes_ago(client, 6)
        authenticator(sora)
        url = reverse("accounts:user_second_factor_reset", args=["sora"])
        assert client.post(url)["Location"] == reauth_url(url)
        assert sora.totpdevice_set.exists()


@pytest.mark.parametrize("next_url", ["abc", "core:home", "//evil.example/", "javascript:x"])
def test_a_next_that_is_no_page_here_leads_home(client, admin, next_url):
    confirmed_minutes_ago(client, 6)
    response = confirm(client, admin, next_url=next_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
