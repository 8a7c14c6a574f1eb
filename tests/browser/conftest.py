"""Headless Chromium (Debian's package) driven by Playwright, against a live test server.

Screenshots go to screenshots/ at the top of the checkout (ignored by git), so a person can
look at what the test saw.
"""

import os
import shutil
from pathlib import Path

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from journeys.accounts.models import User
from journeys.codebook.services import codebook_load

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PASSWORD = "a-long-test-password-for-browsers"
# The authenticator app's key for every browser-test account (RFC 6238's test key, in hex).
APP_KEY = b"12345678901234567890".hex()
# Chromium's own calls home are refused on a closed network; these flags stop it trying.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # around it are still synchronous, which Django must be told is intended.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: apt-get install chromium (see .ci/run).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = context.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.errors = errors
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def staff(transactional_db):
    """Accounts for the live server. Its tests commit for real, so the codebook is loaded
    afresh (pytest-django runs these after the rolled-back tests, then empties the tables)."""
    codebook_load()

    def make(role: str, *, with_app: bool = True) -> User:
        user = User(username=f"{role}-b", role=role)
        user.set_password(PASSWORD)
        user.save()
        if with_app:
            TOTPDevice.objects.create(user=user, name="phone", key=APP_KEY, confirmed=True)
        return user

    return make


def app_code(key: bytes = bytes.fromhex(APP_KEY)) -> str:
    """The code the authenticator app shows now."""
    return f"{totp(key):06d}"


def give_code(page, base_url: str) -> None:
    """The second sign-in page: the code from the app, then the page asked for."""
    page.wait_for_url(f"{base_url}/accounts/code/**")
    page.fill("#id_code", app_code())
    page.press("#id_code", "Enter")
