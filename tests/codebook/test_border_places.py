"""The border rivers and the usual crossing points, and how they reach an archive made with
an older codebook file: `journeys init` reloads the file (docs/codebook.md)."""

import json

import pytest
from django.core.management import call_command

from journeys.codebook.models import CodebookVersion, Kind, Term
from journeys.codebook.selectors import region_of, terms_matching
from journeys.codebook.services import DATA_FILE, codebook_load

NEW_PLACES = {
    "kp-tumen-river",
    "kp-yalu-river",
    "kp-ryanggang-taehongdan-samjang",
    "cn-jilin-yanbian-longjing-sanhe",
    "cn-jilin-yanbian-longjing-kaishantun",
    "cn-jilin-yanbian-helong-nanping",
}


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("두만강", "kp-tumen-river"),
        ("Tumen River", "kp-tumen-river"),
        ("图们江", "kp-tumen-river"),
        ("압록강", "kp-yalu-river"),
        ("Amnok River", "kp-yalu-river"),
        ("Tumen", "cn-jilin-yanbian-tumen"),
        ("개산툰", "cn-jilin-yanbian-longjing-kaishantun"),
        ("삼장", "kp-ryanggang-taehongdan-samjang"),
    ],
)
def test_each_spelling_names_one_place(db, spelling, code):
    assert [t.code for t in terms_matching(spelling, kind=Kind.PLACE)] == [code]


def test_the_rivers_count_as_north_korea_and_a_crossing_point_as_its_province(db):
    river = Term.objects.get(kind=Kind.PLACE, code="kp-tumen-river")
    sanhe = Term.objects.get(kind=Kind.PLACE, code="cn-jilin-yanbian-longjing-sanhe")
    assert region_of(river).code == "kp"
    assert region_of(sanhe).code == "cn-jilin"


def test_an_archive_loaded_with_the_older_file_gets_them_from_init(db, tmp_path, capsys):
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    Term.objects.filter(code__in=NEW_PLACES).delete()  # as the older file left the archive
    older = {
        "version": "2026.11.1",
        "terms": [t for t in data["terms"] if t["code"] not in NEW_PLACES],
    }
    (tmp_path / "older.json").write_text(json.dumps(older, ensure_ascii=False))
    codebook_load(tmp_path / "older.json")
    hyesan_before = Term.objects.get(kind=Kind.PLACE, code="kp-ryanggang-hyesan").pk
    assert not Term.objects.filter(code__in=NEW_PLACES).exists()

    call_command("init")

    assert set(Term.objects.filter(code__in=NEW_PLACES).values_list("code", flat=True)) == (
        NEW_PLACES
    )
    assert Term.objects.get(kind=Kind.PLACE, code="kp-ryanggang-hyesan").pk == hyesan_before
    assert CodebookVersion.objects.latest("pk").version == data["version"] != "2026.11.1"
    assert "6 terms added" in capsys.readouterr().out
