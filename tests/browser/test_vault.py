"""The custodian finds a woman by her name in another spelling and reveals her identity, with
a reason, in Korean and in English."""

import datetime as dt

import pytest

from journeys.archive import services
from journeys.audit import reasons
from journeys.audit.models import AuditEntry
from journeys.codebook.models import Term
from journeys.vault import identity
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_custodian_looks_up_and_reveals_an_identity(live_server, page, screenshot, staff, lang):
    interviewer, custodian = staff("interviewer"), staff("custodian")
    person = services.interviewee_create(
        acting_user=interviewer,
        birth_year=1968,
        home_province=Term.objects.get(code="kp-ryanggang"),
    )
    services.interview_create(
        acting_user=interviewer,
        interviewee=person,
        date=dt.date(2017, 6, 2),
        interviewer=interviewer,
        language="ko",
        consents={"record": True},
    )
    identity.identity_save(
        acting_user=interviewer,
        interviewee=person,
        data=identity.IdentityData(names=["량순희", "Ryang Sun-hui"], birth_date="1968-04-01"),
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", custodian.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, live_server.url)

    page.goto(f"{live_server.url}/vault/")
    page.select_option("#id_kind", "name")
    page.fill("#id_value", "양순희")  # the South Korean spelling finds the North Korean one
    page.press("#id_value", "Enter")
    screenshot(f"vault-lookup-{lang}")
    page.click(f"a:has-text('{person.code}')")

    assert "량순희" not in page.content()
    page.fill("#id_reason", "Family reunification request, case 7")
    page.click("form button.primary")
    page.wait_for_selector("#identity")
    screenshot(f"vault-reveal-{lang}")
    assert "량순희" in page.inner_text("#identity")
    assert page.errors == []
    entry = AuditEntry.objects.get(action="vault.identity.revealed")
    assert entry.actor == custodian
    # Sealed in the trail; the administrators' audit page opens it (tests/audit).
    assert "Family reunification" not in entry.detail_text
    assert reasons.reasons_opened([entry]) == {entry.seq: "Family reunification request, case 7"}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_custodian_corrects_an_identity_in_a_form_filled_in_with_it(
    live_server, page, screenshot, staff, lang
):
    interviewer, custodian = staff("interviewer"), staff("custodian")
    person = services.interviewee_create(
        acting_user=interviewer,
        birth_year=1970,
        home_province=Term.objects.get(code="kp-hamgyongbuk"),
    )
    identity.identity_save(
        acting_user=interviewer,
        interviewee=person,
        data=identity.IdentityData(
            names=["고침순녀"],
            birth_date="1970",
            contacts=[identity.Contact("phone", "+86 131 0000 2468")],
        ),
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", custodian.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, live_server.url)

    page.goto(f"{live_server.url}/vault/")
    page.fill("#id_code", person.code)
    page.press("#id_code", "Enter")
    page.fill("#id_reason", "She called with a new number")
    page.click("form button.primary")
    page.wait_for_selector("#contacts")
    assert page.input_value("#id_contacts-0-value") == "+86 131 0000 2468"
    page.fill("#id_contacts-0-value", "+86 131 0000 9999")
    page.select_option("#id_family-0-in_north", "unknown")
    page.fill("#id_family-0-name", "고침철수")
    page.fill("#id_family-0-relation", "brother")
    screenshot(f"vault-correct-{lang}")
    page.click("form button.primary")
    page.wait_for_url(f"{live_server.url}/vault/")

    assert page.errors == []
    kept = identity.identity_reveal(
        acting_user=custodian, interviewee=person, reason="checking the browser test"
    )
    assert kept.contacts == [identity.Contact("phone", "+86 131 0000 9999")]
    assert kept.family == [identity.Relative("고침철수", "brother", "", None)]
    entry = AuditEntry.objects.get(action="vault.identity.changed")
    assert entry.detail == {"changed": ["contacts", "family"]}
