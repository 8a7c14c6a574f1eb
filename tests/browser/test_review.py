"""A publisher reviews a testimony with the keyboard, releases it and chooses an excerpt, in
Korean and in English."""

import datetime as dt

import pytest

from journeys.archive import services
from journeys.codebook.models import Term
from journeys.protection.models import Excerpt, TextRelease
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_publisher_reviews_releases_and_quotes(live_server, page, screenshot, staff, lang):
    interviewer, publisher = staff("interviewer"), staff("publisher")
    person = services.interviewee_create(
        acting_user=interviewer,
        birth_year=1975,
        home_province=Term.objects.get(code="kp-ryanggang"),
    )
    interview = services.interview_create(
        acting_user=interviewer,
        interviewee=person,
        date=dt.date(2018, 9, 1),
        interviewer=interviewer,
        language="ko+en",
        consents={"record": True, "quote": True},
    )
    services.transcript_save(
        acting_user=interviewer,
        interview=interview,
        segments=[
            services.SegmentInput(
                text_ko="브로커 김철수가 혜산에서 저를 데려갔어요.",
                text_en="The broker Kim Chol-su took me from Hyesan.",
            )
        ],
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", publisher.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, live_server.url)

    page.goto(f"{live_server.url}/protection/interviews/{interview.pk}/review/")
    assert page.locator("mark.pii").count() >= 4
    screenshot(f"review-{lang}")
    # j focuses the first detail, r rejects it; the page reloads with the decision shown
    page.keyboard.press("j")
    first = page.locator("tr.detail").first.get_attribute("data-key")
    page.keyboard.press("r")
    page.wait_for_selector(f'tr.detail.reject[data-key="{first}"]')
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.wait_for_load_state()
    page.click("form.actions button.primary")  # mark every segment reviewed
    page.click("#release button[value=quote]")
    page.wait_for_url(f"{live_server.url}/protection/releases/**")
    text = page.inner_text("#excerpts")
    assert "김철수" not in text or first.endswith("김철수")
    assert "Hyesan" not in text or first.endswith("Hyesan")
    page.click("#excerpts form button")
    page.wait_for_selector("#excerpts button[aria-pressed=true]")
    screenshot(f"release-{lang}")
    assert Excerpt.objects.filter(release=TextRelease.objects.get()).count() == 1
    assert page.errors == []
