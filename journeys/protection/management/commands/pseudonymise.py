"""`journeys pseudonymise --lang ko|en`: lines of text with their identifying details
generalised, as JSON lines."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.protection.pseudonymise import Policy, PolicyError, apply, propose


class Command(BaseCommand):
    help = _(
        'Reads lines of text (or JSON lines with a "text" field) on standard input and writes '
        'one JSON line per input line: {"text": the pseudonymised text, "spans": [{start, end, '
        "label, text, replacement, entity}]}."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", choices=["ko", "en"], required=True)
        parser.add_argument(
            "--policy",
            default="",
            help=_(
                'The policy as JSON ({"date": "season"}) or the path of a JSON file; '
                "options left out take their default."
            ),
        )
        parser.add_argument(
            "--independent",
            action="store_true",
            help=_("Treat each line on its own (by default the lines are one testimony)."),
        )

    def handle(self, *args, lang: str, policy: str, independent: bool, **options):
        chosen = read_policy(policy)
        texts = read_lines(sys.stdin)
        segments = [(text, "") if lang == "ko" else ("", text) for text in texts]
        proposed = propose(segments, chosen, consistent=not independent)
        side = 0 if lang == "ko" else 1
        for text, pair in zip(texts, proposed, strict=True):
            replacements = pair[side]
            line = {
                "text": apply(text, replacements),
                "spans": [r.as_dict() for r in replacements],
            }
            self.stdout.write(json.dumps(line, ensure_ascii=False))


def read_policy(value: str) -> Policy:
    """A policy from JSON text or a JSON file; a clear error for anything else."""
    if not value.strip():
        return Policy()
    text = value
    if not value.lstrip().startswith("{"):
        path = Path(value)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise CommandError(
                _("The policy file %(path)s cannot be read.") % {"path": value}
            ) from e
    try:
        values = json.loads(text)
    except ValueError as e:
        raise CommandError(_("The policy is not valid JSON: %(error)s") % {"error": e}) from e
    try:
        return Policy.from_dict(values)
    except PolicyError as e:
        raise CommandError(str(e)) from e


def read_lines(stream) -> list[str]:
    """Every input line, read before anything is written, so a bad line stops the command
    with its number and no half output."""
    texts = []
    for number, line in enumerate(stream, 1):
        line = line.rstrip("\n").rstrip("\r")
        if line.startswith("{"):
            try:
                value = json.loads(line)["text"]
                if not isinstance(value, str):
                    raise TypeError
            except (ValueError, KeyError, TypeError) as e:
                raise CommandError(
                    _("Line %(number)d is not a JSON object with a text field.")
                    % {"number": number}
                ) from e
            line = value
        texts.append(line)
    return texts
