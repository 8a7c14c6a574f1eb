"""Appending to the audit trail.

Callers write the entry inside the transaction of the action it records: if the action rolls
back, so does its entry, and an action cannot be committed without its entry. When the entry
cannot be written (locked keys, a damaged head), the action fails too: no trail, no access.
"""

import ipaddress
import re
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from journeys.audit import chain
from journeys.audit.models import GENESIS, AuditEntry, AuditHead
from journeys.keys import keyring

ACTION_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
MAX_ACTION = 100
MAX_TARGET = 100
# Detail is for codes, counts and reasons. A cap keeps anyone from pouring a testimony into
# the trail, which every administrator can read.
MAX_DETAIL_CHARS = 2000
MAX_PATH_CHARS = 200

Actor = models.Model | AnonymousUser | str | None
Target = models.Model | tuple[str, Any] | None


class AuditError(Exception):
    """The trail cannot take an entry; the action that needed one must not go ahead."""


def audit_record(
    *,
    actor: Actor,
    action: str,
    target: Target = None,
    detail: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one entry, in the caller's transaction when there is one.

    actor: the user acting; a string for someone with no account (the name typed at a failed
    sign-in, or a command's name); None or an anonymous user for nobody known.
    target: a model instance (its app_label.model and pk) or a (type, id) pair.
    detail: a JSON-able dict of codes, counts and reasons; never protected content.

    Call it last in the caller's transaction: the head stays locked until that transaction
    ends, so every other audited action waits meanwhile, and taking the head after the
    caller's other row locks keeps the lock order the same everywhere (no deadlocks).
    """
    fields = _entry_fields(actor, action, target, detail, request)
    key = _key()  # before the lock: unlocking the keyring may take a second
    with transaction.atomic():
        head = _locked_head()
        entry = AuditEntry(seq=head.seq + 1, at=timezone.now(), prev_hmac=head.hmac, **fields)
        entry.hmac = chain.seal(key, message_of(entry))
        entry.save(force_insert=True)
        head.seq, head.hmac = entry.seq, entry.hmac
        head.save(update_fields=["seq", "hmac"])
    return entry


def audit_refusal(request: HttpRequest, reason: str) -> AuditEntry:
    """Record that a request was refused (wrong role, missing second factor, ...)."""
    detail = {"reason": reason, "method": request.method, "path": request.path[:MAX_PATH_CHARS]}
    return audit_record(
        actor=getattr(request, "user", None),
        action="access.refused",
        detail=detail,
        request=request,
    )


def message_of(entry: AuditEntry) -> bytes:
    return chain.entry_message(
        prev_hmac=entry.prev_hmac,
        seq=entry.seq,
        at=entry.at,
        actor_id=entry.actor_id,
        actor_name=entry.actor_name,
        action=entry.action,
        target_type=entry.target_type,
        target_id=entry.target_id,
        detail=entry.detail,
        address=entry.address,
    )


def _key() -> bytes:
    try:
        return chain.audit_key()
    except keyring.KeyringError as e:
        raise AuditError(str(e)) from e


def _locked_head() -> AuditHead:
    # select_for_update() makes concurrent appends on PostgreSQL wait here for the head; on
    # SQLite it is a no-op and BEGIN IMMEDIATE has already taken the database's write lock.
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    return head if head is not None else _first_head()


def _first_head() -> AuditHead:
    """Start the chain. Only an empty trail may start one: a missing head over existing
    entries means damage, and appending would hide it."""
    try:
        with transaction.atomic():
            AuditHead.objects.create(pk=1, seq=0, hmac=GENESIS)
            if AuditEntry.objects.exists():
                raise AuditError(
                    _("The audit trail has entries but no head: run `journeys audit verify`.")
                )
    except IntegrityError:
        pass  # another connection started the chain first (PostgreSQL made us wait for it)
    return AuditHead.objects.select_for_update().get(pk=1)


def _entry_fields(
    actor: Actor, action: str, target: Target, detail: dict | None, request: HttpRequest | None
) -> dict:
    """Validate before taking the lock: a programming mistake must not hold up everybody."""
    if len(action) > MAX_ACTION or not ACTION_PATTERN.match(action):
        raise ValueError(f"An audit action is a short dotted name, not {action!r}.")
    if detail is not None and not isinstance(detail, dict):
        raise TypeError("An audit detail is a dict of codes, counts and reasons.")
    detail = chain.normal_detail(detail)
    if len(chain.canonical_json(detail)) > MAX_DETAIL_CHARS:
        raise ValueError("An audit detail holds codes and counts, not content: it is too long.")
    target_type, target_id = _target(target)
    return {
        **_actor(actor),
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "detail": detail,
        "address": _address(request),
    }


def _actor(actor: Actor) -> dict:
    if actor is None or isinstance(actor, AnonymousUser):
        return {"actor": None, "actor_name": ""}
    if isinstance(actor, str):
        return {"actor": None, "actor_name": actor[:150]}
    return {"actor": actor, "actor_name": actor.get_username()}


def _target(target: Target) -> tuple[str, str]:
    if target is None:
        return "", ""
    if isinstance(target, models.Model):
        kind, ident = target._meta.label_lower, target.pk
    else:
        kind, ident = target
    kind, ident = str(kind), str(ident)
    if len(kind) > MAX_TARGET or len(ident) > MAX_TARGET:
        raise ValueError("An audit target is a type and an id, each up to 100 characters.")
    return kind, ident


def _address(request: HttpRequest | None) -> str:
    # waitress serves directly; behind a proxy, its trusted_proxy settings set REMOTE_ADDR.
    raw = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    try:
        return ipaddress.ip_address(raw).compressed
    except ValueError:
        return ""
