"""Every page a role can open, in both languages, in headless Chromium: screenshots to look at.

    .venv/bin/python bench/screenshot_walk.py [--count 40] [--roles publisher,custodian] [--port 8123]

Builds (once, then reuses) a demo archive under bench/out/walk, with one account per role
whose authenticator key is the browser tests' (tests/browser/conftest.py), serves it with
waitress on a free port in this process, signs in as each role and opens every page of the
walk in Korean and English at 1280 × 900. Screenshots go to screenshots/walk/
(`<role>-<language>-<page>.png`, ignored by git). It prints, per role and language, each
page's HTTP status and the height of the top bar, which must be one line (under 80 px; two lines are over 100).
Look at the screenshots with an image viewer; this script judges nothing else.
"""

import argparse
import os
import socket
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out" / "walk"
SHOTS = ROOT / "screenshots" / "walk"
ROLES = ["administrator", "interviewer", "coder", "researcher", "publisher", "custodian"]
ONE_LINE_PX = 80


def archive(count: int) -> dict[str, str]:
    """The demo archive and its accounts; the pages of the walk that need an object's id."""
    OUT.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ.setdefault("JOURNEYS_DATA_DIR", str(OUT))
    os.environ.setdefault("JOURNEYS_KEY_FILE", str(OUT) + ".key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from journeys.accounts.models import User
    from journeys.archive.models import Consent, ConsentUse, Interview, Interviewee, JourneyEvent
    from journeys.protection.models import TextRelease
    from tests.browser.conftest import APP_KEY, PASSWORD

    call_command("init", verbosity=0)
    for role in ROLES:
        user, made = User.objects.get_or_create(username=f"walk-{role}", role=role)
        if made:
            user.set_password(PASSWORD)
            user.save()
            TOTPDevice.objects.create(user=user, name="phone", key=APP_KEY, confirmed=True)
    if not Interviewee.objects.exists():
        call_command("demo_data", count=count, seed=5, verbosity=0)
        call_command("demo_releases", verbosity=0)
    interview = Interview.objects.filter(segments__isnull=False, events__isnull=False).first()
    event = JourneyEvent.objects.filter(interview=interview).first()
    release = TextRelease.objects.first()
    code = interview.interviewee.code
    # The confirming pages of a consent: one given that could be withdrawn, one refused that
    # could be given later (the demo refuses some uses, never the consent to record).
    given = Consent.objects.filter(granted=True, withdrawn_on__isnull=True).first()
    refused = Consent.objects.filter(granted=False).exclude(use=ConsentUse.RECORD).first()
    pages = {
        "home": "/",
        "list": "/archive/interviewees/",
        "list-filtered": f"/archive/interviewees/?code={code}",
        "record": f"/archive/interviewees/{code}/",
        "intake": "/archive/intake/",
        "interview-new": f"/archive/interviewees/{code}/interview/",
        "transcript": f"/archive/interviews/{interview.pk}/transcript/",
        "journey": f"/archive/interviews/{interview.pk}/journey/",
        "event": f"/archive/events/{event.pk}/",
        "codebook": "/codebook/",
        "codebook-new": "/codebook/new/",
        "search": "/search/?q=%EC%A4%91%EA%B5%AD+%EC%A7%91%EA%B2%B0%EC%86%8C",
        "search-empty": "/search/",
        "statistics": "/reports/",
        "review": f"/protection/interviews/{interview.pk}/review/",
        "releases": "/protection/releases/",
        "vault": "/vault/",
        "vault-reveal": f"/vault/{code}/",
        "vault-identity": f"/vault/{code}/identity/",
        "vault-policy": "/vault/policy/",
        "staff": "/accounts/users/",
        "audit": "/audit/",
        "not-found": "/archive/interviewees/W-99999/",
        "record-edit": f"/archive/interviewees/{code}/edit/",
        "interview-edit": f"/archive/interviews/{interview.pk}/edit/",
        "event-delete": f"/archive/events/{event.pk}/delete/",
        "erase": f"/archive/interviewees/{code}/erase/",
        "staff-new": "/accounts/users/new/",
        "staff-role": "/accounts/users/walk-coder/role/",
    }
    if given:
        pages["consent-withdraw"] = f"/archive/consents/{given.pk}/withdraw/"
    if refused:
        pages["consent-give"] = f"/archive/consents/{refused.pk}/give/"
    if release:
        pages["release"] = f"/protection/releases/{release.pk}/"
    return pages


def serve(port: int = 0) -> str:
    import waitress

    from journeys.wsgi import application

    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    server = waitress.create_server(application, host="127.0.0.1", port=port, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def walk(browser, base: str, role: str, pages: dict[str, str]) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from tests.browser.conftest import PASSWORD, give_code

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", f"walk-{role}")
    page.fill("#id_password", PASSWORD)
    page.click("form button.primary")
    give_code(page, base)
    page.wait_for_url(f"{base}/")
    for language in ["ko", "en"]:
        page.goto(f"{base}/")
        page.click(f".langswitch button[value={language}]")
        page.wait_for_load_state()
        heights = set()
        for name, path in pages.items():
            try:
                response = page.goto(base + path)
            except PlaywrightError as e:  # an empty error response: Chromium shows its own page
                print(f"  {role:<13} {language} {name:<15} {e.message.splitlines()[0]}")
                continue
            status = response.status if response else 0
            if page.locator(".topbar").count():  # error pages may have none
                heights.add(round(page.locator(".topbar").bounding_box()["height"]))
            page.wait_for_load_state("networkidle")
            shot = SHOTS / f"{role}-{language}-{name}.png"
            try:
                page.screenshot(path=str(shot), full_page=True, timeout=10_000)
            except PlaywrightTimeout:  # a very tall page: its first screen is enough
                page.screenshot(path=str(shot), timeout=10_000)
            if status != 200:
                print(f"  {role:<13} {language} {name:<15} {status}")
        page.goto(f"{base}/")
        if page.locator(".topbar details.menu summary").count():  # the Administration menu, open
            page.click(".topbar details.menu summary")
            page.screenshot(path=str(SHOTS / f"{role}-{language}-menu-open.png"))
        tall = max(heights)
        verdict = "one line" if tall < ONE_LINE_PX else "WRAPS"
        print(f"{role:<13} {language}: top bar {sorted(heights)} px: {verdict}")
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    args = parser.parse_args()
    pages = archive(args.count)
    base = serve(args.port)
    SHOTS.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for role in args.roles.split(","):
            walk(browser, base, role, pages)
        browser.close()
    print(f"screenshots in {SHOTS}")


if __name__ == "__main__":
    main()
