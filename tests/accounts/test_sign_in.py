"""Signing in: the password, then a code from an authenticator app, then the pages."""

import datetime as dt
import re
from base64 import b32decode

import pytest
from django.conf import settings
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from journeys.accounts.models import User
from tests.accounts.helpers import authenticator, code_of, sign_in

PASSWORD = "correct-horse-battery-staple-42"


def make_user(**fields):
    user = User(username="sora", role="researcher", **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def give_password(client, username="sora", password=PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password, **extra}
    )


def give_code(client, code, **extra):
    return client.post(reverse("accounts:verify"), {"code": code, **extra})


class TestThePasswordThenTheCode:
    def test_the_password_leads_to_the_code_page_and_the_code_leads_home(self, client, db):
        device = authenticator(make_user())
        response = give_password(client)
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:verify")
        response = give_code(client, code_of(device))
        assert response["Location"] == reverse("core:home")
        assert client.get(reverse("core:home")).status_code == 200

    def test_the_password_alone_opens_no_page(self, client, db):
        authenticator(make_user())
        give_password(client)
        for name in ("core:home", "archive:interviewee_list", "codebook:term_list"):
            response = client.get(reverse(name))
            assert response.status_code == 302
            assert response["Location"] == f"{reverse('accounts:verify')}?next={reverse(name)}"

    def test_the_page_asked_for_is_shown_after_the_code(self, client, db):
        device = authenticator(make_user())
        target = reverse("archive:interviewee_list")
        response = give_password(client, next=target)
        assert response["Location"] == f"{reverse('accounts:verify')}?next={target}"
        assert give_code(client, code_of(device), next=target)["Location"] == target

    def test_a_next_address_on_another_site_is_ignored(self, client, db):
        device = authenticator(make_user())
        give_password(client, next="https://evil.example/")
        response = give_code(client, code_of(device), next="https://evil.example/")
        assert response["Location"] == reverse("core:home")

    def test_a_wrong_code_is_refused(self, client, db):
        device = authenticator(make_user())
        give_password(client)
        client.cookies["journeys_language"] = "en"
        wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"
        response = give_code(client, wrong)
        assert response.status_code == 200
        assert "That code is not right" in response.content.decode()
        assert wrong not in response.content.decode()
        assert client.get(reverse("core:home")).status_code == 302

    def test_a_code_with_a_space_in_it_is_accepted(self, client, db):
        device = authenticator(make_user())
        give_password(client)
        code = code_of(device)
        assert give_code(client, f"{code[:3]} {code[3:]}")["Location"] == reverse("core:home")

    def test_letters_are_not_a_code_and_do_not_count_as_a_wrong_one(self, client, db):
        device = authenticator(make_user())
        give_password(client)
        assert give_code(client, "abcdef").status_code == 200
        device.refresh_from_db()
        assert device.throttling_failure_count == 0

    def test_a_code_already_used_is_refused(self, client, db):
        device = authenticator(make_user())
        give_password(client)
        code = code_of(device)
        give_code(client, code)
        other = Client()
        give_password(other)
        response = give_code(other, code)
        assert response.status_code == 200
        assert other.get(reverse("core:home")).status_code == 302

    def test_a_wrong_code_makes_the_next_try_wait_even_with_the_right_code(
        self, client, db, settings
    ):
        settings.OTP_TOTP_THROTTLE_FACTOR = 60  # waits of 60, 120, 240... seconds
        device = authenticator(make_user())
        give_password(client)
        client.cookies["journeys_language"] = "en"
        give_code(client, f"{(int(code_of(device)) + 1) % 1_000_000:06d}")
        response = give_code(client, code_of(device))
        assert "Too many wrong codes: wait 60 seconds" in response.content.decode()
        assert client.get(reverse("core:home")).status_code == 302
        device.refresh_from_db()
        assert device.throttling_failure_count == 1
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=F("throttling_failure_timestamp")
            - dt.timedelta(seconds=61)
        )
        assert give_code(client, code_of(device))["Location"] == reverse("core:home")
        device.refresh_from_db()
        assert device.throttling_failure_count == 0

    def test_the_code_page_is_for_those_who_gave_the_password(self, client, db):
        response = client.get(reverse("accounts:verify"))
        assert response["Location"].startswith(reverse("accounts:login"))

    def test_the_sign_in_page_leads_a_signed_in_user_home(self, client, db):
        sign_in(client, make_user())
        assert client.get(reverse("accounts:login"))["Location"] == reverse("core:home")


class TestTheFirstSignIn:
    def key_on(self, response) -> bytes:
        shown = re.search(r'id="otp-key"[^>]*>(.*?)</code>', response.content.decode())
        return b32decode(re.sub(r"<br>|\s", "", shown.group(1)))

    def test_a_user_without_an_app_sets_one_up_with_a_qr_code_and_a_key(self, client, db):
        make_user()
        give_password(client)
        response = client.get(reverse("accounts:verify"))
        assert response["Location"] == reverse("accounts:enrol")
        page = client.get(reverse("accounts:enrol"))
        assert "<svg" in page.content.decode()
        code = f"{totp(self.key_on(page)):06d}"
        response = client.post(reverse("accounts:enrol"), {"code": code})
        assert response["Location"] == reverse("core:home")
        assert client.get(reverse("core:home")).status_code == 200
        device = TOTPDevice.objects.get()
        assert device.confirmed
        assert device.config_url.startswith("otpauth://totp/Journeys%3Asora?secret=")

    def test_a_reload_shows_the_same_key(self, client, db):
        make_user()
        give_password(client)
        first = client.get(reverse("accounts:enrol"))
        again = client.get(reverse("accounts:enrol"))
        assert self.key_on(first) == self.key_on(again)
        assert TOTPDevice.objects.count() == 1

    def test_a_wrong_code_leaves_the_app_unconfirmed(self, client, db):
        make_user()
        give_password(client)
        page = client.get(reverse("accounts:enrol"))
        wrong = f"{(totp(self.key_on(page)) + 1) % 1_000_000:06d}"
        response = client.post(reverse("accounts:enrol"), {"code": wrong})
        assert response.status_code == 200
        assert not TOTPDevice.objects.get().confirmed
        assert client.get(reverse("core:home")).status_code == 302

    def test_a_user_with_an_app_cannot_set_up_another(self, client, db):
        authenticator(make_user())
        give_password(client)
        response = client.get(reverse("accounts:enrol"))
        assert response["Location"] == reverse("accounts:verify")
        response = client.post(reverse("accounts:enrol"), {"code": "123456"})
        assert response["Location"] == reverse("accounts:verify")
        assert TOTPDevice.objects.count() == 1


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(client, db):
    make_user()
    client.cookies["journeys_language"] = "en"
    wrong = give_password(client, password="nope")
    unknown = give_password(client, username="nobody", password="nope")
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors


def test_a_disabled_user_gets_the_same_answer_as_a_wrong_password(client, db):
    make_user(is_active=False)
    client.cookies["journeys_language"] = "en"
    disabled = give_password(client)
    wrong = give_password(client, password="nope")
    assert disabled.context["form"].errors == wrong.context["form"].errors
    assert client.get(reverse("core:home")).status_code == 302


def test_sign_out_is_by_post_only(client, db):
    sign_in(client, make_user())
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("core:home")).status_code == 302


def test_sign_out_is_possible_between_the_password_and_the_code(client, db):
    authenticator(make_user())
    give_password(client)
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("accounts:login")
    assert client.get(reverse("accounts:verify"))["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_code_and_set_up_pages_speak_both_languages(client, db, lang):
    make_user()
    client.cookies["journeys_language"] = lang
    give_password(client)
    html = client.get(reverse("accounts:enrol")).content.decode()
    assert f'<html lang="{lang}">' in html
    assert ("인증 코드" if lang == "ko" else "6-digit code") in html


class TestLanguage:
    def test_the_choice_is_remembered_on_the_account(self, client, db):
        user = make_user()
        sign_in(client, user)
        client.post(reverse("core:language"), {"language": "en", "next": "/"})
        user.refresh_from_db()
        assert user.language == "en"
        client.cookies.clear()
        sign_in(client, user)
        assert '<html lang="en">' in client.get(reverse("core:home")).content.decode()

    def test_anonymous_visitors_get_a_cookie(self, client, db):
        response = client.post(
            reverse("core:language"), {"language": "en", "next": "/accounts/login/"}
        )
        assert response.cookies["journeys_language"].value == "en"
        assert '<html lang="en">' in client.get(reverse("accounts:login")).content.decode()

    def test_korean_is_the_default(self, client, db):
        html = client.get(reverse("accounts:login")).content.decode()
        assert '<html lang="ko">' in html
        assert "로그인" in html

    def test_an_unknown_language_changes_nothing(self, client, db):
        response = client.post(reverse("core:language"), {"language": "xx", "next": "/"})
        assert "journeys_language" not in response.cookies

    def test_it_never_redirects_to_another_site(self, client, db):
        response = client.post(
            reverse("core:language"), {"language": "en", "next": "https://evil.example/"}
        )
        assert response["Location"] == "/"


def test_the_main_menu_waits_for_the_second_factor(client, db):
    from tests.accounts.helpers import sign_in as signed_in

    user = make_user()
    signed_in(client, user, with_code=False)
    page = client.get(reverse("accounts:verify"), follow=True).content.decode()
    assert 'class="mainnav"' not in page
    signed_in(client, user)
    assert 'class="mainnav"' in client.get(reverse("core:home")).content.decode()


# A `next` that is no address on this site: a word (redirect() took it for a view name and
# failed after the code was used up), a view name, another site written several ways, a script.
NOT_A_PAGE_HERE = [
    "abc",
    "core:home",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:///evil.example",
    "/\t/evil.example",
]


class TestWhereASignInLeads:
    @pytest.mark.parametrize("next_url", NOT_A_PAGE_HERE)
    def test_a_next_that_is_no_page_here_leads_home_after_the_code(self, client, db, next_url):
        device = authenticator(make_user())
        response = give_password(client, next=next_url)
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:verify")
        response = client.get(f"{reverse('accounts:verify')}?next={next_url}")
        assert response.status_code == 200
        response = give_code(client, code_of(device), next=next_url)
        assert response.status_code == 302
        assert response["Location"] == reverse("core:home")
        assert client.get(reverse("core:home")).status_code == 200

    @pytest.mark.parametrize("next_url", NOT_A_PAGE_HERE)
    def test_a_next_that_is_no_page_here_leads_home_after_setting_up_an_app(
        self, client, db, next_url
    ):
        make_user()
        give_password(client, next=next_url)
        page = client.get(f"{reverse('accounts:enrol')}?next={next_url}")
        key = TestTheFirstSignIn().key_on(page)
        response = client.post(
            reverse("accounts:enrol"), {"code": f"{totp(key):06d}", "next": next_url}
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("core:home")
        assert client.get(reverse("core:home")).status_code == 200

    def test_a_page_of_this_site_with_its_query_is_still_followed(self, client, db):
        device = authenticator(make_user())
        target = "/archive/?province=kp-ryanggang"
        give_password(client, next=target)
        assert give_code(client, code_of(device), next=target)["Location"] == target

    def test_the_session_gets_a_new_id_when_the_code_is_given(self, client, db):
        device = authenticator(make_user())
        give_password(client)
        after_password = client.session.session_key
        give_code(client, code_of(device))
        after_code = client.session.session_key
        assert after_code != after_password
        assert client.get(reverse("core:home")).status_code == 200
        # Whoever kept the id from between the two steps holds nothing.
        planted = Client()
        planted.cookies[settings.SESSION_COOKIE_NAME] = after_password
        assert planted.get(reverse("core:home")).status_code == 302

    def test_the_new_session_id_is_the_one_signing_out_everywhere_ends(self, client, db):
        from journeys.accounts.models import UserSession

        user = make_user()
        device = authenticator(user)
        give_password(client)
        give_code(client, code_of(device))
        assert list(
            UserSession.objects.filter(user=user).values_list("session_key", flat=True)
        ) == [client.session.session_key]
