"""An administrator adds a member of staff as a person would, from the menu, in Korean; the
new member signs in with the password shown once and sets up her app."""

import pytest

from journeys.accounts.models import User
from tests.browser.test_content_security_policy import sign_in

pytestmark = pytest.mark.browser


def open_the_administration_menu(page) -> None:
    """The administrator's own pages are in the top bar's Administration menu (관리): a
    person opens it before she can click one of them."""
    page.click("nav.mainnav details.menu summary")
    page.wait_for_selector("nav.mainnav details.menu[open] .menu-panel a")


def test_an_administrator_adds_a_coder_who_then_signs_in(live_server, page, screenshot, staff):
    staff("administrator")
    sign_in(page, live_server.url, "administrator-b")
    open_the_administration_menu(page)
    page.click("nav.mainnav .menu-panel a[href='/accounts/users/']")
    page.click("a[href='/accounts/users/new/']")
    page.fill("#id_username", "new-coder-b")
    page.select_option("#id_role", "coder")
    page.click("form button.primary")
    password = page.inner_text("code.one-time-password")
    screenshot("staff-password-once-ko")
    assert "계정(코더)을 만들었습니다" in page.inner_text("main")
    assert User.objects.get(username="new-coder-b").role == "coder"
    page.click("form[action='/accounts/logout/'] button")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "new-coder-b")
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{live_server.url}/accounts/code/setup/")
    assert page.errors == []


def test_the_menu_leads_the_administrator_to_the_vault_policy(live_server, page, staff):
    staff("administrator")
    sign_in(page, live_server.url, "administrator-b")
    open_the_administration_menu(page)
    page.click("nav.mainnav .menu-panel a[href='/vault/policy/']")
    page.wait_for_url(f"{live_server.url}/vault/policy/")
    assert page.locator("input[name=interviewers_may_reveal]").is_visible()
    assert page.errors == []
