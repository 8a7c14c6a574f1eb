"""The Content-Security-Policy in a real browser: the pages work under it, and it really stops
what it is there to stop (an injected inline handler does not run)."""

import pytest

from journeys.codebook.models import Kind
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser

PAGES = ["/", "/codebook/", "/archive/interviewees/", "/accounts/users/", "/audit/"]


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, base_url)
    page.wait_for_url(f"{base_url}/")


def test_the_pages_work_under_the_policy_and_it_blocks_injected_script(live_server, page, staff):
    staff("administrator")
    sign_in(page, live_server.url, "administrator-b")
    for path in PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert "script-src 'self'" in response.headers["content-security-policy"], path
    assert page.errors == []

    # The codebook's kind filter submits itself (journeys.js, no inline handler).
    page.goto(f"{live_server.url}/codebook/")
    page.select_option("#kind", Kind.FACILITY)
    page.wait_for_url(f"**/codebook/?kind={Kind.FACILITY}**")
    assert page.locator("#kind").input_value() == Kind.FACILITY

    # htmx filtering swaps the results, injects no style element, and keeps no copy of the
    # page in localStorage.
    page.goto(f"{live_server.url}/archive/interviewees/")
    page.fill("#id_born_from", "1970")
    page.locator("#id_born_from").dispatch_event("change")
    page.wait_for_url("**born_from=1970**")
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    assert page.evaluate("localStorage.getItem('htmx-history-cache')") is None
    assert page.errors == []

    # What the policy is for: markup injected into the page cannot run script.
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', "
        '\'<img src="/nothing.png" onerror="window.injected = true">\')'
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected === undefined")
    assert any("Content Security Policy" in error for error in page.errors)
