"""Signing in as a person does: the first time with setting up the authenticator app from
the QR page's key, later with the code it shows. Once in Korean and once in English."""

from base64 import b32decode

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import PASSWORD, app_code

pytestmark = pytest.mark.browser

CODE_PAGE_TITLE = {"ko": "인증 코드", "en": "Verification code"}


def give_password(page, base_url: str, username: str, lang: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_new_member_of_staff_sets_up_the_app_at_the_first_sign_in(
    live_server, page, screenshot, staff, lang
):
    user = staff("coder", with_app=False)
    give_password(page, live_server.url, user.username, lang)
    page.wait_for_url(f"{live_server.url}/accounts/code/setup/")
    assert page.locator("svg.qr").is_visible()
    screenshot(f"sign-in-setup-{lang}")
    key = b32decode("".join(page.inner_text("#otp-key").split()))
    page.fill("#id_code", app_code(key))
    page.click("form button.primary")
    page.wait_for_url(f"{live_server.url}/")
    screenshot(f"sign-in-setup-done-{lang}")
    assert page.locator(".whoami").inner_text().startswith(user.username)
    assert TOTPDevice.objects.get(user=user).confirmed
    assert page.errors == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_member_of_staff_with_an_app_gives_its_code(live_server, page, screenshot, staff, lang):
    user = staff("researcher")
    give_password(page, live_server.url, user.username, lang)
    page.wait_for_url(f"{live_server.url}/accounts/code/")
    assert page.inner_text("h1") == CODE_PAGE_TITLE[lang]
    screenshot(f"sign-in-code-{lang}")
    page.fill("#id_code", app_code())
    page.press("#id_code", "Enter")
    page.wait_for_url(f"{live_server.url}/")
    assert page.errors == []
