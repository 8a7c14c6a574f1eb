"""The identity vault: a woman's real names, birth date, contacts and family, sealed under her
record's data key; keyed digests answer "is she already in the archive?" without opening any.
"""

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from journeys.accounts.roles import Role
from journeys.archive.models import Interviewee
from journeys.audit import reasons
from journeys.audit.services import audit_record
from journeys.keys import crypto, keyring
from journeys.keys.sealing import Sealer
from journeys.lib.hangul import fold
from journeys.vault.models import Identity, IdentityDigest, VaultPolicy

MAX_ITEMS = 50
MAX_VALUE = 300


@dataclass
class Contact:
    kind: str  # phone, messenger, email, address
    value: str


@dataclass
class Relative:
    name: str
    relation: str
    location: str = ""
    in_north: bool | None = None  # None: not known (never read as "not in the North")


@dataclass
class IdentityData:
    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    birth_date: str = ""
    contacts: list[Contact] = field(default_factory=list)
    family: list[Relative] = field(default_factory=list)

    @classmethod
    def from_json(cls, text: str) -> "IdentityData":
        raw = json.loads(text)
        return cls(
            names=raw["names"],
            aliases=raw["aliases"],
            birth_date=raw["birth_date"],
            contacts=[Contact(**c) for c in raw["contacts"]],
            family=[Relative(**r) for r in raw["family"]],
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


# -- digests for exact-match look-up ----------------------------------------------------------


def normalise(kind: str, value: str) -> str:
    """The form two spellings of one value share: names fold North/South spelling, case and
    spaces; phone numbers keep their last nine digits (country and trunk prefixes vary)."""
    if kind == IdentityDigest.Kind.PHONE:
        return re.sub(r"\D", "", value)[-9:]
    if kind == IdentityDigest.Kind.NAME:
        return fold(value)
    return value.strip().casefold()


def digest(kind: str, value: str) -> str:
    message = f"{kind}:{normalise(kind, value)}".encode()
    return crypto.keyed_hash(keyring.subkey("lookup"), message).hex()


def _digests_of(data: IdentityData) -> set[tuple[str, str]]:
    pairs = {(IdentityDigest.Kind.NAME, n) for n in data.names + data.aliases}
    if data.birth_date:
        pairs.add((IdentityDigest.Kind.BIRTH_DATE, data.birth_date))
    for contact in data.contacts:
        if contact.kind in IdentityDigest.Kind.values:
            pairs.add((contact.kind, contact.value))
    return {(kind, digest(kind, value)) for kind, value in pairs if normalise(kind, value)}


# -- services ---------------------------------------------------------------------------------


EARLIEST_BIRTH_YEAR = 1900
DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
CONTACT_KINDS = ("phone", "messenger", "email", "address")


def _validate(data: IdentityData, interviewee: Interviewee) -> None:
    errors: dict = {}
    values = [*data.names, *data.aliases, *(c.value for c in data.contacts)]
    values += [v for r in data.family for v in (r.name, r.relation, r.location)]
    if not [n for n in data.names if n.strip()]:
        errors["names"] = _("Give at least one name.")
    if len(values) > MAX_ITEMS * 4 or any(len(v) > MAX_VALUE for v in values):
        errors[NON_FIELD_ERRORS] = _("An entry is too long, or there are too many.")
    if any(c.kind not in CONTACT_KINDS or not c.value.strip() for c in data.contacts):
        errors["contacts"] = _("Each contact needs a kind from the list and a value.")
    if any(not r.name.strip() or not r.relation.strip() for r in data.family):
        errors["family"] = _("Each family member needs a name and a relation.")
    if data.birth_date:
        problem = _birth_date_problem(data.birth_date, interviewee.birth_year)
        if problem:
            errors["birth_date"] = problem
    if errors:
        raise ValidationError(errors)


def _birth_date_problem(text: str, birth_year: int) -> str | None:
    """Why this birth date cannot be hers, or None. A date may be partial (YYYY, YYYY-MM):
    many women know only the year. It must be a real day, not in the future, and fall in the
    birth year her record gives, or one of the two is wrong."""
    match = DATE_PATTERN.fullmatch(text)
    if not match:
        return _("Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date = dt.date(year, month or 1, day or 1)
    except ValueError:
        return _("%(date)s is not a date of the calendar.") % {"date": text}
    if year < EARLIEST_BIRTH_YEAR or date > timezone.localdate():
        return _("Enter a date between %(first)s and today.") % {"first": EARLIEST_BIRTH_YEAR}
    if year != birth_year:
        return _(
            "Her record gives %(record)s as her birth year, not %(year)s: correct one or the other."
        ) % {"record": birth_year, "year": year}
    return None


def identity_save(*, acting_user, interviewee: Interviewee, data: IdentityData) -> Identity:
    """Record her identity, sealed, with look-up digests (an interviewer at intake, or the
    custodian). Replacing one that exists is a correction: identity_update."""
    if Identity.objects.filter(interviewee=interviewee).exists():
        return identity_update(acting_user=acting_user, interviewee=interviewee, data=data)
    _validate(data, interviewee)
    identity = Identity(interviewee=interviewee)
    with transaction.atomic():
        _store(identity, interviewee, data, acting_user)
        audit_record(actor=acting_user, action="vault.identity.saved", target=interviewee)
    return identity


def identity_update(*, acting_user, interviewee: Interviewee, data: IdentityData) -> Identity:
    """Correct her identity (the custodian's task). The trail says which parts changed
    (names, contacts, ...), never their values."""
    if acting_user.role != Role.CUSTODIAN:
        # An interviewer records an identity at intake; changing one is the custodian's.
        raise PermissionDenied
    _validate(data, interviewee)
    with transaction.atomic():
        identity = Identity.objects.select_for_update().get(interviewee=interviewee)
        # Opened only to compare, never shown: what changed is named, not its value.
        sealer = Sealer(interviewee.data_key)
        before = asdict(IdentityData.from_json(sealer.open(identity, "identity")))
        after = asdict(data)
        changed = sorted(part for part in after if after[part] != before.get(part))
        if not changed:
            return identity
        _store(identity, interviewee, data, acting_user)
        audit_record(
            actor=acting_user,
            action="vault.identity.changed",
            target=interviewee,
            detail={"changed": changed},
        )
    return identity


def _store(identity: Identity, interviewee: Interviewee, data: IdentityData, acting_user) -> None:
    identity.identity_sealed = Sealer(interviewee.data_key).seal(
        identity, "identity", data.to_json()
    )
    identity.updated_by = acting_user
    identity.save()
    identity.digests.all().delete()
    IdentityDigest.objects.bulk_create(
        IdentityDigest(identity=identity, kind=kind, digest=value)
        for kind, value in sorted(_digests_of(data))
    )


def may_reveal(user, interviewee: Interviewee) -> bool:
    if user.role == Role.CUSTODIAN:
        return True
    return (
        user.role == Role.INTERVIEWER
        and VaultPolicy.of_team(user.team_id).interviewers_may_reveal
        and interviewee.interviews.filter(interviewer=user).exists()
    )


def identity_reveal(*, acting_user, interviewee: Interviewee, reason: str) -> IdentityData:
    """Open her identity for this user, for this stated reason; the reveal is audited."""
    if not may_reveal(acting_user, interviewee):
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError({"reason": _("Say why you need to see her identity.")})
    if len(reason.encode("utf-8")) > reasons.MAX_REASON_BYTES:
        raise ValidationError(
            {"reason": _("Say it more briefly: at most 400 Korean or 1,200 Latin characters.")}
        )
    identity = Identity.objects.select_related("interviewee__data_key").get(interviewee=interviewee)
    with transaction.atomic():
        # Audited before it is opened: a reveal that fails is still on record. The reason is
        # sealed under her data key (audit/reasons.py): the trail and its backups never hold
        # it readable.
        audit_record(
            actor=acting_user,
            action="vault.identity.revealed",
            target=interviewee,
            detail=reasons.reason_sealed(interviewee.data_key, reason),
        )
    return IdentityData.from_json(Sealer(interviewee.data_key).open(identity, "identity"))


def identity_lookup(*, acting_user, kind: str, value: str) -> list[str]:
    """The codes of interviewees with this exact name, birth date or contact."""
    if kind not in IdentityDigest.Kind.values or not normalise(kind, value):
        raise ValidationError({"value": _("Enter a value to look up.")})
    codes = sorted(
        IdentityDigest.objects.filter(kind=kind, digest=digest(kind, value))
        .filter(identity__interviewee__team_id=acting_user.team_id)
        .values_list("identity__interviewee__code", flat=True)
        .distinct()
    )
    audit_record(
        actor=acting_user,
        action="vault.identity.looked_up",
        detail={"kind": kind, "found": len(codes)},
    )
    return codes
