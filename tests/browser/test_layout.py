"""How the pages look in Chromium at a laptop's 1280 px: the top bar on one line for every
role in both languages, a menu for the administrator's own pages, and the record printed
without the menu or the buttons."""

import pytest

from journeys.accounts.roles import Role
from journeys.archive.models import Interviewee, JourneyEvent
from journeys.demo.archive import demo_archive_create
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser

# What a top bar on one line leaves free at 1280 px, at least: room for a longer name, or a
# link more, before it wraps.
SPARE_PX = 60


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button.primary")
    give_code(page, base_url)
    page.wait_for_url(f"{base_url}/")


def in_language(page, base_url: str, lang: str) -> None:
    page.goto(f"{base_url}/")
    page.click(f".langswitch button[value={lang}]")
    page.wait_for_selector(f"html[lang={lang}]")


def spread_of_the_top_bar(page) -> float:
    """How far apart, in px, the middles of the bar's links, buttons and fields are: a few px
    on one line, a line's height (40 px or more) when anything wrapped."""
    return page.evaluate(
        """() => {
          const middles = [...document.querySelectorAll(
              '.topbar .brand, .mainnav > a, .mainnav summary, .tools input, .tools .langswitch button, .account')]
            .map(e => e.getBoundingClientRect())
            .filter(r => r.width > 0)
            .map(r => r.top + r.height / 2);
          return Math.max(...middles) - Math.min(...middles);
        }"""
    )


def spare_width(page) -> float:
    """The space between the last menu link and the tools on the right."""
    return page.evaluate(
        """() => document.querySelector('.tools').getBoundingClientRect().left
                 - document.querySelector('.mainnav').getBoundingClientRect().right"""
    )


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_the_top_bar_is_one_line_at_1280_px_in_both_languages(
    live_server, page, screenshot, staff, role
):
    user = staff(role)
    user.username = f"{role}-{'x' * (20 - len(role))}"  # a long name, 21 characters
    user.save()
    sign_in(page, live_server.url, user.username)
    for lang in ["ko", "en"]:
        in_language(page, live_server.url, lang)
        screenshot(f"topbar-{role}-{lang}")
        assert spread_of_the_top_bar(page) < 15, (lang, spread_of_the_top_bar(page))
        assert spare_width(page) >= SPARE_PX, (lang, spare_width(page))
        assert page.locator(".topbar").bounding_box()["height"] < 70
    assert page.errors == []


def test_the_administrators_own_pages_are_in_one_menu_that_closes_when_left(
    live_server, page, staff
):
    user = staff("administrator")
    sign_in(page, live_server.url, user.username)
    in_language(page, live_server.url, "en")
    audit = page.get_by_role("link", name="Audit trail")
    assert not audit.is_visible()
    page.click(".menu summary")
    assert audit.is_visible()
    assert page.get_by_role("link", name="Codebook").is_visible()
    page.mouse.click(1000, 500)  # anywhere else on the page
    assert not audit.is_visible()
    page.click(".menu summary")
    page.keyboard.press("Escape")
    assert not audit.is_visible()
    page.click(".menu summary")
    audit.click()
    page.wait_for_url(f"{live_server.url}/audit/")
    assert page.locator(".menu summary.current").is_visible()
    assert page.errors == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_printed_record_has_no_menu_and_no_buttons(live_server, page, screenshot, staff, lang):
    user = staff("interviewer")  # sees the record's buttons: add an interview, correct...
    demo_archive_create(count=2, seed=3, interviewers=[user])
    code = Interviewee.objects.order_by("code").first().code
    sign_in(page, live_server.url, user.username)
    in_language(page, live_server.url, lang)
    page.goto(f"{live_server.url}/archive/interviewees/{code}/")
    assert page.locator(".topbar").is_visible()
    assert page.locator(".actions .button").first.is_visible()

    page.emulate_media(media="print")
    screenshot(f"record-printed-{lang}")
    # What a click would act on: the menu, the buttons, a heading's "edit" or "correct", and a
    # consent's "record withdrawal" (the record page has no form of its own: withdrawing,
    # correcting and erasing open pages that confirm).
    for hidden in [".topbar", "main .button", "h2 > a", "h3 > a", ".consents a"]:
        shown = [e for e in page.locator(hidden).all() if e.is_visible()]
        assert page.locator(hidden).count() > 0, hidden
        assert shown == [], hidden
    assert page.locator("h1").inner_text() == code
    assert page.locator(".timeline li").first.is_visible()
    assert page.locator(".transcript .seg").first.is_visible()
    assert page.locator(".footer").is_visible()  # the duty of confidentiality, on paper too
    page.pdf(path=str(screenshot(f"record-printed-{lang}").with_suffix(".pdf")))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_facet_counts_stay_on_one_line_beside_long_labels(
    live_server, page, screenshot, staff, lang
):
    user = staff("publisher")
    demo_archive_create(count=30, seed=3, interviewers=[staff("interviewer")])
    sign_in(page, live_server.url, user.username)
    in_language(page, live_server.url, lang)
    page.goto(f"{live_server.url}/search/?q=")
    page.wait_for_selector(".facet .n")
    screenshot(f"search-facets-{lang}")
    # The text's own boxes: one per line it stands on (the span itself stretches with the row).
    counts = page.evaluate(
        """() => [...document.querySelectorAll('.facet .n')].map(n => {
             const text = document.createRange();
             text.selectNodeContents(n);
             const tops = new Set([...text.getClientRects()].map(r => Math.round(r.top)));
             return [n.textContent.trim(), tops.size];
           })"""
    )
    assert [c for c in counts if len(c[0]) >= 2], "no count of 10 or more to look at"
    wrapped = [text for text, lines in counts if lines > 1]
    assert wrapped == []


STYLE = [
    "padding-left",
    "padding-top",
    "border-top-width",
    "border-top-color",
    "border-top-left-radius",
    "color",
    "background-color",
    "font-size",
]


def style_of(page, selector: str) -> dict[str, str]:
    return page.locator(selector).first.evaluate(
        "(e, names) => Object.fromEntries(names.map(n => [n, getComputedStyle(e)[n]]))", STYLE
    )


def test_a_secondary_button_looks_like_a_secondary_link_button(live_server, page, staff):
    user = staff("interviewer")
    demo_archive_create(count=1, seed=3, interviewers=[user])
    interviewee = Interviewee.objects.get()
    sign_in(page, live_server.url, user.username)
    page.goto(f"{live_server.url}/archive/interviewees/{interviewee.code}/")
    link = style_of(page, ".actions a.button.secondary")
    page.goto(
        f"{live_server.url}/archive/interviews/{interviewee.interviews.first().pk}/transcript/"
    )
    button = style_of(page, "button.secondary[data-add-segment]")
    assert button == link
    assert button["border-top-width"] == "1px"
    assert button["border-top-color"] == button["color"]  # outlined in the accent colour


def test_the_event_removal_page_shows_each_detail_beside_its_name(
    live_server, page, screenshot, staff
):
    user = staff("interviewer")
    demo_archive_create(count=1, seed=3, interviewers=[user])
    event = JourneyEvent.objects.order_by("pk").first()
    sign_in(page, live_server.url, user.username)
    page.goto(f"{live_server.url}/archive/events/{event.pk}/delete/")
    screenshot("event-remove-ko")
    name, value = page.locator("#event-delete dt").first, page.locator("#event-delete dd").first
    # A bare <dl> put "Stage" on one line and its value, indented, on the next.
    assert abs(name.bounding_box()["y"] - value.bounding_box()["y"]) < 4
    assert page.errors == []


def test_the_audit_filters_stand_on_one_line_beside_a_field_with_help(
    live_server, page, screenshot, staff
):
    user = staff("administrator")
    sign_in(page, live_server.url, user.username)
    page.goto(f"{live_server.url}/audit/")
    screenshot("audit-filters-ko")
    tops = page.evaluate(
        """() => [...document.querySelectorAll('form.filters .field > input')]
                 .map(e => Math.round(e.getBoundingClientRect().top))"""
    )
    assert len(tops) >= 4
    # The action's field has a line of help below it: its box stood 40 px higher.
    assert max(tops) - min(tops) < 3, tops
    assert page.errors == []
