"""Published tables laid out for a page: labels in the page's language, a suppressed cell as
None (the template shows a dash), never its count."""

from dataclasses import dataclass

from journeys.reports.charts import label
from journeys.reports.disclosure import Published
from journeys.reports.statistics import TOTAL


@dataclass
class Grid:
    name: str
    title: str
    head: list[str]
    rows: list[tuple[str, list[int | None]]]
    total: tuple[str, list[int | None]]
    additive: bool


def grid(published: Published, lang: str, title: str, total_label: str) -> Grid:
    table, cells = published.table, published.cells
    if not table.cols:
        rows = [(label(r, lang), [cells[(r.code, "")]]) for r in table.rows]
        return Grid(
            table.name, title, [], rows, (total_label, [cells[(TOTAL, "")]]), table.additive
        )
    codes = [c.code for c in table.cols]
    head = [label(c, lang) for c in table.cols] + [total_label]
    rows = [(label(r, lang), [cells[(r.code, c)] for c in [*codes, TOTAL]]) for r in table.rows]
    total = (total_label, [cells[(TOTAL, c)] for c in [*codes, TOTAL]])
    return Grid(table.name, title, head, rows, total, table.additive)
