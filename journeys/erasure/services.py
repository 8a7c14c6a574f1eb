"""Erasure of a woman's whole record at her request (crypto-shredding).

It reaches into every app that holds something of her (the archive, the vault, releases,
the search index, the fact table, the keys), so it lives above them all: no app imports it
but its own pages and the restore, which erases again what a later erasure destroyed.
"""

import secrets
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from journeys.accounts.roles import Role
from journeys.archive.models import Interview, Interviewee
from journeys.audit.services import audit_record
from journeys.keys import crypto, keyring
from journeys.keys.sealing import record_key
from journeys.protection.models import TextRelease
from journeys.search.services import interviewee_documents_delete
from journeys.vault.models import Identity

MIN_REASON = 10


def interviewee_erase(
    *, acting_user, interviewee: Interviewee, reason: str, confirmation: str
) -> str:
    """Erase her whole record at her request: interviews, transcripts, journey, consent,
    reviews and released versions, her identity, her search documents and statistics facts,
    and her data key (crypto-shredding). The data key's fingerprint goes into keys.json
    first, so that a backup made before, restored, does not bring her back (see
    docs/threat-model.md). The trail keeps that it happened (her code, the time, who and
    why), never what was erased. Returns her code."""
    if acting_user.role != Role.ADMINISTRATOR or acting_user.team_id != interviewee.team_id:
        raise PermissionDenied
    errors: dict = {}
    if confirmation.strip() != interviewee.code:
        errors["confirmation"] = _("Type her code, %(code)s, to confirm.") % {
            "code": interviewee.code
        }
    if len(reason.strip()) < MIN_REASON:
        errors["reason"] = _("Say why her record is erased (at least %(count)s characters).") % {
            "count": MIN_REASON
        }
    if errors:
        raise ValidationError(errors)
    code, data_key = interviewee.code, interviewee.data_key
    fingerprint = crypto.fingerprint(record_key(data_key))
    keyring.erased_add([{"key": fingerprint, "code": code, "on": timezone.now().isoformat()}])
    try:
        with transaction.atomic():
            erase_rows(interviewee)
            audit_record(
                actor=acting_user,
                action="archive.interviewee.erased",
                target=("archive.interviewee", code),
                detail={"code": code, "reason": reason.strip()[:500]},
            )
    except BaseException:
        keyring.erased_remove(fingerprint)
        raise
    return code


def erase_rows(interviewee: Interviewee) -> None:
    """Delete every row of hers, then her data key, overwritten first (call inside a
    transaction). What other tables hold of her goes with her rows: facts and consent by
    cascade, the search index here."""
    interviews = Interview.objects.filter(interviewee=interviewee)
    TextRelease.objects.filter(interview__in=interviews).delete()
    Identity.objects.filter(interviewee=interviewee).delete()
    interviewee_documents_delete(interviewee.pk)
    interviews.delete()  # segments, events, consents and reviews cascade
    data_key = interviewee.data_key
    interviewee.delete()  # her facts cascade
    # Overwritten before the delete, so the wrapped key is not left whole in a free page.
    data_key.wrapped = secrets.token_bytes(len(bytes(data_key.wrapped)))
    data_key.save(update_fields=["wrapped"])
    data_key.delete()


def erasures_reapply(erased: Iterable[dict]) -> list[str]:
    """After a restore: erase again every record whose data key an erasure destroyed (call
    inside the restore's transaction). Returns the codes erased."""
    wanted = {entry["key"] for entry in erased}
    if not wanted:
        return []
    codes = []
    for interviewee in Interviewee.objects.select_related("data_key").order_by("pk"):
        if crypto.fingerprint(record_key(interviewee.data_key)) in wanted:
            codes.append(interviewee.code)
            erase_rows(interviewee)
    return codes
