"""The bilingual report, read back as a reader would: text extracted from the PDF (pypdf)
and the HTML, checked against what the statistics compute after disclosure control."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from journeys.archive import services
from journeys.audit.models import AuditEntry
from journeys.codebook.models import Kind
from journeys.reports import report, statistics
from journeys.reports.disclosure import DisclosureRefused, suppress
from journeys.reports.models import Release
from journeys.reports.sentences import share
from journeys.reports.statistics import TOTAL
from tests.conftest import term
from tests.reports.helpers import event, woman
from tests.vault.test_canary import MARKERS, TEXT

pytestmark = pytest.mark.django_db
DATE = dt.date(2026, 3, 8)


def journey(users, province, born, *, countries=("la", "th")):
    interview = woman(users, province=province, born=born)
    for country in countries:
        event(users, interview, "transit", "transit", codes=((Kind.TRANSIT_COUNTRY, country),))
    return interview


@pytest.fixture
def archive(users):
    """Twelve women from North Hamgyong, five from Ryanggang and one from Rason, whose
    transcript and notes carry the canary markers."""
    for born in range(1960, 1972):
        journey(users, "kp-hamgyongbuk", born)
    for born in range(1970, 1975):
        journey(users, "kp-ryanggang", born, countries=("mn",))
    marked = journey(users, "kp-rason", 1961)
    services.transcript_save(
        acting_user=users["interviewer"],
        interview=marked,
        segments=[services.SegmentInput(text_ko=TEXT, text_en=TEXT)],
    )
    services.event_add(
        acting_user=users["coder"],
        interview=marked,
        data=services.EventInput(
            stage=term(Kind.STAGE, "leaving"),
            event_type=term(Kind.EVENT_TYPE, "crossing"),
            place=term(Kind.PLACE, "kp-ryanggang-hyesan"),
            start_year=1998,
            notes=TEXT,
        ),
    )


def build(users, tmp_path, name="report.pdf", fmt="pdf", user="publisher"):
    return report.build(
        acting_user=users[user],
        out=tmp_path / name,
        langs=["ko", "en"],
        date=DATE,
        output_format=fmt,
        min_cell=3,
    )


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    """Without white space: a line break inside a phrase does not hide it."""
    return re.sub(r"\s+", "", text)


def test_the_pdf_has_both_languages_and_the_figures_the_statistics_compute(
    users, archive, tmp_path
):
    text = flat(pdf_text(build(users, tmp_path).path))
    provinces = suppress(statistics.origin_provinces(users["publisher"]), 3)
    total = provinces.cells[(TOTAL, "")]
    hamgyong = provinces.cells[("kp-hamgyongbuk", "")]
    assert (total, hamgyong) == (18, 12)
    pct = share(hamgyong, total)
    for phrase in (
        "Introduction",
        "들어가며",
        f"counts {total} women",
        f"여성 {total}명을",
        f"North Hamgyong ({pct}%)",
        f"함경북도({pct}%)",
        "Method",
        "방법",
    ):
        assert flat(phrase) in text, phrase
    laos = suppress(statistics.first_transit(users["publisher"]), 3).cells[("la", "")]
    assert f"라오스({share(laos, total)}%)였다" in text
    # Rason's one woman is below the minimum: no figure, no band, no bar shows her.
    assert provinces.cells[("kp-rason", "")] is None
    assert "Rason1" not in text
    assert "라선시1" not in text
    # Nothing from the vault or the transcripts: only codes and provinces are counted.
    assert [name for name, marker in MARKERS.items() if flat(marker) in text] == []
    assert "혜산" not in text
    if not report.released_excerpts(users["publisher"]):
        assert flat("No testimony excerpts were released for this report.") in text
        assert flat("이 보고서를 위해 공개된 증언 발췌문이 없다.") in text


def test_no_chart_or_sentence_shows_a_suppressed_cell(users, archive):
    context, _tables = report.compose(
        acting_user=users["publisher"], langs=["ko", "en"], date=DATE, min_cell=3
    )
    for part in context["parts"]:
        for figure in part.figures:
            assert "Rason" not in figure["svg"]
            assert "라선" not in figure["svg"]
        assert not any("Rason" in s or "라선" in s for s in part.introduction)


def test_the_html_report_carries_no_canary_from_the_vault_or_the_transcripts(
    users, archive, tmp_path
):
    html = build(users, tmp_path, "report.html", "html").path.read_text()
    assert "들어가며" in html
    assert "Introduction" in html
    assert [name for name, marker in MARKERS.items() if marker in html] == []
    assert "혜산" not in html


def test_the_same_archive_gives_the_same_report(users, archive, tmp_path):
    first = build(users, tmp_path, "one.pdf")
    second = build(users, tmp_path, "two.pdf")
    assert first.path.read_bytes() == second.path.read_bytes()
    html = build(users, tmp_path, "one.html", "html").path.read_text()
    assert "2026년 3월 8일" in html
    assert "8 March 2026" in html


def test_every_build_is_registered_table_by_table_and_audited(users, archive, tmp_path):
    built = build(users, tmp_path, "report.html", "html")
    releases = Release.objects.all()
    assert {r.table for r in releases} == set(report.TABLES)
    assert {r.parameters["report"] for r in releases} == {built.digest[:16]}
    assert all(r.released_by == users["publisher"] for r in releases)
    entry = AuditEntry.objects.get(action="reports.report")
    assert sorted(entry.detail["tables"]) == sorted(report.TABLES)


def test_a_build_that_differencing_refuses_writes_and_registers_nothing(users, archive, tmp_path):
    build(users, tmp_path, "report.html", "html")
    journey(users, "kp-hamgyongbuk", 1980)  # one more woman: 13 - 12 would describe her
    with pytest.raises(DisclosureRefused, match="origin_provinces"):
        build(users, tmp_path, "again.pdf")  # refused before any rendering
    assert not (tmp_path / "again.pdf").exists()
    assert not (tmp_path / "again.pdf.partial").exists()
    assert Release.objects.count() == len(report.TABLES)
    assert AuditEntry.objects.filter(action="reports.report").count() == 1


def test_too_few_women_for_a_report_is_refused(users, tmp_path):
    woman(users)
    with pytest.raises(DisclosureRefused, match="too few"):
        build(users, tmp_path)
    assert not (tmp_path / "report.pdf").exists()
    assert Release.objects.count() == 0


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_the_command_writes_the_report_where_asked(users, archive, tmp_path):
    out = tmp_path / "report.html"
    printed = run(
        "--user",
        "publisher",
        "--out",
        str(out),
        "--date",
        "2026-03-08",
        "--min-cell",
        "3",
        "--lang",
        "en,ko",
    )
    assert printed.startswith(str(out))
    html = out.read_text()
    assert html.index("Introduction") < html.index("들어가며")  # the order asked for


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "researcher"], "may not publish"),
        (["--user", "publisher", "--lang", "ko,fr"], "Languages"),
        (["--user", "publisher", "--date", "8 March"], "YYYY-MM-DD"),
    ],
)
def test_the_command_refuses_bad_requests_clearly(users, archive, tmp_path, args, message):
    out = tmp_path / "report.pdf"
    with pytest.raises(CommandError, match=message):
        run(*args, "--out", str(out), "--min-cell", "3")
    assert not out.exists()
