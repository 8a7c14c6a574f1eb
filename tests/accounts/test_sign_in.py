from django.urls import reverse

from journeys.accounts.models import User

PASSWORD = "correct-horse-battery-staple-42"


def make_user(**fields):
    user = User(username="sora", role="researcher", **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_signing_in_leads_home(client, db):
    make_user()
    response = client.post(reverse("accounts:login"), {"username": "sora", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert client.get(reverse("core:home")).status_code == 200


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(client, db):
    make_user()
    client.cookies["journeys_language"] = "en"
    wrong = client.post(reverse("accounts:login"), {"username": "sora", "password": "nope"})
    unknown = client.post(reverse("accounts:login"), {"username": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors


def test_a_disabled_user_cannot_sign_in(client, db):
    make_user(is_active=False)
    client.post(reverse("accounts:login"), {"username": "sora", "password": PASSWORD})
    assert client.get(reverse("core:home")).status_code == 302


def test_sign_out_is_by_post_only(client, db):
    client.force_login(make_user())
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("core:home")).status_code == 302


class TestLanguage:
    def test_the_choice_is_remembered_on_the_account(self, client, db):
        user = make_user()
        client.force_login(user)
        client.post(reverse("core:language"), {"language": "en", "next": "/"})
        user.refresh_from_db()
        assert user.language == "en"
        client.cookies.clear()
        client.force_login(user)
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
