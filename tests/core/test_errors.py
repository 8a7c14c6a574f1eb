"""What a user meets when a request fails or is refused: a page in her language with a way
back, never bare English text or a traceback; and a home page and menu with only the links
her role can follow."""

import io
import logging
import re

import pytest
from django.test import Client
from django.urls import reverse

from journeys.accounts.roles import Role
from journeys.core.logging import OneLineRefusals
from tests.accounts.helpers import sign_in

HEADINGS = {
    400: {"en": "The request could not be understood", "ko": "요청을 처리할 수 없습니다"},
    403: {"en": "You may not open this page", "ko": "이 페이지를 열 권한이 없습니다"},
    404: {"en": "Page not found", "ko": "페이지를 찾을 수 없습니다"},
    500: {"en": "Something went wrong", "ko": "문제가 발생했습니다"},
}
WAY_BACK = {"en": "Back to the home page", "ko": "처음 화면으로 돌아가기"}


def in_language(client: Client, lang: str) -> Client:
    client.cookies["journeys_language"] = lang
    return client


def assert_error_page(response, status: int, lang: str) -> None:
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{HEADINGS[status][lang]}</h1>" in html
    assert WAY_BACK[lang] in html
    assert 'href="/"' in html
    assert "Traceback" not in html


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_missing_page_says_so_in_the_users_language(client, db, lang):
    response = in_language(client, lang).get("/no-such-page/")
    assert_error_page(response, 404, lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_another_teams_record_is_a_404_page_in_the_users_language(client, users, lang):
    sign_in(client, users["researcher"])
    response = in_language(client, lang).get(reverse("archive:interviewee_detail", args=["W-9999"]))
    assert_error_page(response, 404, lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_refused_page_says_so_in_the_users_language(client, users, lang):
    sign_in(client, users["custodian"])
    response = in_language(client, lang).get(reverse("archive:interviewee_list"))
    assert_error_page(response, 403, lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_signed_in_users_saved_language_chooses_the_error_page_language(client, users, lang):
    users["custodian"].language = lang
    users["custodian"].save()
    sign_in(client, users["custodian"])
    other = "en" if lang == "ko" else "ko"
    response = in_language(client, other).get(reverse("archive:interviewee_list"))
    assert_error_page(response, 403, lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_bad_request_says_so_in_the_users_language(client, db, lang):
    # A host name Journeys does not serve is refused as a bad request (DisallowedHost).
    response = in_language(client, lang).get("/accounts/login/", HTTP_HOST="evil.example")
    assert_error_page(response, 400, lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_failure_shows_the_500_page_and_no_traceback(db, settings, lang):
    settings.ROOT_URLCONF = "tests.core.error_urls"
    client = in_language(Client(raise_request_exception=False), lang)
    response = client.get("/test-only/fails/")
    assert_error_page(response, 500, lang)
    assert "a failure the user must never see" not in response.content.decode()
    assert "RuntimeError" not in response.content.decode()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_expired_form_says_so_in_the_users_language(db, lang):
    client = in_language(Client(enforce_csrf_checks=True), lang)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}">' in html
    assert ("The form has expired" if lang == "en" else "양식이 만료되었습니다") in html
    assert WAY_BACK[lang] in html


def links_on(html: str) -> set[str]:
    """The pages a user can open from this page (links, not static files or anchors)."""
    return {
        href
        for href in re.findall(r'<a [^>]*href="([^"#]+)"', html)
        if not href.startswith("/static/")
    }


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_every_link_on_the_home_page_and_menu_opens_for_the_role(client, users, role):
    sign_in(client, users[role])
    home = client.get(reverse("core:home"))
    assert home.status_code == 200
    links = links_on(home.content.decode())
    # The brand link, the menu's Home and at least one more page.
    assert len(links) >= 2
    refused = {link: client.get(link).status_code for link in sorted(links)}
    assert {link: status for link, status in refused.items() if status != 200} == {}


def test_the_custodian_is_offered_the_vault_not_the_archive(client, users):
    sign_in(client, users["custodian"])
    links = links_on(client.get(reverse("core:home")).content.decode())
    assert reverse("vault:lookup") in links
    assert reverse("archive:interviewee_list") not in links


def console_handler() -> logging.Handler:
    """The handler settings.LOGGING writes to stderr with."""
    return next(
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, OneLineRefusals) for f in handler.filters)
    )


@pytest.fixture
def stderr_log():
    handler = console_handler()
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_a_refusal_is_logged_as_one_line_without_a_traceback(client, users, stderr_log):
    sign_in(client, users["custodian"])
    assert client.get(reverse("archive:interviewee_list")).status_code == 403
    logged = stderr_log.getvalue()
    assert logged.strip() == "Forbidden (Permission denied): /archive/interviewees/"
    assert "Traceback" not in logged


def test_a_failure_keeps_its_traceback_in_the_log(db, settings, stderr_log):
    settings.ROOT_URLCONF = "tests.core.error_urls"
    Client(raise_request_exception=False).get("/test-only/fails/")
    logged = stderr_log.getvalue()
    assert "Traceback" in logged
    assert "a failure the user must never see the details of" in logged


@pytest.mark.parametrize("role", ["researcher", "publisher"])
def test_the_statistics_of_a_new_empty_archive_open(client, users, role):
    # The menu's Statistics link was a 500 until the first testimony was coded.
    sign_in(client, users[role])
    assert client.get(reverse("reports:dashboard")).status_code == 200
