"""Checking the audit trail: recompute every seal in order and name the first problem.

The walk reads entries in chunks by number (keyset pagination), so a trail of millions of
entries is checked in bounded memory. Appends may go on meanwhile: entries that arrive during
the walk are checked too before the head is compared.

What this detects, and what it cannot, is in docs/audit.md.
"""

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.utils.translation import gettext as _

from journeys.audit import chain
from journeys.audit.models import GENESIS, AuditEntry, AuditHead

CHUNK_SIZE = 5000
COLUMNS = (
    "seq",
    "at",
    "actor_id",
    "actor_name",
    "action",
    "target_type",
    "target_id",
    "detail",
    "address",
    "prev_hmac",
    "hmac",
)


class Kind(StrEnum):
    MISSING = "missing"  # a number is skipped: an entry was deleted or numbers shifted
    BROKEN_LINK = "broken_link"  # prev_hmac is not the previous seal: reordered or spliced
    ALTERED = "altered"  # the seal does not match: edited, or forged without the key
    UNREADABLE = "unreadable"  # a column no longer holds a value of its type
    HEAD = "head"  # the head row disagrees with the last entry
    CHECKPOINT = "checkpoint"  # the trail no longer holds a kept checkpoint


@dataclass(frozen=True)
class Problem:
    kind: Kind
    seq: int
    message: str


@dataclass(frozen=True)
class Checkpoint:
    """The head at some moment, kept away from the database to show a cut-off tail."""

    seq: int
    hmac: str
    at: str

    def to_json(self) -> str:
        return json.dumps({"seq": self.seq, "hmac": self.hmac, "at": self.at}, indent=2) + "\n"

    @classmethod
    def read(cls, path: str | Path) -> "Checkpoint":
        """Raises ValueError (with a translated message) when the file is not a checkpoint."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            checkpoint = cls(seq=int(data["seq"]), hmac=str(data["hmac"]), at=str(data["at"]))
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ValueError(
                _("%(path)s is not a readable audit checkpoint: %(error)s")
                % {"path": path, "error": e}
            ) from e
        if checkpoint.seq < 1 or len(checkpoint.hmac) != 64:
            raise ValueError(_("%(path)s is not an audit checkpoint.") % {"path": path})
        return checkpoint


@dataclass(frozen=True)
class Result:
    entries: int
    last_seq: int
    last_hmac: str
    problem: Problem | None
    checkpoint: Checkpoint | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None

    def summary(self) -> str:
        if self.problem is not None:
            return self.problem.message
        text = _("The audit trail is intact: %(count)s entries, the last is number %(seq)s.") % {
            "count": self.entries,
            "seq": self.last_seq,
        }
        if self.checkpoint is not None:
            text += " " + _("It still holds the checkpoint at entry %(seq)s.") % {
                "seq": self.checkpoint.seq
            }
        return text


@dataclass
class _Walk:
    """The chain as far as it has been checked."""

    key: bytes
    checkpoint: Checkpoint | None
    last_seq: int = 0
    prev: str = GENESIS
    entries: int = 0

    def run(self, chunk_size: int) -> Problem | None:
        """Check every entry after the last one checked, to the end of the table."""
        while True:
            rows = list(
                AuditEntry.objects.filter(seq__gt=self.last_seq)
                .order_by("seq")
                .values_list(*COLUMNS)[:chunk_size]
            )
            if not rows:
                return None
            for row in rows:
                problem = self.step(row)
                if problem is not None:
                    return problem

    def step(self, row: tuple) -> Problem | None:
        fields = dict(zip(COLUMNS, row, strict=True))
        seq, sealed = fields.pop("seq"), fields.pop("hmac")
        expected = self.last_seq + 1
        if seq != expected:
            return _problem(Kind.MISSING, expected)
        if fields["prev_hmac"] != self.prev:
            return _problem(Kind.BROKEN_LINK, seq)
        try:
            message = chain.entry_message(seq=seq, **fields)
        except (ValueError, TypeError, AttributeError):
            return _problem(Kind.UNREADABLE, seq)
        if not chain.seals_match(chain.seal(self.key, message), sealed):
            return _problem(Kind.ALTERED, seq)
        kept = self.checkpoint
        if kept is not None and seq == kept.seq and not chain.seals_match(sealed, kept.hmac):
            return _problem(Kind.CHECKPOINT, seq)
        self.last_seq, self.prev, self.entries = seq, sealed, self.entries + 1
        return None


def verify_chain(
    *, checkpoint: Checkpoint | None = None, chunk_size: int = CHUNK_SIZE, key: bytes | None = None
) -> Result:
    """Walk the whole trail; the result names the first problem found, if any."""
    walk = _Walk(key=key if key is not None else chain.audit_key(), checkpoint=checkpoint)
    problem = walk.run(chunk_size) or _check_head(walk, chunk_size)
    if problem is None and checkpoint is not None and walk.last_seq < checkpoint.seq:
        problem = _problem(
            Kind.CHECKPOINT, walk.last_seq + 1, last=walk.last_seq, mark=checkpoint.seq
        )
    return Result(walk.entries, walk.last_seq, walk.prev, problem, checkpoint)


def _check_head(walk: _Walk, chunk_size: int) -> Problem | None:
    while True:
        head = AuditHead.objects.filter(pk=1).values_list("seq", "hmac").first()
        if head is None:
            return None if walk.last_seq == 0 else _problem(Kind.HEAD, walk.last_seq, head=None)
        seq, sealed = head
        if seq > walk.last_seq:
            # Either entries were appended since the walk passed (check them too), or the
            # tail was cut off.
            checked = walk.last_seq
            problem = walk.run(chunk_size)
            if problem is not None:
                return problem
            if walk.last_seq == checked:
                return _problem(Kind.HEAD, checked + 1, head=seq, last=checked)
            continue
        if seq < walk.last_seq:
            return _problem(Kind.HEAD, seq + 1, head=seq, last=walk.last_seq)
        if not chain.seals_match(sealed, walk.prev):
            return _problem(Kind.HEAD, seq, head=seq, last=walk.last_seq)
        return None


def current_checkpoint() -> Checkpoint | None:
    """The last entry as a checkpoint; None while the trail is empty."""
    last = AuditEntry.objects.order_by("-seq").values_list("seq", "hmac", "at").first()
    if last is None:
        return None
    return Checkpoint(seq=last[0], hmac=last[1], at=chain.utc_iso(last[2]))


def _problem(kind: Kind, seq: int, **facts) -> Problem:
    return Problem(kind, seq, _message(kind, seq, **facts))


def _message(kind: Kind, seq: int, *, head: int | None = 0, last: int = 0, mark: int = 0) -> str:
    values = {"seq": seq, "head": head, "last": last, "mark": mark}
    if kind == Kind.MISSING:
        text = _("Entry %(seq)s is missing: it was deleted, or the entries were renumbered.")
    elif kind == Kind.BROKEN_LINK:
        text = _(
            "Entry %(seq)s does not follow the entry before it: entries were reordered, "
            "inserted or removed."
        )
    elif kind == Kind.ALTERED:
        text = _(
            "Entry %(seq)s does not match its seal: it was edited, or forged without the audit key."
        )
    elif kind == Kind.UNREADABLE:
        text = _("Entry %(seq)s cannot be read: it was altered in the database.")
    elif kind == Kind.CHECKPOINT and mark:
        text = _(
            "The trail ends at entry %(last)s, before the checkpoint at entry %(mark)s: "
            "entries from number %(seq)s on were cut off."
        )
    elif kind == Kind.CHECKPOINT:
        text = _(
            "Entry %(seq)s differs from the checkpoint: the history was rewritten by someone "
            "holding the audit key."
        )
    elif head is None:
        text = _("The head of the trail is missing; the last entry is number %(seq)s.")
    elif head > last:
        text = _(
            "The head names entry %(head)s but the trail ends at entry %(last)s: entries from "
            "number %(seq)s on were cut off."
        )
    elif head < last:
        text = _(
            "The trail goes on to entry %(last)s but the head names entry %(head)s: entries "
            "from number %(seq)s on were added without the head."
        )
    else:
        text = _("The head does not match entry %(seq)s: the head or the entry was altered.")
    return _("The audit trail was tampered with.") + " " + text % values
