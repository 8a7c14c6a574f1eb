"""How the audit page shows an entry: the action's label, its target, its detail as text.

The trail stores codes (`archive.record.read`, JSON details) because they are sealed into the
chain and must never change; the page shows them in the reader's language. Reveal reasons
are opened here, for the administrators who read this page (audit/reasons.py).
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from journeys.audit import reasons
from journeys.audit.actions import DETAIL_LABELS, label_of
from journeys.audit.models import AuditEntry

# Keys of a sealed reason that say nothing to a reader once the reason is opened.
HIDDEN_KEYS = {reasons.SEALED, reasons.KEY, reasons.REVEAL}


@dataclass(frozen=True)
class DetailItem:
    label: str
    value: str


def present(entries) -> list[AuditEntry]:
    """The entries of one page, each given `label`, `target_label` and `detail_items`."""
    entries = list(entries)
    opened = reasons.reasons_opened(entries)
    for entry in entries:
        entry.label = label_of(entry.action)
        entry.target_label = _target_label(entry)
        entry.detail_items = detail_items(entry.detail, opened.get(entry.seq, ""))
    return entries


def detail_items(detail: dict, reason: str | None = "") -> list[DetailItem]:
    """The detail as labelled, readable values. `reason` is an opened reveal reason (None: it
    no longer opens); a sealed reason is never shown as its ciphertext."""
    items = []
    if isinstance(detail, dict) and reasons.SEALED in detail:
        shown = reason if reason is not None else _("(sealed; her record's key no longer opens it)")
        items.append(DetailItem(str(DETAIL_LABELS["reason"]), shown))
    for key, value in sorted(detail.items() if isinstance(detail, dict) else []):
        if key in HIDDEN_KEYS:
            continue
        label = DETAIL_LABELS.get(key)
        items.append(DetailItem(str(label) if label else key, _value_text(value)))
    return items


def _value_text(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value) or "—"
    if isinstance(value, dict):
        parts = [f"{DETAIL_LABELS.get(k, k)}: {_value_text(v)}" for k, v in sorted(value.items())]
        return "; ".join(parts) or "—"
    return str(value)


def _target_label(entry: AuditEntry) -> str:
    """`archive.interviewee 12` as "interviewee 12", in the reader's language."""
    if not entry.target_type:
        return ""
    try:
        kind = apps.get_model(entry.target_type)._meta.verbose_name
    except (LookupError, ValueError):
        kind = entry.target_type
    return pgettext("audit target: kind and id", "%(kind)s %(id)s") % {
        "kind": kind,
        "id": entry.target_id,
    }
