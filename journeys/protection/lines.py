"""The input of `journeys detect` and `journeys pseudonymise`: one reader for both, so that
they accept and refuse exactly the same lines (docs/commands.md).

Each input line gives one output line, whatever it holds: a line that cannot be read gets an
error line in the output, at its place, so a caller that pairs input and output line by line
stays aligned; the command then names every such line on standard error and exits with 1.
"""

import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

# A line starting with one of these is read as JSON when it parses as JSON. Any other line
# (a year such as 1998 is valid JSON too) is text, and so is "[laughs] then..." which does not
# parse; a line that does parse must be an object with a "text" string.
JSON_STARTS = ("{", "[", '"')


class Unreadable(Exception):
    """Why a line cannot be read (its message is the error line's)."""


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # empty when the line could not be read
    error: str | None = None

    def error_record(self) -> dict:
        return {"line": self.number, "error": self.error}

    def error_message(self) -> str:
        return _("Line %(number)d: %(error)s") % {"number": self.number, "error": self.error}


def refusal(lines: list[Line]):
    """The CommandError naming every line that could not be read, one line each; None when
    every line was read. Raised after the output is written, so the exit status is 1."""
    from django.core.management.base import CommandError

    bad = [line.error_message() for line in lines if line.error]
    return CommandError("\n".join(bad)) if bad else None


def read_lines(stream, *, max_chars: int) -> list[Line]:
    """Every line of `stream` (bytes, as sys.stdin.buffer gives, or text), read before
    anything is written. A line longer than max_chars is never held whole in memory."""
    source = getattr(stream, "buffer", stream)
    # Enough bytes for max_chars characters of UTF-8, and the line's end.
    limit = max_chars * 4 + 2
    lines: list[Line] = []
    while chunk := source.readline(limit):
        number = len(lines) + 1
        if len(chunk) >= limit and not _ends_line(chunk):
            _skip_to_end_of_line(source, limit)
            lines.append(Line(number, "", _too_long(max_chars)))
        else:
            lines.append(_parse(number, chunk, max_chars))
    return lines


def _ends_line(chunk) -> bool:
    return chunk.endswith(b"\n" if isinstance(chunk, bytes) else "\n")


def _skip_to_end_of_line(source, limit: int) -> None:
    while chunk := source.readline(limit):
        if _ends_line(chunk):
            return


def _too_long(max_chars: int) -> str:
    return _("the line is longer than %(max)s characters (JOURNEYS_MAX_LINE_CHARS); split it.") % {
        "max": f"{max_chars:,}"
    }


def _parse(number: int, chunk, max_chars: int) -> Line:
    if isinstance(chunk, bytes):
        try:
            chunk = chunk.decode("utf-8")
        except UnicodeDecodeError as e:
            return Line(number, "", _("not valid UTF-8 (byte %(at)d).") % {"at": e.start + 1})
    text = chunk.rstrip("\n").rstrip("\r")
    if len(text) > max_chars:
        return Line(number, "", _too_long(max_chars))
    if text.lstrip().startswith(JSON_STARTS):
        try:
            text = _text_of_json(text)
        except Unreadable as e:
            return Line(number, "", str(e))
    if any("\ud800" <= char <= "\udfff" for char in text):
        return Line(number, "", _("the text holds a lone surrogate (U+D800 to U+DFFF)."))
    return Line(number, text)


def _text_of_json(line: str) -> str:
    """The "text" of a JSON line; the line itself when it is text that only looks like JSON."""
    try:
        value = json.loads(line)
    except RecursionError:
        raise Unreadable(_("the JSON is nested too deeply.")) from None
    except ValueError:
        if line.lstrip().startswith("{"):
            raise Unreadable(_('not valid JSON: write {"text": "..."} or plain text.')) from None
        return line
    if not isinstance(value, dict):
        raise Unreadable(_('JSON, but not an object with a "text" field.'))
    if "text" not in value:
        raise Unreadable(_('the JSON object has no "text" field.'))
    if not isinstance(value["text"], str):
        raise Unreadable(_('the "text" field is not a string.'))
    return value["text"]
