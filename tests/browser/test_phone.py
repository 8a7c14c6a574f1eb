"""The pages a coder or researcher reads most, on a phone-sized screen, in both languages."""

import datetime as dt

import pytest

from journeys.archive import services
from journeys.codebook.models import Term
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def a_coded_journey(user):
    def term(kind, code):
        return Term.objects.get(kind=kind, code=code)

    person = services.interviewee_create(
        acting_user=user, birth_year=1969, home_province=term("place", "kp-hamgyongbuk")
    )
    interview = services.interview_create(
        acting_user=user,
        interviewee=person,
        date=dt.date(2016, 8, 9),
        interviewer=user,
        language="ko+en",
        consents={"record": True, "quote": True},
    )
    steps = [
        ("leaving", "crossing", "kp-hamgyongbuk-musan", 1999, ()),
        ("china", "sold", "cn-jilin-yanbian", 1999, (("violation", "deception"),)),
        ("caught", "repatriation", "kp-hamgyongbuk-onsong", 2002, ()),
        ("south_korea", "arrival", "kr-seoul", 2008, ()),
    ]
    for stage, event_type, place, year, codes in steps:
        services.event_add(
            acting_user=user,
            interview=interview,
            data=services.EventInput(
                stage=term("stage", stage),
                event_type=term("event_type", event_type),
                place=term("place", place),
                start_year=year,
                codes=tuple(term(*c) for c in codes),
            ),
        )
    services.transcript_save(
        acting_user=user,
        interview=interview,
        segments=[
            services.SegmentInput(
                text_ko="저는 1999년 겨울에 무산에서 강을 건넜습니다. 중국 연변으로 팔려 갔습니다.",
                text_en="I crossed the river at Musan in the winter of 1999. I was sold into Yanbian.",
            )
        ],
    )
    return person


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path", ["/archive/interviewees/", "/archive/interviewees/W-0001/", "/"])
def test_pages_fit_a_phone_screen_without_sideways_scrolling(
    live_server, browser, staff, lang, path
):
    user = staff("interviewer")
    a_coded_journey(user)
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, live_server.url)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}{path}")
    name = "home" if path == "/" else path.strip("/").replace("/", "-")
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-{name}-{lang}.png"), full_page=True)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0
