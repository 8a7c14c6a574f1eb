"""Charts of published tables as SVG, for the dashboard and the PDF alike.

Bars, stacked bars and the timeline are Vega-Lite specifications rendered by vl-convert
(offline: the renderer and its fonts are local, no network). The flow of journeys is drawn
here, since Vega-Lite has no flow diagram. Every chart takes a `Published` table and draws
only its published inner cells: a suppressed cell is left out, never drawn, and no chart
shows a number that the table does not publish.

Labels come in the language asked for; the font is Noto Sans CJK, which covers Hangul and
Latin alike, so text is measured and drawn with the same font in the browser and the PDF.
"""

import json
from functools import lru_cache
from html import escape

import vl_convert
from django.utils import translation

from journeys.reports.disclosure import Published
from journeys.reports.statistics import NOT_RECORDED, TOTAL, Category
from journeys.reports.wording import say

FONT = "Noto Sans CJK KR"
WIDTH = 460
COLOURS = ["#3b6e8f", "#c9733b", "#6a9a58", "#8a6aa8", "#b8a04a", "#5b8fa8", "#a85b6a"]


def label(category: Category, lang: str) -> str:
    return category.label_ko if lang == "ko" else category.label_en


def published_cells(published: Published) -> list[tuple[Category, int]]:
    """The inner cells of a 1-D table that are published (suppressed ones left out)."""
    found = []
    for category in published.table.rows:
        value = published.cells.get((category.code, ""))
        if value is not None:
            found.append((category, value))
    return found


def suppressed_labels(published: Published, lang: str) -> list[str]:
    """What a chart leaves out, by name: the categories of a 1-D table whose cells are
    suppressed, or the cells of a cross-tab ("row · column"). Names only, never a count."""
    table = published.table
    rows = {c.code: label(c, lang) for c in table.rows}
    cols = {c.code: label(c, lang) for c in table.cols}
    found = []
    for (r, c), value in published.cells.items():
        if value is not None or r not in rows:
            continue
        if not table.cols:
            found.append(rows[r])
        elif c in cols:
            found.append(f"{rows[r]} · {cols[c]}")
    return found


def _config() -> dict:
    return {
        "font": FONT,
        "background": "white",
        "view": {"stroke": None},
        "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 0},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom"},
    }


def _render(spec: dict) -> str:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", **spec}
    spec["config"] = _config()
    return _svg(json.dumps(spec, ensure_ascii=False, sort_keys=True))


@lru_cache(maxsize=256)
def _svg(spec: str) -> str:
    """Rendering takes 50-150 ms a chart; the same published figures give the same spec, so
    a dashboard seen again is drawn from memory. The key is the spec itself, which holds
    published figures only: a change in the archive is a new spec, never a stale chart."""
    svg = vl_convert.vegalite_to_svg(json.loads(spec))
    # The XML prolog, if any, is not allowed inside HTML; the element alone is.
    return svg[svg.index("<svg") :]


def bars(published: Published, lang: str) -> str:
    """Horizontal bars, one per published category, with its count at the end."""
    values = [
        {"category": label(c, lang), "n": n, "order": i}
        for i, (c, n) in enumerate(published_cells(published))
    ]
    count_title = say("women", lang)
    y = {"field": "category", "type": "nominal", "title": None, "sort": {"field": "order"}}
    x = {"field": "n", "type": "quantitative", "title": count_title}
    return _render(
        {
            "width": WIDTH - 180,
            "height": {"step": 18},
            "data": {"values": values},
            "layer": [
                {"mark": {"type": "bar", "color": COLOURS[0]}, "encoding": {"y": y, "x": x}},
                {
                    "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
                    "encoding": {"y": y, "x": x, "text": {"field": "n"}},
                },
            ],
        }
    )


def stacked(published: Published, lang: str) -> str:
    """Stacked bars of a cross-tab: a bar per row, a segment per published cell. A row with a
    suppressed cell is drawn without it (shorter than its total, which may be hidden too)."""
    table = published.table
    values = []
    for i, row in enumerate(table.rows):
        for j, col in enumerate(table.cols):
            value = published.cells.get((row.code, col.code))
            if value:
                values.append(
                    {"row": label(row, lang), "col": label(col, lang), "n": value, "r": i, "c": j}
                )
    count_title = say("women", lang)
    with translation.override(lang):
        col_title = str(table.col_title or "")
    return _render(
        {
            "width": WIDTH - 180,
            "height": {"step": 18},
            "data": {"values": values},
            "mark": "bar",
            "encoding": {
                "y": {"field": "row", "type": "nominal", "title": None, "sort": {"field": "r"}},
                "x": {"field": "n", "type": "quantitative", "title": count_title},
                "color": {
                    "field": "col",
                    "type": "nominal",
                    "title": col_title,
                    "sort": {"field": "c"},
                    "scale": {"range": COLOURS},
                },
                "order": {"field": "c"},
            },
        }
    )


def timeline(leaving: Published, arrival: Published, lang: str) -> str:
    """Women by year of leaving and year of arrival, side by side per year (published years
    only: a suppressed year is a gap, not a zero)."""
    series = [(leaving, say("left_north", lang)), (arrival, say("arrived_south", lang))]
    count_title, year_title = say("women", lang), say("year", lang)
    values = [
        {"year": int(c.code), "n": n, "series": str(name)}
        for published, name in series
        for c, n in published_cells(published)
    ]
    if not values:
        # Every year suppressed: Vega sizes an offset scale with no data as 1.8e308 pixels
        # square, which froze the dashboard. The figure's notes say why there is no chart.
        return ""
    return _render(
        {
            "width": WIDTH,
            "height": 160,
            "data": {"values": values},
            "mark": "bar",
            "encoding": {
                "x": {
                    "field": "year",
                    "type": "ordinal",
                    "title": year_title,
                    "axis": {"labelAngle": -90},
                },
                "xOffset": {"field": "series", "sort": [str(name) for _p, name in series]},
                "y": {"field": "n", "type": "quantitative", "title": count_title},
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "sort": [str(name) for _p, name in series],
                    "scale": {"range": COLOURS[:2]},
                },
            },
        }
    )


# -- the flow of journeys ---------------------------------------------------------------------


def flow(origins: Published, transits: Published, lang: str) -> str:
    """Home province → China → first country after China → South Korea, as bands whose
    widths are published counts: the provinces of `origin_provinces`, the countries of
    `first_transit` (none recorded left out). A suppressed cell is no band; the China node is
    the published number of women (or the sum of the bands when that total is hidden). A band
    is drawn at least a line of text thick, so that every label can be read."""
    provinces = [(label(c, lang), n) for c, n in published_cells(origins) if n > 0]
    countries = [
        (label(c, lang), n)
        for c, n in published_cells(transits)
        if n > 0 and c.code != NOT_RECORDED
    ]
    china_total = origins.cells.get((TOTAL, "")) or sum(n for _c, n in provinces)
    korea_total = sum(n for _c, n in countries)
    china, korea = say("china", lang), say("south_korea", lang)
    heads = [say("home_province", lang), china, say("first_country", lang), korea]
    width, top, gap, node, least = 720, 28, 4, 10, 13
    xs = [150, 290, 430, 560]
    scale = 240 / max(china_total, 1)

    def thick(n: int) -> float:
        return max(n * scale, least)

    china_h = max(china_total * scale, sum(thick(n) for _c, n in provinces), least)
    china_h = max(china_h, sum(thick(n) for _c, n in countries))
    korea_h = sum(thick(n) for _c, n in countries)
    height = int(
        top
        + max(
            sum(thick(n) + gap for _c, n in provinces),
            sum(thick(n) + gap for _c, n in countries),
            china_h,
        )
        + 10
    )
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="11" role="img">'
        ),
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for x, head in zip(xs, heads, strict=True):
        parts.append(
            f'<text x="{x + node / 2}" y="14" text-anchor="middle" font-weight="bold">'
            f"{escape(head)}</text>"
        )

    def box(x: float, y: float, h: float, text: str, anchor: str) -> None:
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{node}" height="{h:.1f}" fill="#444"/>')
        tx = x - 4 if anchor == "end" else x + node + 4
        parts.append(
            f'<text x="{tx}" y="{y + h / 2 + 4:.1f}" text-anchor="{anchor}">{escape(text)}</text>'
        )

    def band(x0: float, y0: float, x1: float, y1: float, h: float, colour: str) -> None:
        mid = (x0 + x1) / 2
        parts.append(
            f'<path d="M{x0},{y0:.1f} C{mid},{y0:.1f} {mid},{y1:.1f} {x1},{y1:.1f} '
            f"L{x1},{y1 + h:.1f} C{mid},{y1 + h:.1f} {mid},{y0 + h:.1f} {x0},{y0 + h:.1f} Z"
            f'" fill="{colour}" fill-opacity="0.45"/>'
        )

    box(xs[1], top, china_h, f"{china} {china_total}", "start")
    y, y_in = top, top
    for i, (text, n) in enumerate(provinces):
        box(xs[0], y, thick(n), f"{text} {n}", "end")
        band(xs[0] + node, y, xs[1], y_in, thick(n), COLOURS[i % len(COLOURS)])
        y_in += thick(n)
        y += thick(n) + gap
    if countries:
        box(xs[3], top, korea_h, f"{korea} {korea_total}", "start")
    y, y_out = top, top
    for i, (text, n) in enumerate(countries):
        colour = COLOURS[(i + 3) % len(COLOURS)]
        box(xs[2], y, thick(n), f"{text} {n}", "start")
        band(xs[1] + node, y_out, xs[2], y, thick(n), colour)
        band(xs[2] + node, y, xs[3], y_out, thick(n), colour)
        y_out += thick(n)
        y += thick(n) + gap
    parts.append("</svg>")
    return "\n".join(parts)
