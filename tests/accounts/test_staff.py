"""An administrator manages her team's staff from the pages: adds an account, changes a role,
resets a password. Each is audited, asks for a recent sign-in, and stays inside her team."""

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse

from journeys.accounts.models import Team, User, UserSession
from journeys.audit.models import AuditEntry
from tests.accounts.helpers import sign_in
from tests.accounts.test_reauth import confirmed_minutes_ago
from tests.audit.helpers import assert_audited


@pytest.fixture
def admin_client(client, users):
    client.cookies["journeys_language"] = "en"
    return sign_in(client, users["administrator"])


@pytest.fixture
def korean_admin_client(client, users):
    client.cookies["journeys_language"] = "ko"
    return sign_in(client, users["administrator"])


def test_an_administrator_adds_an_account_and_sees_its_password_once(admin_client, users):
    response = admin_client.post(
        reverse("accounts:user_add"), {"username": "mina", "role": "coder"}
    )
    assert response.status_code == 200
    password = response.context["password"]
    assert password in response.content.decode()
    mina = User.objects.get(username="mina")
    assert (mina.role, mina.team_id, mina.is_active) == ("coder", None, True)
    assert authenticate(username="mina", password=password) == mina
    entry = assert_audited(
        "accounts.user.created", mina, actor=users["administrator"], role="coder"
    )
    # Shown once: the staff page and the audit trail never carry it.
    assert password not in admin_client.get(reverse("accounts:user_list")).content.decode()
    assert password not in str(entry.detail)


def test_a_new_account_joins_the_administrators_team(client, db):
    team = Team.objects.create(name="Fictional partner office")
    admin = User.objects.create(username="partner-admin", role="administrator", team=team)
    sign_in(client, admin)
    client.post(reverse("accounts:user_add"), {"username": "partner-coder", "role": "coder"})
    assert User.objects.get(username="partner-coder").team == team


def test_a_taken_user_name_is_refused_in_the_pages_language(korean_admin_client, users):
    response = korean_admin_client.post(
        reverse("accounts:user_add"), {"username": "coder", "role": "coder"}
    )
    assert response.status_code == 200
    assert "이미 사용 중인 사용자 이름입니다." in response.content.decode()
    assert User.objects.filter(username="coder").count() == 1
    assert not AuditEntry.objects.filter(action="accounts.user.created").exists()


def test_an_unknown_role_or_a_bad_user_name_changes_nothing(admin_client):
    before = User.objects.count()
    response = admin_client.post(
        reverse("accounts:user_add"), {"username": "has space", "role": "king"}
    )
    assert response.status_code == 200
    assert "king is not one of the available choices" in response.content.decode()
    response = admin_client.post(
        reverse("accounts:user_add"), {"username": "has space", "role": "coder"}
    )
    assert "Enter a valid username" in response.content.decode()
    assert User.objects.count() == before


def test_a_new_account_has_no_role_until_the_administrator_picks_one(korean_admin_client):
    # Preselecting the first role made a careless "Add" create another administrator.
    page = korean_admin_client.get(reverse("accounts:user_add")).content.decode()
    assert '<option value="" selected>' in page
    assert '<option value="administrator" selected>' not in page
    before = User.objects.count()
    response = korean_admin_client.post(
        reverse("accounts:user_add"), {"username": "mina", "role": ""}
    )
    assert response.status_code == 200
    assert "필수 항목입니다." in response.content.decode()
    assert User.objects.count() == before


def test_an_administrator_changes_a_role_and_it_is_audited(admin_client, users):
    response = admin_client.post(
        reverse("accounts:user_role", args=["coder"]), {"role": "researcher"}
    )
    assert response.status_code == 302
    users["coder"].refresh_from_db()
    assert users["coder"].role == "researcher"
    entry = assert_audited(
        "accounts.user.role_changed", users["coder"], actor=users["administrator"]
    )
    assert entry.detail == {"from": "coder", "to": "researcher"}


def test_an_administrator_cannot_change_her_own_role(korean_admin_client, users):
    response = korean_admin_client.post(
        reverse("accounts:user_role", args=["administrator"]), {"role": "coder"}
    )
    assert response.status_code == 200
    assert "자신의 역할은 바꿀 수 없습니다." in response.content.decode()
    users["administrator"].refresh_from_db()
    assert users["administrator"].role == "administrator"


def test_a_password_reset_ends_every_session_and_gives_a_new_password_once(admin_client, users):
    coder = users["coder"]
    coder.set_password("the-old-password-of-a-fictional-coder")
    coder.save()
    sign_in(Client(), coder)
    assert UserSession.objects.filter(user=coder).exists()
    url = reverse("accounts:user_password_reset", args=["coder"])
    assert admin_client.get(url).status_code == 200  # the confirmation, nothing done yet
    assert authenticate(username="coder", password="the-old-password-of-a-fictional-coder")
    response = admin_client.post(url)
    password = response.context["password"]
    assert authenticate(username="coder", password=password) == coder
    assert authenticate(username="coder", password="the-old-password-of-a-fictional-coder") is None
    assert not UserSession.objects.filter(user=coder).exists()
    assert_audited("accounts.user.password_reset", coder, actor=users["administrator"])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("accounts:user_add", {"username": "late", "role": "coder"}),
        ("accounts:user_role", {"role": "researcher"}),
        ("accounts:user_password_reset", {}),
    ],
)
def test_staff_changes_ask_for_password_and_code_after_five_minutes(
    admin_client, users, name, data
):
    confirmed_minutes_ago(admin_client, 6)
    url = reverse(name) if name == "accounts:user_add" else reverse(name, args=["coder"])
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:reauth"))
    users["coder"].refresh_from_db()
    assert users["coder"].role == "coder"
    assert not User.objects.filter(username="late").exists()
    assert not AuditEntry.objects.filter(action__startswith="accounts.user.").exists()


def test_the_administrators_menu_links_the_staff_and_vault_policy_pages(admin_client):
    page = admin_client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("accounts:user_list")}"' in page
    assert f'href="{reverse("vault:policy")}"' in page


def test_no_other_role_sees_those_menu_links(client, users):
    sign_in(client, users["publisher"])
    page = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("accounts:user_list")}"' not in page
    assert f'href="{reverse("vault:policy")}"' not in page


@pytest.mark.parametrize(
    ("name", "args", "korean"),
    [
        ("accounts:user_list", [], "직원 계정 추가"),
        ("accounts:user_add", [], "계정은 내 팀에 추가됩니다."),
        ("accounts:user_role", ["coder"], "coder 님의 역할"),
        ("accounts:user_password_reset", ["coder"], "coder 님의 비밀번호를 재설정할까요?"),
    ],
)
def test_the_staff_pages_speak_korean(korean_admin_client, users, name, args, korean):
    page = korean_admin_client.get(reverse(name, args=args)).content.decode()
    assert korean in page


def test_the_one_time_password_page_speaks_korean(korean_admin_client, users):
    response = korean_admin_client.post(
        reverse("accounts:user_add"), {"username": "mina", "role": "coder"}
    )
    assert "mina 계정(코더)을 만들었습니다." in response.content.decode()


def test_only_an_administrator_may_use_the_staff_services(users):
    from django.core.exceptions import PermissionDenied

    from journeys.accounts import services

    with pytest.raises(PermissionDenied):
        services.user_add(acting_user=users["coder"], username="late", role="coder")
    with pytest.raises(PermissionDenied):
        services.user_role_change(
            acting_user=users["coder"], user=users["researcher"], role="administrator"
        )
    with pytest.raises(PermissionDenied):
        services.user_password_reset(acting_user=users["coder"], user=users["researcher"])
    users["researcher"].refresh_from_db()
    assert users["researcher"].role == "researcher"
    assert not User.objects.filter(username="late").exists()


def test_a_service_refuses_an_account_of_another_team(users):
    from django.core.exceptions import PermissionDenied

    from journeys.accounts import services

    partner = Team.objects.create(name="Fictional partner office")
    admin = User.objects.create(username="partner-admin", role="administrator", team=partner)
    for change in (
        lambda: services.user_role_change(acting_user=admin, user=users["coder"], role="coder"),
        lambda: services.user_password_reset(acting_user=admin, user=users["coder"]),
        lambda: services.user_disable(acting_user=admin, user=users["coder"]),
        lambda: services.user_second_factor_reset(acting_user=admin, user=users["coder"]),
    ):
        with pytest.raises(PermissionDenied):
            change()
    users["coder"].refresh_from_db()
    assert users["coder"].is_active
