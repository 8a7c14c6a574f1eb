"""Writes to the codebook: loading the versioned data file, and terms added in the app."""

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from journeys.audit.services import audit_record
from journeys.codebook.models import (
    Alias,
    CodebookRevision,
    CodebookVersion,
    Kind,
    PlaceLevel,
    Term,
)
from journeys.lib.hangul import fold

DATA_FILE = Path(__file__).resolve().parent / "data" / "codebook.json"

# The kind a term's "parent" names, where it is not the term's own kind.
PARENT_KIND = {Kind.EVENT_TYPE: Kind.STAGE, Kind.FACILITY: Kind.FACILITY_TYPE}


@dataclass(frozen=True)
class LoadResult:
    version: str
    created: int
    updated: int


def codebook_load(path: Path = DATA_FILE) -> LoadResult:
    """Load (or reload) the codebook data file. All or nothing.

    Terms are matched by (kind, code): a reload updates labels and adds new terms and
    aliases, and never deletes, since coded records point at the terms.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ValidationError(
            _("The codebook file cannot be read: %(error)s") % {"error": e}
        ) from e
    entries = data.get("terms")
    if not isinstance(entries, list) or not data.get("version"):
        raise ValidationError(_("The codebook file needs a version and a list of terms."))
    created = updated = 0
    with transaction.atomic():
        for position, entry in enumerate(entries):
            was_created = _load_entry(entry, position)
            created += was_created
            updated += not was_created
        CodebookVersion.objects.create(
            version=str(data["version"]), terms_created=created, terms_updated=updated
        )
        _codebook_changed()
    return LoadResult(version=str(data["version"]), created=created, updated=updated)


def _codebook_changed() -> None:
    """A new revision token, so that every process's caches of the codebook rebuild."""
    CodebookRevision.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})


def _load_entry(entry: dict, position: int) -> bool:
    where = f"#{position} ({entry.get('kind')}:{entry.get('code')})"
    try:
        kind = Kind(entry["kind"])
        parent = _lookup(PARENT_KIND.get(kind, kind), entry.get("parent"), where)
        located_in = _lookup(Kind.PLACE, entry.get("located_in"), where)
        term, was_created = Term.objects.update_or_create(
            kind=kind,
            code=entry["code"],
            defaults={
                "parent": parent,
                "located_in": located_in,
                "level": entry.get("level", ""),
                "label_ko": entry["ko"],
                "label_en": entry["en"],
                "description_ko": entry.get("description_ko", ""),
                "description_en": entry.get("description_en", ""),
                "sort_order": entry.get("order", position),
            },
        )
    except (KeyError, ValueError) as e:
        raise ValidationError(
            _("Codebook entry %(where)s is incomplete or wrong: %(error)s")
            % {"where": where, "error": e}
        ) from e
    term.full_clean()
    _add_aliases(term, entry.get("aliases", []))
    return was_created


def _lookup(kind: str, code: str | None, where: str) -> Term | None:
    if not code:
        return None
    try:
        return Term.objects.get(kind=kind, code=code)
    except Term.DoesNotExist:
        raise ValidationError(
            _("Codebook entry %(where)s names %(code)s, which comes nowhere before it.")
            % {"where": where, "code": code}
        ) from None


def _add_aliases(term: Term, aliases: list) -> None:
    """Every term is found by its own labels too, so they are aliases as well."""
    spellings = [
        {"text": term.label_ko, "script": Alias.Script.KO_SOUTH},
        {"text": term.label_en, "script": Alias.Script.ROMAN},
        *aliases,
    ]
    for spelling in spellings:
        text = spelling["text"].strip()
        Alias.objects.get_or_create(
            term=term,
            text=text,
            defaults={"folded": fold(text), "script": spelling.get("script", Alias.Script.OTHER)},
        )


def term_create(
    *,
    acting_user,
    kind: str,
    code: str,
    label_ko: str,
    label_en: str,
    parent: Term | None = None,
    level: str = "",
    aliases: list[str] | tuple[str, ...] = (),
) -> Term:
    """An administrator extends the codebook in the app, without a code change."""
    term = Term(
        kind=kind,
        code=code,
        label_ko=label_ko.strip(),
        label_en=label_en.strip(),
        parent=parent,
        level=level,
        sort_order=Term.objects.filter(kind=kind).count() + 1000,
    )
    _validate_new_term(term)
    with transaction.atomic():
        term.save()
        _add_aliases(term, [{"text": a, "script": Alias.Script.OTHER} for a in aliases if a])
        _codebook_changed()
        audit_record(
            actor=acting_user, action="codebook.term.created", target=term, detail={"code": code}
        )
    return term


def _validate_new_term(term: Term) -> None:
    term.full_clean()
    if term.kind == Kind.PLACE and term.level not in PlaceLevel.values:
        raise ValidationError({"level": _("A place needs a level (country, province, ...).")})
    expected = PARENT_KIND.get(term.kind, term.kind)
    if term.parent and term.parent.kind != expected:
        raise ValidationError({"parent": _("This term cannot be part of that term.")})
