"""Published tables as CSV and as a Frictionless data package (datapackage.json + CSVs).

Only Published tables (after journeys.reports.disclosure.suppress) come here: a suppressed
cell is an empty count with `suppressed` true, never its value. Titles carry both languages.
"""

import json
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from journeys.lib.spreadsheet import csv_text
from journeys.reports.disclosure import Published
from journeys.reports.statistics import TOTAL, Category, bilingual


def _both(text) -> dict[str, str]:
    titles = {}
    for lang in ("en", "ko"):
        with translation.override(lang):
            titles[lang] = str(text)
    return titles


def _columns(published: Published) -> list[str]:
    names = ["row_code", "row_label_en", "row_label_ko"]
    if published.table.cols:
        names += ["column_code", "column_label_en", "column_label_ko"]
    return [*names, "count", "suppressed"]


def _label(categories: list[Category], code: str) -> tuple[str, str]:
    if code == TOTAL:
        total = bilingual(TOTAL, gettext_lazy("Total"))
        return (total.label_en, total.label_ko)
    for category in categories:
        if category.code == code:
            return (category.label_en, category.label_ko)
    return (code, code)


def rows(published: Published) -> list[list]:
    table = published.table
    out = []
    for (r, c), value in published.cells.items():
        row = [r, *_label(table.rows, r)]
        if table.cols:
            row += [c, *_label(table.cols, c)]
        out.append([*row, "" if value is None else value, "true" if value is None else "false"])
    return out


def to_csv(published: Published) -> str:
    # Labels are codebook terms, which anyone who extends the codebook writes: never formulas.
    return csv_text(_columns(published), rows(published))


def to_json(published: Published) -> dict:
    titles = _both(published.table.title)
    return {
        "table": published.table.name,
        "title": titles["en"],
        "title_ko": titles["ko"],
        "min_cell": published.min_cell,
        "columns": _columns(published),
        "rows": rows(published),
    }


def _schema(published: Published) -> dict:
    fields = [{"name": name, "type": "string"} for name in _columns(published)[:-2]]
    fields += [
        {
            "name": "count",
            "type": "integer",
            "description": _("Women counted; empty when suppressed."),
        },
        {"name": "suppressed", "type": "boolean"},
    ]
    return {"fields": fields, "missingValues": [""]}


def datapackage(tables: list[Published], *, name: str = "journeys-statistics") -> dict:
    # Lazy, so that each language of the title is looked up (an eager `_` would give the
    # page's language twice).
    titles = _both(gettext_lazy("Journeys: statistics of testimonies"))
    resources = []
    for published in tables:
        table_titles = _both(published.table.title)
        resources.append(
            {
                "name": published.table.name.replace("_", "-"),
                "path": f"{published.table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": f"{table_titles['en']} / {table_titles['ko']}",
                "description": _(
                    "Counts below %(k)s and the cells that would reveal them are suppressed."
                )
                % {"k": published.min_cell},
                "schema": _schema(published),
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": f"{titles['en']} / {titles['ko']}",
        "resources": resources,
    }


def write_datapackage(directory: Path, tables: list[Published]) -> Path:
    """Write datapackage.json and one CSV per table into a new (or empty) directory."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        raise FileExistsError(str(directory))
    for published in tables:
        (directory / f"{published.table.name}.csv").write_text(to_csv(published), encoding="utf-8")
    path = directory / "datapackage.json"
    path.write_text(
        json.dumps(datapackage(tables), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return path
