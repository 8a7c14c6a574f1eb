"""Headless Chromium (Debian's package) driven by Playwright, against a live test server.

Screenshots go to screenshots/ at the top of the checkout (ignored by git), so a person can
look at what the test saw.
"""

import os
import shutil
from pathlib import Path

import pytest

from journeys.accounts.models import User
from journeys.codebook.services import codebook_load

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PASSWORD = "a-long-test-password-for-browsers"
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

    def make(role: str) -> User:
        user = User(username=f"{role}-b", role=role)
        user.set_password(PASSWORD)
        user.save()
        return user

    return make
