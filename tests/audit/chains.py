import random

from django.test import RequestFactory

from journeys.audit.models import AuditEntry
from journeys.audit.services import audit_record

ACTIONS = (
    "archive.interviewee.read",
    "archive.transcript.changed",
    "auth.signin.succeeded",
    "auth.signin.failed",
    "access.refused",
    "vault.identity.revealed",
    "export.report",
)
ADDRESSES = ("127.0.0.1", "10.0.0.7", "2001:db8::1", "")


def request_from(address: str):
    return RequestFactory().get("/", REMOTE_ADDR=address)


def build_chain(users: dict, count: int, *, seed: int = 1) -> list[AuditEntry]:
    """A trail of `count` entries through the service, with every kind of field filled in:
    users and people without an account, model and tuple targets, Korean text in detail."""
    rng = random.Random(seed)
    people = [*users.values(), None, "sora-typed-name"]
    entries = []
    for number in range(count):
        user = rng.choice(list(users.values()))
        target = rng.choice([None, user, ("archive.interviewee", f"W-{number:04d}")])
        detail = rng.choice(
            [None, {"count": number}, {"reason": "wrong_role", "codes": ["량강도", "W-0017"]}]
        )
        entries.append(
            audit_record(
                actor=rng.choice(people),
                action=rng.choice(ACTIONS),
                target=target,
                detail=detail,
                request=request_from(rng.choice(ADDRESSES)),
            )
        )
    return entries
