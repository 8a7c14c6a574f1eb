"""A code typed in the header's search box, or in the search page's, opens the record."""

import pytest

from journeys.archive.models import Interviewee
from journeys.demo.archive import demo_archive_create
from tests.browser.test_layout import sign_in

pytestmark = pytest.mark.browser


def test_a_researcher_types_a_code_and_the_record_opens(live_server, page, staff):
    user = staff("researcher")
    demo_archive_create(count=3, seed=3, interviewers=[staff("interviewer")])
    code = Interviewee.objects.order_by("code").last().code
    sign_in(page, live_server.url, user.username)

    page.fill("#searchbox-q", code.lower().replace("-", ""))
    page.press("#searchbox-q", "Enter")
    page.wait_for_url(f"{live_server.url}/archive/interviewees/{code}/")
    assert page.locator("h1").inner_text() == code

    page.goto(f"{live_server.url}/search/")
    page.fill("#id_q", code)
    page.click(".search-form button.primary")  # htmx asks the browser to go to the record
    page.wait_for_url(f"{live_server.url}/archive/interviewees/{code}/")
    assert page.errors == []
