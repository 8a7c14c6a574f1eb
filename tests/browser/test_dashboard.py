"""A researcher narrows the dashboard to one province in Chromium: htmx swaps the figures,
the Hangul charts draw, and the Content-Security-Policy refuses nothing."""

import pytest

from journeys.demo.archive import demo_archive_create
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser


def test_a_researcher_filters_the_dashboard_by_province(live_server, page, screenshot, staff):
    demo_archive_create(count=120, seed=3, interviewers=[staff("interviewer")])
    researcher = staff("researcher")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", researcher.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, live_server.url)

    page.goto(f"{live_server.url}/reports/")
    assert page.locator("#results svg").count() >= 10
    page.select_option("#id_province", label="함경북도 (North Hamgyong)")
    page.wait_for_url("**province=**")
    page.wait_for_load_state("networkidle")
    screenshot("reports-dashboard-ko")
    assert "함경북도" in page.inner_text("#results")
    assert page.errors == []
