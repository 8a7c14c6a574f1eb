"""Asserting what the audit trail received.

`assert_audited` is how a test says "this action left exactly this entry". Every action in
journeys/audit/actions.py must be named by at least one call of it somewhere in tests/
(tests/audit/test_actions.py counts them), so an audit call deleted from the code fails a
test.
"""

from journeys.audit.models import AuditEntry, AuditHead
from journeys.audit.services import _target


def last_seq() -> int:
    """The number of the newest entry (0 for an empty trail): pass it as `since`."""
    head = AuditHead.objects.filter(pk=1).first()
    return head.seq if head else 0


def entries_since(since: int) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(seq__gt=since).order_by("seq"))


def actions_since(since: int) -> list[str]:
    return [entry.action for entry in entries_since(since)]


def assert_audited(
    action: str, target=None, /, *, since: int = 0, actor=None, **detail
) -> AuditEntry:
    """Exactly one entry with this action (and this target, actor and detail values, where
    given) was written after entry `since`; returns it.

    target: a model instance or a (type, id) pair, as `audit_record` takes it.
    detail: values the entry's detail must hold (other keys may be there too).
    """
    found = [e for e in entries_since(since) if e.action == action]
    written = [(e.action, e.target_type, e.target_id) for e in entries_since(since)]
    assert len(found) == 1, f"expected one {action!r} entry, the trail got {written}"
    entry = found[0]
    if target is not None:
        assert (entry.target_type, entry.target_id) == _target(target), (
            f"{action!r} names {entry.target_type} {entry.target_id}, not {_target(target)}"
        )
    if actor is not None:
        expected = actor if isinstance(actor, str) else actor.get_username()
        assert entry.actor_name == expected, f"{action!r} was written by {entry.actor_name!r}"
    for key, value in detail.items():
        assert entry.detail.get(key) == value, f"{action!r} detail {key}: {entry.detail}"
    return entry
