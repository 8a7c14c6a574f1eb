"""The vault policy is each team's own: its administrator sets it, after a recent sign-in,
and the change and its audit entry are saved together or not at all."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from journeys.accounts.models import Team, User
from journeys.audit.models import AuditEntry, AuditHead
from journeys.audit.services import audit_record
from journeys.vault import identity
from journeys.vault.models import VaultPolicy
from journeys.vault.services import vault_policy_set
from tests.accounts.helpers import sign_in
from tests.accounts.test_reauth import confirmed_minutes_ago


@pytest.fixture
def partner(db):
    team = Team.objects.create(name="Fictional partner office")
    return User.objects.create(username="partner-admin", role="administrator", team=team)


def allow(client) -> None:
    client.post(reverse("vault:policy"), {"interviewers_may_reveal": "on"})


def test_a_partner_administrator_changes_only_her_own_teams_policy(client, users, partner):
    allow(sign_in(client, partner))
    assert VaultPolicy.of_team(partner.team_id).interviewers_may_reveal
    assert not VaultPolicy.of_team(None).interviewers_may_reveal


def test_the_main_teams_interviewer_may_not_reveal_after_a_partner_allows_it(
    client, users, partner, interview
):
    allow(sign_in(client, partner))
    assert not identity.may_reveal(users["interviewer"], interview.interviewee)
    allow(sign_in(client, users["administrator"]))
    assert identity.may_reveal(users["interviewer"], interview.interviewee)


def test_the_page_shows_the_administrators_own_teams_policy(client, users, partner):
    VaultPolicy.objects.create(team=None, interviewers_may_reveal=True)
    page = sign_in(client, partner).get(reverse("vault:policy")).content.decode()
    assert 'name="interviewers_may_reveal" checked' not in page
    page = sign_in(Client(), users["administrator"]).get(reverse("vault:policy"))
    assert 'name="interviewers_may_reveal" checked' in page.content.decode()


def test_a_policy_change_is_audited_with_its_team(client, users, partner):
    allow(sign_in(client, partner))
    entry = AuditEntry.objects.get(action="vault.policy.changed")
    policy = VaultPolicy.objects.get(team=partner.team)
    assert (entry.actor, entry.target_type, entry.target_id) == (
        partner,
        "vault.vaultpolicy",
        str(policy.pk),
    )
    assert entry.detail == {"interviewers_may_reveal": True}


def test_the_policy_asks_for_password_and_code_after_five_minutes(client, users):
    sign_in(client, users["administrator"])
    confirmed_minutes_ago(client, 6)
    response = client.post(reverse("vault:policy"), {"interviewers_may_reveal": "on"})
    assert response["Location"].startswith(reverse("accounts:reauth"))
    assert not VaultPolicy.of_team(None).interviewers_may_reveal
    assert not AuditEntry.objects.filter(action="vault.policy.changed").exists()


def test_without_its_audit_entry_the_policy_does_not_change(users):
    audit_record(actor=users["administrator"], action="test.entry")
    AuditHead.objects.all().delete()  # the trail now refuses every entry
    client = sign_in(Client(raise_request_exception=False), users["administrator"])
    client.post(reverse("vault:policy"), {"interviewers_may_reveal": "on"})
    assert not VaultPolicy.of_team(None).interviewers_may_reveal


def test_only_an_administrator_sets_a_policy(users):
    with pytest.raises(PermissionDenied):
        vault_policy_set(acting_user=users["custodian"], interviewers_may_reveal=True)
    assert not VaultPolicy.objects.exists()


def test_the_migration_gives_every_existing_team_the_global_policy_it_had(db):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("journeys.vault.migrations.0003_policy_per_team")
    VaultPolicy.objects.create(team=None, interviewers_may_reveal=True)
    teams = [Team.objects.create(name=f"Fictional office {n}") for n in (1, 2)]
    migration.copy_the_global_policy_to_every_team(apps, None)
    assert all(VaultPolicy.of_team(team.pk).interviewers_may_reveal for team in teams)
    assert VaultPolicy.of_team(None).interviewers_may_reveal
    assert VaultPolicy.objects.count() == 3


def test_one_team_has_one_policy_row_the_main_team_too(db):
    from django.db import IntegrityError, transaction

    VaultPolicy.objects.create(team=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        VaultPolicy.objects.create(team=None)
