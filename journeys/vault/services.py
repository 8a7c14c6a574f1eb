"""Writes to the vault's settings. The identities' own writes are in journeys.vault.identity."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from journeys.accounts.roles import Role
from journeys.audit.services import audit_record
from journeys.vault.models import VaultPolicy


def vault_policy_set(*, acting_user, interviewers_may_reveal: bool) -> VaultPolicy:
    """An administrator sets her own team's vault policy; no other team's changes. The change
    and its audit entry are one transaction: no policy changes unrecorded."""
    if acting_user.role != Role.ADMINISTRATOR:
        raise PermissionDenied
    with transaction.atomic():
        policy = VaultPolicy.objects.select_for_update().filter(team_id=acting_user.team_id).first()
        if policy is None:
            policy = VaultPolicy(team_id=acting_user.team_id)
        policy.interviewers_may_reveal = bool(interviewers_may_reveal)
        policy.save()
        audit_record(
            actor=acting_user,
            action="vault.policy.changed",
            target=policy,
            detail={"interviewers_may_reveal": policy.interviewers_may_reveal},
        )
    return policy
