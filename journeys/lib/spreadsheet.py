"""Cells that a spreadsheet shows as text and never runs as a formula.

Excel, LibreOffice and Google Sheets read a cell that starts with = + - or @ as a formula (and
some skip a leading tab or carriage return first): a codebook term such as
`=1+2+cmd|' /C calc'!A0`, added by one team, would run on the computer of anyone in another
team who opens a download. Every CSV (and any XLSX) Journeys writes goes through `csv_text`
or `cell`, which put a single quote before such a text (OWASP's advice): the spreadsheet shows
the text as typed, and a program reading the file sees the quote.
"""

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """The value as a spreadsheet may safely read it. Numbers stay numbers (a negative count
    is a number, not a formula); only text is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence, rows: Iterable[Sequence]) -> str:
    """A whole CSV file, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([cell(value) for value in header])
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue()
