"""Detection round six, a trial: a linear-chain CRF beside the Korean rules.

    .venv/bin/python bench/train_tagger.py [--data ../shared/data] [--held] [--out FILE]

The CRF (python-crfsuite, a dev dependency) tags Kiwi's morphemes B-/I-PERSON, PLACE or ORG
from each morpheme's form and tag, its neighbours', its syllables, whether a lexicon or
dictionary lists it and what the rules marked there. Its word is used two ways: a span the
model is sure of (the least marginal of its morphemes) where the rules found nothing is
added, and a person or place the rules guessed is given the other label when the model is
sure of that; patterns, the codebook and the lists are never changed.

It learns only from the development part of the shared KLUE half (even sentences, as in
bench/detection.py). By default the development part is split in two, a model is trained
on each half and the other half scored (a model scored on its own training sentences finds
every name, so only such figures say anything). --held trains on the whole development part
and prints the held part's scores (no misses) and what the tagger costs in time, beside the
rules alone; --out writes that model (derived from KLUE: CC BY-SA 4.0). The outcome is in
docs/detection.md (round six): it was not adopted.
"""

import argparse
import os
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")

KINDS = ("PERSON", "PLACE")  # what the model may add or relabel (issue 4's targets)
# L1 keeps the model small (most form features get no weight); chosen once, by hand.
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
# (add, relabel): how sure the model must be; None: that use is off.
SETTINGS = [(None, None), (0.9, 0.9), (0.7, 0.7), (0.5, 0.5), (0.5, None), (None, 0.5)]


def _script(form: str) -> str:
    c = form[:1]
    if "가" <= c <= "힣":
        return "h"
    if c.isascii() and c.isalpha():
        return "A" if c.isupper() else "a"
    if c.isdigit():
        return "d"
    return "c" if "\u4e00" <= c <= "\u9fff" else "o"


@lru_cache(maxsize=200_000)
def _own(form: str, tag: str, unknown: bool) -> tuple[str, ...]:
    """What the morpheme is, whatever its sentence: cached, since forms repeat."""
    from journeys.protection import korean, lexicon, mecab_names, world

    feats = ["w=" + form, "t=" + tag, "s=" + _script(form), f"n={min(len(form), 4)}"]
    if tag[0] not in "NSX" and tag != "UN":
        return tuple(feats)  # verbs, endings and particles: their form says all
    names = mecab_names.names()
    flags = {
        "oov": unknown,
        "sur": form[:1] in lexicon.KO_SURNAMES,
        "given": len(form) >= 2
        and form[1] in lexicon.KO_GIVEN_FIRST
        and form[-1] in lexicon.KO_GIVEN_LAST,
        "sino": korean.sino_korean(form),
        "dp": form in names.persons,
        "dl": form in names.places,
        "dc": form in names.common_names,
        "do": form in names.organisations,
        "wp": form in lexicon.KO_WORLD_PLACES or form in world.world_places().korean,
        "title": form in lexicon.KO_TITLE_SET,
    }
    return (*feats, "f=" + form[:1], "z=" + form[-1:], *(k for k, on in flags.items() if on))


def _rule_marks(tokens, spans) -> list[str]:
    """The label the rules gave each morpheme ("" where none), B- at a span's first one."""
    marks = [""] * len(tokens)
    k = 0
    for i, token in enumerate(tokens):
        while k < len(spans) and spans[k].end <= token.start:
            k += 1
        if k < len(spans) and spans[k].start < token.end:
            first = i == 0 or tokens[i - 1].end <= spans[k].start
            marks[i] = ("B-" if first else "I-") + spans[k].label
    return marks


def features(tokens, spans) -> list[list[str]]:
    """One list of feature strings per morpheme of a sentence; `spans` are the rules'."""
    from journeys.protection import korean

    own = [_own(t.form, t.tag, korean.unknown_to_kiwi(t)) for t in tokens]
    marks = _rule_marks(tokens, spans)
    rows = []
    for i, token in enumerate(tokens):
        row = [*own[i], "r=" + marks[i]]
        for side, j in (("-", i - 1), ("+", i + 1), ("++", i + 2)):
            if 0 <= j < len(tokens):
                row += (side + "w=" + tokens[j].form, side + "t=" + tokens[j].tag)
        if i and tokens[i - 1].end < token.start:
            row.append("sp")  # a word begins here
        row += ("-r=" + (marks[i - 1] if i else "BOS"),)
        row += ("+r=" + (marks[i + 1] if i + 1 < len(tokens) else "EOS"),)
        rows.append(row)
    return rows


def bio(tokens, gold) -> list[str]:
    """The gold label of each morpheme: (start, end, label) spans, label None unscored."""
    labels = []
    for i, token in enumerate(tokens):
        label = "O"
        for start, end, kind in gold:
            if kind in ("PERSON", "PLACE", "ORG") and start < token.end and token.start < end:
                before = tokens[i - 1] if i else None
                inside = before is not None and start < before.end and before.start < end
                label = ("I-" if inside else "B-") + kind
                break
        labels.append(label)
    return labels


def _segments(labels):
    """The model's own spans: (first, last) morpheme indices and label."""
    i = 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        kind = labels[i][2:]
        j = i + 1
        while j < len(labels) and labels[j] == "I-" + kind:
            j += 1
        yield i, j - 1, kind
        i = j


def refine(crf, tokens, spans, sure, add, relabel) -> list[tuple[int, int, str]]:
    """The rules' spans of one sentence with the model's word on them (see the top)."""
    result = [(s.start, s.end, s.label) for s in spans]
    if not tokens:
        return result
    crf.set(features(tokens, spans))
    labels = crf.tag()
    if relabel is not None:
        result = [_relabelled(crf, tokens, s, sure, relabel) for s in spans]
    if add is not None:
        result += _added(crf, tokens, labels, result, add)
    return result


def _share(crf, kind: str, index: int) -> float:
    return crf.marginal("B-" + kind, index) + crf.marginal("I-" + kind, index)


def _relabelled(crf, tokens, span, sure, relabel):
    if span.label not in KINDS or (span.start, span.end, span.label) in sure:
        return span.start, span.end, span.label
    inside = [i for i, t in enumerate(tokens) if t.start < span.end and span.start < t.end]
    other = next(kind for kind in KINDS if kind != span.label)
    if inside and max(_share(crf, other, i) for i in inside) >= relabel:
        return span.start, span.end, other
    return span.start, span.end, span.label


def _added(crf, tokens, labels, taken, add):
    for first, last, kind in _segments(labels):
        start, end = tokens[first].start, tokens[last].end
        if kind not in KINDS or any(s < end and start < e for s, e, _label in taken):
            continue
        if min(crf.marginal(labels[i], i) for i in range(first, last + 1)) >= add:
            yield start, end, kind


def prepared(examples):
    """(example, tokens, rule spans, sure spans, features, gold labels) per sentence."""
    from journeys.protection import detect, kiwi

    out = []
    analyses = kiwi.tokenize([e.text for e in examples])
    for example, tokens in zip(examples, analyses, strict=True):
        spans, sure = detect.rules_ko(example.text, tokens)
        row = (example, tokens, spans, sure, features(tokens, spans), bio(tokens, example.gold))
        out.append(row)
    return out


def train(rows, path: str):
    """Train on the rows, write the model to `path` and open it."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for *_rest, xseq, yseq in rows:
        trainer.append(xseq, yseq)
    trainer.set_params(PARAMS)
    trainer.train(path)
    crf = pycrfsuite.Tagger()
    crf.open(path)
    return crf


def _score(crf, rows, totals: dict) -> None:
    from bench import evaluate

    for add, relabel in SETTINGS:
        predictions = [
            refine(crf, tokens, spans, sure, add, relabel)
            for _e, tokens, spans, sure, _x, _y in rows
        ]
        scores = evaluate.score([r[0] for r in rows], predictions)
        for label in (*KINDS, "ORG"):
            s = scores[label]
            total = totals.setdefault(((add, relabel), label), [0, 0, 0, 0])
            for n, value in enumerate((s.tp_gold, s.gold, s.tp_pred, s.pred)):
                total[n] += value


def _print(title: str, totals: dict) -> None:
    print(title)
    for ((add, relabel), label), (tp_gold, gold, tp_pred, pred) in totals.items():
        print(
            f"  add={add} relabel={relabel} {label:<7} P {tp_pred / pred:.3f}"
            f" R {tp_gold / gold:.3f} ({tp_gold}/{gold})"
        )


def cross_validate(rows) -> None:
    totals: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        for k in (0, 1):
            crf = train(rows[1 - k :: 2], str(Path(folder) / f"fold{k}.crfsuite"))
            _score(crf, rows[k::2], totals)
    _print("dev, two folds (each half scored by a model trained on the other):", totals)


def held(rows, klue, out: str | None) -> None:
    """Train on all of dev; score held (figures only) and time the tagger on the half."""
    with tempfile.TemporaryDirectory() as folder:
        crf = train(rows, out or str(Path(folder) / "dev.crfsuite"))
        totals: dict = {}
        _score(crf, prepared(klue[1::2]), totals)
        _print("held, model trained on all of dev:", totals)
        _timing(crf, klue)


def _timing(crf, klue) -> None:
    """The tagger's CPU time beside the rules' and bare Kiwi's, on the whole half."""
    from journeys.protection import detect, kiwi

    texts = [e.text for e in klue]
    chars = sum(map(len, texts))
    start = time.process_time()
    analyses = list(kiwi.analyser().tokenize(texts))
    bare = time.process_time() - start
    start = time.process_time()
    detect.detect_texts(texts, "ko", consistent=False)
    rules = time.process_time() - start
    start = time.process_time()
    for text, tokens in zip(texts, analyses, strict=True):
        spans, sure = detect.rules_ko(text, tokens)
        refine(crf, tokens, spans, sure, 0.5, 0.5)
    both = time.process_time() - start  # the rules again, then the tagger
    tagger = both - (rules - bare)
    print(f"CPU seconds on {chars:,} characters: bare Kiwi {bare:.2f}, detection {rules:.2f}")
    print(
        f"  tagger about {tagger:.2f} more: detection {chars / rules:,.0f} chars/s"
        f" ({bare / rules:.0%} of bare Kiwi), with the tagger {chars / (rules + tagger):,.0f}"
        f" ({bare / (rules + tagger):.0%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--held", action="store_true", help="score held with a dev model")
    parser.add_argument("--out", help="with --held: write the model trained on dev here")
    args = parser.parse_args()

    import django

    django.setup()
    from bench import evaluate

    klue = evaluate.read_klue(Path(args.data) / "klue-ner" / "klue-ner-v1.1_dev-share.tsv")
    rows = prepared(klue[0::2])  # dev only: the odd sentences are held out
    if args.held:
        held(rows, klue, args.out)
    else:
        cross_validate(rows)


if __name__ == "__main__":
    main()
