"""bench/train_tagger.py, detection's round-six trial of a CRF beside the rules: what it
learns from and what it may change (docs/detection.md, round six)."""

import importlib.util
from pathlib import Path

import pytest

from bench.evaluate import inline
from journeys.protection import kiwi
from journeys.protection.detect import rules_ko

_PATH = Path(__file__).resolve().parents[2] / "bench" / "train_tagger.py"
_SPEC = importlib.util.spec_from_file_location("train_tagger", _PATH)
trial = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(trial)


def analysed(text: str):
    tokens = kiwi.tokenize([text])[0]
    spans, sure = rules_ko(text, tokens)
    return tokens, spans, sure


def test_a_name_and_a_place_are_labelled_morpheme_by_morpheme_for_training():
    example = inline("<김철수:PERSON>가 <혜산:PLACE>에서 왔어요")
    tokens = kiwi.tokenize([example.text])[0]
    labels = dict(zip((t.form for t in tokens), trial.bio(tokens, example.gold), strict=True))
    assert labels["김철수"] == "B-PERSON"
    assert labels["혜산"] == "B-PLACE"
    assert labels["가"] == labels["에서"] == "O"


def test_what_the_rules_marked_is_a_feature_of_the_morpheme():
    tokens, spans, _sure = analysed("김철수가 왔어요")
    rows = trial.features(tokens, spans)
    assert "r=B-PERSON" in rows[0]
    assert "r=" in rows[1]  # the particle 가: nothing marked
    assert "-r=B-PERSON" in rows[1]


@pytest.fixture(scope="module")
def crf(tmp_path_factory):
    """A model trained on invented sentences where whoever sings a song is a stage name,
    even a common word like 바다 (the sea) or 하루 (a day)."""
    words = ("바다", "하루", "소리", "노을", "나비", "거미")
    sentences = [
        f"<{word}:PERSON>가 {song} 불렀다" for word in words for song in ("노래를", "신곡을")
    ]
    sentences += [f"오늘은 {word}가 좋았다" for word in words]
    examples = [inline(s) for s in sentences]
    rows = trial.prepared(examples)
    return trial.train(rows, str(tmp_path_factory.mktemp("crf") / "trial.crfsuite"))


def test_a_stage_name_the_rules_miss_is_added_where_the_model_is_sure(crf):
    tokens, spans, sure = analysed("나무가 노래를 불렀다")
    assert not spans  # the rules alone miss it: 나무 is a tree
    found = trial.refine(crf, tokens, spans, sure, add=0.5, relabel=None)
    assert found == [(0, 2, "PERSON")]


def test_the_same_word_without_the_singer_stays_unmarked(crf):
    tokens, spans, sure = analysed("오늘은 나무가 좋았다")
    assert trial.refine(crf, tokens, spans, sure, add=0.5, relabel=None) == [
        (s.start, s.end, s.label) for s in spans
    ]


def test_what_the_codebook_found_is_never_relabelled(crf):
    tokens, spans, sure = analysed("혜산이 노래를 불렀다")
    found = trial.refine(crf, tokens, spans, sure, add=None, relabel=0.0)
    assert (0, 2, "PLACE") in found  # 혜산 stays a place, however sure the model is
