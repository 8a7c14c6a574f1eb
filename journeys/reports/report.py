"""The bilingual report: cover, contents, introduction, figures, method, testimonies.

Built in four steps, so a refusal writes nothing: count and suppress every table (nothing
registered), compose the HTML (and the PDF, with WeasyPrint), then, in one transaction,
check the tables against the register (differencing), register one release per table, write
the file, and audit. The same archive, date and options give the same text: the only date
in it is `date`, which the caller fixes (`journeys report --date`).
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from journeys.protection.gate import ReportExcerpt, report_excerpts
from journeys.reports import charts, sentences
from journeys.reports.disclosure import DisclosureRefused, Published
from journeys.reports.services import published_tables, refuse_differencing, tables_release
from journeys.reports.statistics import TOTAL
from journeys.reports.wording import TEXT, TITLES, say

LANGUAGES = ("ko", "en")

# The figures, in the order of the report: (table or tables, chart kind).
FIGURES = [
    (("origin_provinces", "first_transit"), "flow"),
    (("origin_provinces",), "bars"),
    (("birth_decades",), "bars"),
    (("province_by_decade",), "stacked"),
    (("leaving_years", "arrival_years"), "timeline"),
    (("reasons_leaving",), "bars"),
    (("ways_leaving",), "bars"),
    (("trafficked",), "bars"),
    (("trafficked_by_province",), "stacked"),
    (("repatriations",), "bars"),
    (("facility_types",), "bars"),
    (("first_transit",), "bars"),
    (("difficulties_sk",), "bars"),
]
TABLES = list(dict.fromkeys(name for names, _kind in FIGURES for name in names))


@dataclass
class ReportExcerptView:
    heading: str
    text: str
    translation: str
    translation_lang: str


@dataclass
class Part:
    """The report in one language."""

    lang: str
    introduction: list[str]
    figures: list[dict]
    method: list[str]
    excerpts: list[ReportExcerptView]
    text: dict[str, str] = field(default_factory=dict)


def released_excerpts(user) -> list[ReportExcerpt]:
    """The excerpts the release gate lets out for this user: the report prints nothing else
    of a testimony (the gate pseudonymises, checks review and consent; docs/release.md)."""
    return report_excerpts(user)


def _excerpt_view(excerpt: ReportExcerpt, lang: str) -> ReportExcerptView:
    """The passage in the part's language first, with its translation beneath (a passage told
    in one language only is printed in that one)."""
    other = "en" if lang == "ko" else "ko"
    text, translation = getattr(excerpt, f"text_{lang}"), getattr(excerpt, f"text_{other}")
    if not text:
        text, translation, other = translation, "", lang
    return ReportExcerptView(getattr(excerpt, f"heading_{lang}"), text, translation, other)


def parse_languages(value: str) -> list[str]:
    langs = [part.strip() for part in value.split(",") if part.strip()]
    if not langs or any(lang not in LANGUAGES for lang in langs) or len(set(langs)) < len(langs):
        raise DisclosureRefused(
            _("Languages must be ko, en or both, separated by a comma (e.g. ko,en).")
        )
    return langs


def title_of(published: Published, lang: str) -> str:
    if published.table.name in TITLES:
        return say(TITLES[published.table.name], lang)
    with translation.override(lang):
        return str(published.table.title)


def figure(names, kind: str, tables: dict[str, Published], lang: str) -> dict:
    first = tables[names[0]]
    if kind == "flow":
        svg = charts.flow(tables["origin_provinces"], tables["first_transit"], lang)
        title = say("flow", lang)
    elif kind == "timeline":
        svg = charts.timeline(tables["leaving_years"], tables["arrival_years"], lang)
        title = say("timeline", lang)
    elif kind == "stacked":
        svg, title = charts.stacked(first, lang), title_of(first, lang)
    else:
        svg, title = charts.bars(first, lang), title_of(first, lang)
    hidden = []
    for name in names:
        hidden += [t for t in charts.suppressed_labels(tables[name], lang) if t not in hidden]
    notes = []
    if kind == "bars" and not first.table.additive:
        notes.append(say("multi_note", lang))
    if hidden and kind == "stacked":
        notes.append(say("suppressed_cells", lang, n=len(hidden)))
    elif hidden and kind != "flow":
        notes.append(say("suppressed_note", lang, list=", ".join(hidden)))
    return {"title": title, "svg": svg, "notes": notes}


def _method(tables: dict[str, Published], k: int, lang: str) -> list[str]:
    total = tables["origin_provinces"].cells.get((TOTAL, ""))
    if lang == "ko":
        return [
            (
                f"표본: 통계 이용에 동의하고 그 동의를 철회하지 않은 면접의 여성 {total}명."
                " 집계 단위는 여성 한 명이며, 여정의 사건은 그 사건을 말한 면접에 통계 동의가 있을"
                " 때만 센다."
            ),
            (
                "동의: 면접마다 기록, 인용, 통계, 공유에 대한 동의를 따로 받으며, 철회된 동의는 이후의"
                " 모든 공개에 반영된다."
            ),
            (
                f"공개 제한: {k}명 미만의 칸은 공개하지 않으며, 빼기로 그 칸을 알아낼 수 있게 하는 다른"
                " 칸도 함께 가린다. 민감한 항목에서 한 집단 전체가 같은 사실을 공유하면 그 줄을 가린다."
                " 이전 공개와 비교해 차이가 적은 표는 공개하지 않는다. 그림과 문장은 공개된 수치만"
                " 쓴다."
            ),
        ]
    return [
        (
            f"Sample: {total} women, from interviews whose consent to statistics was given and not"
            " withdrawn. The unit is a woman; an event of her journey is counted only when the"
            " interview that told it may be."
        ),
        (
            "Consent: each interview records consent to recording, quoting, statistics and sharing"
            " separately; a withdrawal reaches every release made after it."
        ),
        (
            f"Disclosure control: no cell below {k} women is published, nor any cell that would let"
            " one be worked out by subtraction; a group in which everyone shares a sensitive fact is"
            " not shown; a table that differs little from an earlier release is not published."
            " The charts and sentences use published figures only."
        ),
    ]


def compose(*, acting_user, langs: list[str], date: dt.date, min_cell: int | None = None):
    """Count, suppress and lay out the report (nothing registered). Returns the context and
    the published tables. Refuses when too few women are counted to say anything."""
    published = published_tables(acting_user=acting_user, names=TABLES, min_cell=min_cell)
    tables = {p.table.name: p for p in published}
    k = published[0].min_cell
    if not tables["origin_provinces"].cells.get((TOTAL, "")):
        raise DisclosureRefused(
            _("Refused: fewer than %(k)s women are counted, too few for a report.") % {"k": k}
        )
    excerpts = released_excerpts(acting_user)
    parts = []
    for lang in langs:
        parts.append(
            Part(
                lang=lang,
                introduction=sentences.introduction(tables, lang),
                figures=[figure(names, kind, tables, lang) for names, kind in FIGURES],
                method=_method(tables, k, lang),
                excerpts=[_excerpt_view(e, lang) for e in excerpts],
                text={key: say(key, lang) for key in TEXT if "%" not in TEXT[key][0]},
            )
        )
        parts[-1].text["figures_as_of"] = say("figures_as_of", lang, date=_date(date, lang))
    context = {"parts": parts, "langs": langs, "date": date.isoformat()}
    context["quoted_releases"] = sorted({e.release_id for e in excerpts})
    return context, published


def _date(date: dt.date, lang: str) -> str:
    if lang == "ko":
        return f"{date.year}년 {date.month}월 {date.day}일"
    return f"{date.day} {date:%B} {date.year}"


def render_html(context: dict) -> str:
    return render_to_string("reports/report.html", context)


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # loaded only for a PDF: it brings Pango with it

    return HTML(string=html, base_url=str(Path.cwd())).write_pdf(
        pdf_identifier=b"journeys-report", uncompressed_pdf=False
    )


@dataclass
class Built:
    path: Path
    digest: str
    tables: list[Published]


def build(
    *,
    acting_user,
    out: Path,
    langs: list[str],
    date: dt.date,
    output_format: str = "pdf",
    min_cell: int | None = None,
) -> Built:
    """Compose, render, register and write the report; DisclosureRefused writes nothing."""
    context, published = compose(acting_user=acting_user, langs=langs, date=date, min_cell=min_cell)
    # Refused before the slow part; checked again, locked, when registering.
    refuse_differencing(acting_user, published)
    html = render_html(context)
    content = render_pdf(html) if output_format == "pdf" else html.encode()
    digest = hashlib.sha256(content).hexdigest()

    def write():
        partial = out.with_name(out.name + ".partial")
        partial.write_bytes(content)
        partial.replace(out)

    tables_release(
        acting_user=acting_user,
        tables=published,
        extra={
            "report": digest[:16],
            "format": output_format,
            "date": date.isoformat(),
            "quoted_releases": context["quoted_releases"],
        },
        action="reports.report",
        then=write,
    )
    return Built(out, digest, published)
