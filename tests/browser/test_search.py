"""The search page in a real browser: the header box, suggestions, facets swapped by htmx."""

import pytest

from journeys.demo.archive import demo_archive_create
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_publisher_searches_from_the_header_and_narrows_by_a_facet(
    live_server, page, screenshot, staff, lang
):
    staff("publisher")
    demo_archive_create(count=30, seed=3, interviewers=[staff("interviewer")])
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", "publisher-b")
    page.fill("#id_password", PASSWORD)
    page.click("form button.primary")
    give_code(page, live_server.url)
    page.wait_for_url(f"{live_server.url}/")

    page.fill("#searchbox-q", "중국 집결소")
    page.press("#searchbox-q", "Enter")
    page.wait_for_selector(".hit mark")
    assert page.locator(".hit").count() > 0
    screenshot(f"search-results-{lang}")

    page.locator(".facet a").first.click()
    page.wait_for_selector(".facet li.selected")
    assert "f=" in page.url

    page.fill("#id_q", "Hyes")
    page.wait_for_selector(".suggestions a")
    assert "Hyesan" in page.locator(".suggestions").inner_text()
    screenshot(f"search-suggestions-{lang}")
    assert page.errors == []
