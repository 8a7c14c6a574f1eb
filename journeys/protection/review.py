"""What a reviewer sees: every segment of an interview with its details found, the proposed
replacements, the decisions taken, and whether the segment was reviewed in its present form.

This reads only. The services (journeys.protection.services) write decisions and reviews;
the gate (journeys.protection.gate) releases text only when `ReviewState.ready` holds.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from journeys.archive.models import Interview, Segment
from journeys.archive.selectors import transcript_of
from journeys.keys import keyring
from journeys.protection.cache import proposals_of
from journeys.protection.models import SegmentReview, TestimonyReview
from journeys.protection.pseudonymise import Policy, Replacement

LANGS = ("ko", "en")
ACCEPT, EDIT, REJECT = "accept", "edit", "reject"


@dataclass(frozen=True)
class Finding:
    """One occurrence of a detail in one segment and language, with what replaces it."""

    position: int
    lang: str
    start: int
    end: int
    label: str
    text: str
    proposed: str
    action: str
    replacement: str | None  # None when rejected: the text stays as it is
    entity: str

    @property
    def key(self) -> str:
        return decision_key(self.lang, self.text)


@dataclass
class SegmentState:
    segment: Segment
    findings: dict[str, list[Finding]]
    digest: str
    reviewed: bool

    @property
    def position(self) -> int:
        return self.segment.position

    def marked(self, lang: str) -> SafeString:
        return marked_html(getattr(self.segment, f"text_{lang}"), self.findings[lang])

    @property
    def marked_ko(self) -> SafeString:
        return self.marked("ko")

    @property
    def marked_en(self) -> SafeString:
        return self.marked("en")

    def released(self, lang: str) -> str:
        return apply_findings(getattr(self.segment, f"text_{lang}"), self.findings[lang])


@dataclass
class Detail:
    """A detail of the testimony (one text in one language) with all its occurrences."""

    key: str
    lang: str
    label: str
    text: str
    proposed: str
    action: str
    replacement: str | None
    count: int = 0


@dataclass
class ReviewState:
    interview: Interview
    policy: Policy
    segments: list[SegmentState]
    extra: list[tuple[str, str]]
    details: list[Detail] = field(default_factory=list)

    @property
    def reviewed_count(self) -> int:
        return sum(s.reviewed for s in self.segments)

    @property
    def ready(self) -> bool:
        """Every segment reviewed in the form it has now (and there is one at least)."""
        return bool(self.segments) and all(s.reviewed for s in self.segments)


def decision_key(lang: str, text: str) -> str:
    return f"{lang}|{text}"


def stored_review(interview: Interview) -> dict:
    """The sealed decisions, missed details and policy of an interview (empty when none)."""
    review = TestimonyReview.objects.filter(interview=interview).first()
    if review is None or review.decisions_sealed is None:
        return {"decisions": {}, "extra": [], "policy": {}}
    stored = json.loads(interview.sealer.open(review, "decisions"))
    stored.setdefault("policy", {})
    return stored


def review_state(interview: Interview) -> ReviewState:
    """The review of an interview opened with its sealer (selectors.interview_for_edit)."""
    stored = stored_review(interview)
    policy = Policy.from_dict(stored["policy"]) if stored["policy"] else Policy()
    extra = [tuple(pair) for pair in stored["extra"]]
    segments = transcript_of(interview)
    # detected once per process and version of the texts, policy and missed details
    # (protection/cache.py): reloading the page after a decision detects nothing again
    proposals = proposals_of([(s.text_ko, s.text_en) for s in segments], policy, extra)
    reviewed = dict(
        SegmentReview.objects.filter(interview=interview).values_list("position", "digest")
    )
    states = []
    for segment, pair in zip(segments, proposals, strict=True):
        findings = {
            lang: [_decided(segment.position, lang, r, stored["decisions"]) for r in found]
            for lang, found in zip(LANGS, pair, strict=True)
        }
        digest = segment_digest(segment, findings)
        states.append(
            SegmentState(segment, findings, digest, reviewed.get(segment.position) == digest)
        )
    return ReviewState(interview, policy, states, extra, _details(states))


def _decided(position: int, lang: str, r: Replacement, decisions: dict) -> Finding:
    decision = decisions.get(decision_key(lang, r.text), {})
    action = decision.get("action", ACCEPT)
    replacement = {ACCEPT: r.replacement, EDIT: decision.get("replacement"), REJECT: None}[action]
    return Finding(
        position,
        lang,
        r.start,
        r.end,
        r.label,
        r.text,
        r.replacement,
        action,
        replacement,
        r.entity,
    )


def _details(states: list[SegmentState]) -> list[Detail]:
    details: dict[str, Detail] = {}
    for state in states:
        for lang in LANGS:
            for f in state.findings[lang]:
                detail = details.setdefault(
                    f.key,
                    Detail(f.key, lang, f.label, f.text, f.proposed, f.action, f.replacement),
                )
                detail.count += 1
    return sorted(details.values(), key=lambda d: (d.lang, d.label, d.text))


def segment_digest(segment: Segment, findings: dict[str, list[Finding]]) -> str:
    """A keyed hash of what the reviewer approves: both texts and the final replacements.

    Keyed, so the digest cannot be used to test guesses of a short passage's text."""
    approved = [
        segment.text_ko,
        segment.text_en,
        [[(f.start, f.end, f.label, f.replacement) for f in findings[lang]] for lang in LANGS],
    ]
    message = b"segment-review\0" + json.dumps(approved, ensure_ascii=False).encode()
    return hmac.new(keyring.subkey("lookup"), message, hashlib.sha256).hexdigest()


def apply_findings(text: str, findings: list[Finding]) -> str:
    """The text with every accepted or edited replacement made, right to left."""
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        if f.replacement is not None:
            text = text[: f.start] + f.replacement + text[f.end :]
    return text


def marked_html(text: str, findings: list[Finding]) -> SafeString:
    """The text, escaped, with each detail in a <mark> that shows its replacement."""
    parts, at = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        parts.append(escape(text[at : f.start]))
        parts.append(
            format_html(
                '<mark class="pii pii-{} {}" data-key="{}" tabindex="0">{}<span class="repl">{}</span></mark>',
                f.label.lower(),
                f.action,
                f.key,
                text[f.start : f.end],
                f.replacement if f.replacement is not None else "✕",
            )
        )
        at = f.end
    parts.append(escape(text[at:]))
    return mark_safe("".join(str(p) for p in parts))  # every part escaped above
