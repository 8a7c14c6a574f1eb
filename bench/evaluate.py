"""Scoring detection against labelled texts, and reading the labelled sets.

A gold span is found when a predicted span of a matching label overlaps it (a highlight
that covers part of a name still makes the reviewer look at it); a predicted span is right
when it overlaps a gold span of a matching label. Predictions that overlap only gold spans
of unscored types (KLUE's quantities, Presidio's credit cards) count neither way. Beside
recall, `highlight_recall` counts a gold span under a prediction of any label (a person
taken for a place is still highlighted for the reviewer); it is reported, never used in
place of recall.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# The predicted labels that may stand for a gold label: a year is a date, a date a year.
MATCHES = {
    "PERSON": {"PERSON"},
    "PLACE": {"PLACE"},
    "DATE": {"DATE", "YEAR"},
    "YEAR": {"YEAR", "DATE"},
    "AGE": {"AGE"},
    "CONTACT": {"CONTACT"},
    "ORG": {"ORG"},
}
KLUE_LABELS = {"PS": "PERSON", "LC": "PLACE", "DT": "DATE", "OG": "ORG"}
PRESIDIO_LABELS = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "PLACE",
    "GPE": "PLACE",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "CONTACT",
    "EMAIL_ADDRESS": "CONTACT",
    "ORGANIZATION": "ORG",
}

Gold = tuple[int, int, str]  # label None: an unscored type


@dataclass
class Example:
    text: str
    gold: list[Gold]
    group: str = ""  # texts of one group are one testimony


@dataclass
class Score:
    tp_gold: int = 0
    gold: int = 0
    highlighted: int = 0  # gold spans under a prediction of any label (what a reviewer sees)
    tp_pred: int = 0
    pred: int = 0
    misses: list = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else float("nan")

    @property
    def highlight_recall(self) -> float:
        return self.highlighted / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else float("nan")


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def score(examples: list[Example], predictions: list[list]) -> dict[str, Score]:
    """Per-label scores; predictions hold (start, end, label) tuples or Span objects."""
    scores: dict[str, Score] = defaultdict(Score)
    for example, predicted in zip(examples, predictions, strict=True):
        predicted = [
            (p[0], p[1], p[2]) if isinstance(p, tuple) else (p.start, p.end, p.label)
            for p in predicted
        ]
        for g_start, g_end, g_label in example.gold:
            if g_label is None:
                continue
            s = scores[g_label]
            s.gold += 1
            if any(_overlaps(g_start, g_end, p[0], p[1]) for p in predicted):
                s.highlighted += 1
            if any(
                _overlaps(g_start, g_end, p_start, p_end) and p_label in MATCHES[g_label]
                for p_start, p_end, p_label in predicted
            ):
                s.tp_gold += 1
            else:
                s.misses.append(example.text[g_start:g_end])
        for p_start, p_end, p_label in predicted:
            hits = [g for g in example.gold if _overlaps(g[0], g[1], p_start, p_end)]
            if any(g[2] is not None and p_label in MATCHES[g[2]] for g in hits):
                scores[p_label].tp_pred += 1
                scores[p_label].pred += 1
            elif hits and all(g[2] is None for g in hits):
                continue  # an unscored type: neither right nor wrong
            else:
                scores[p_label].pred += 1
    return dict(scores)


def read_klue(path: Path) -> list[Example]:
    """KLUE NER's character-level BIO file; the sentence's text is its characters."""
    examples = []
    chars: list[str] = []
    tags: list[str] = []

    def close():
        if chars:
            examples.append(Example("".join(chars), _bio_spans(tags)))
        chars.clear()
        tags.clear()

    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if line.startswith("##"):
            close()
            continue
        if not line:
            continue
        char, _, tag = line.rpartition("\t")
        chars.append(char)
        tags.append(tag)
    close()
    return examples


def _bio_spans(tags: list[str]) -> list[Gold]:
    spans, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if kind is not None:
            spans.append((start, i, KLUE_LABELS.get(kind)))
        start, kind = (i, tag[2:]) if tag[:2] in ("B-", "I-") else (None, None)
    return spans


def read_presidio(path: Path) -> list[Example]:
    examples = []
    for sample in json.loads(Path(path).read_text(encoding="utf-8")):
        gold = [
            (s["start_position"], s["end_position"], PRESIDIO_LABELS.get(s["entity_type"]))
            for s in sample["spans"]
        ]
        examples.append(Example(sample["full_text"], gold))
    return examples


def inline(text: str) -> Example:
    """A hand-labelled example: "<김씨:PERSON>가 <혜산:PLACE>에서 왔어요"."""
    gold, plain, position = [], [], 0
    for match in re.finditer(r"<([^<>]+?):([A-Z]+)>|([^<]+|<)", text):
        if match.group(3) is not None:
            plain.append(match.group(3))
            position += len(match.group(3))
        else:
            value, label = match.group(1), match.group(2)
            gold.append((position, position + len(value), label))
            plain.append(value)
            position += len(value)
    return Example("".join(plain), gold)


def _codebook_in_memory():
    """The codebook's terms as unsaved Term objects, for the demo generator without a
    database (the benchmark runs without one)."""
    from journeys.codebook.models import Term
    from journeys.protection.gazetteer import DATA_FILE

    entries = json.loads(DATA_FILE.read_text(encoding="utf-8"))["terms"]
    terms: dict[tuple[str, str], Term] = {}
    by_code: dict[str, list[Term]] = defaultdict(list)
    for pk, e in enumerate(entries, 1):
        term = Term(
            pk=pk,
            kind=e["kind"],
            code=e["code"],
            level=e.get("level", ""),
            label_ko=e["ko"],
            label_en=e["en"],
            sort_order=e.get("order", pk),
            active=True,
        )
        terms[(e["kind"], e["code"])] = term
        by_code[e["code"]].append(term)
    for e in entries:
        term = terms[(e["kind"], e["code"])]
        if e.get("parent"):
            candidates = by_code[e["parent"]]
            term.parent_id = ([c for c in candidates if c.kind == e["kind"]] or candidates)[0].pk
        if e.get("located_in"):
            term.located_in_id = terms[("place", e["located_in"])].pk
    return list(terms.values())


def synthetic_testimonies(seed: int, women: int) -> tuple[list[Example], list[Example]]:
    """Korean and English examples from the demo generator, one group per interview."""
    from random import Random

    from journeys.demo import archive as demo
    from journeys.demo.codebook import DemoCodebook

    generator = demo._Generator(Random(seed), DemoCodebook(_codebook_in_memory()), [1])
    korean, english = [], []
    for woman in range(women):
        for number, interview in enumerate(generator.woman().interviews):
            group = f"{seed}-{woman}-{number}"
            for segment in interview.segments:
                korean.append(Example(segment.text_ko, list(segment.spans_ko), group))
                english.append(Example(segment.text_en, list(segment.spans_en), group))
    return korean, english


# Harder cases written by hand: dialect, nicknames, Chinese names, identity numbers,
# addresses, every phone form. Invented; any likeness to a real person is chance.
HARD_KO = [
    "<리순옥:PERSON> 동무가 <1997년 겨울:DATE>에 <혜산:PLACE>서 넘어왔슴다.",
    "우리 오마니는 <무산:PLACE>에서 장사했시요. <김씨:PERSON>네 집에 얹혀살았디.",
    "내래 <열일곱 살:AGE> 때 <순옥이:PERSON>하고 <두만강:PLACE>을 건넜수다.",
    "<최 아바이:PERSON>가 기랬어. <신의주:PLACE> 가면 <박 반장:PERSON>을 찾으라고.",
    "<영희 언니:PERSON>랑 <연길:PLACE>까지 갔어요. 거기서 <왕건국:PERSON>이라는 사람한테 팔렸어요.",
    "<장춘매:PERSON> 아주머니 전화번호는 <+86 139 8765 4321:CONTACT>이었어요.",
    "위챗 아이디는 <kimsunok88:CONTACT>, 큐큐는 <28817733:CONTACT>였어요.",
    "한국 번호 <010-9876-5432:CONTACT>로 연락하라고 했어요.",
    "북한 손전화 <191-234-5678:CONTACT>로 오마니하고 통화했시요.",
    "주민등록번호는 <850312-2123456:CONTACT>이고 중국 신분증은 <222401198503121234:CONTACT>였어요.",
    "<평안북도 신의주시 본부동 23인민반:PLACE>에 살았어요.",
    "<서울 노원구 상계동 123-45:PLACE>에 집을 얻었어요.",
    "<음력 설 다음날:DATE> 새벽에 떠났어요. <2003년 봄:DATE>이었죠.",
    "<량강도:PLACE> <삼수군:PLACE>에서 왔어요. <양강도:PLACE> 사람들은 다 알아요.",
    "<金春花:PERSON>라고 중국 이름을 받았어요. 남편은 <리광호:PERSON>였어요.",
    "메일 주소는 <sunok.kim@example.org:CONTACT>예요.",
    "<1998.3.15:DATE>에 <청진:PLACE> 집결소로 갔어요. 그때 <스무 살:AGE>이었어요.",
    "<옥순 할머니:PERSON>는 <도문:PLACE> 근처 <석현촌:PLACE>에 사셨어요.",
    # nicknames, North Korean spelling and Hamgyong / Pyongan speech, Chinese names, every label
    "동네에서는 다들 <깜순이:PERSON>라고 불렀슴메. 본명은 <로영실:PERSON>이꾸마.",
    "<키다리 언니:PERSON>가 <온성군:PLACE> <남양로동자구:PLACE>에서 같이 넘어왔시요.",
    "<녀성동맹:ORG> 모임에서 <리춘실:PERSON> 동무를 처음 봤슴다.",
    "<연변:PLACE> <화룡시:PLACE>에서 <장위:PERSON>라는 한족 남자한테 팔려 갔어요.",
    "중국 남편 <류샤오밍:PERSON>은 저를 <샤오리:PERSON>라고 불렀어요.",
    "<2009년:YEAR>에 <하나원:ORG>을 나와서 <은혜 교회:ORG>에 다녔어요.",
    "<국정원:ORG> 조사는 <석 달:DATE> 걸렸어요. <마흔두 살:AGE>이었어요.",
    "<두만강 반점:ORG>에서 일할 때 사장 <김영남:PERSON>이 월급을 떼먹었어요.",
    "<延吉:PLACE>에 있는 <연길 식당:ORG>에서 <金玉花:PERSON>라는 조선족 아주머니를 만났어요.",
    "<함경북도 회령시 유선동:PLACE>에서 났고 <리명수:PERSON> 아바이가 외삼촌이에요.",
    "<꽃제비:PERSON> 시절 <뚱보:PERSON>라는 아이가 먹을 걸 나눠 줬어요.",
    "<2012년 4월:DATE>에 <라오스:PLACE>를 거쳐 <태국:PLACE> <방콕:PLACE>으로 갔어요.",
]
HARD_EN = [
    "<Comrade Sun-ok:PERSON> crossed from <Hyesan:PLACE> in <the winter of 1997:DATE>.",
    "<Kim Young-hee:PERSON>, also called <Young Hee Kim:PERSON>, met <Ms. Park:PERSON>.",
    "She was <17:AGE> years old when <Wang Jianguo:PERSON> bought her in <Yanji:PLACE>.",
    "Call <+86 139 8765 4321:CONTACT> or <010-9876-5432:CONTACT>.",
    "Her North Korean phone was <191-234-5678:CONTACT>; WeChat <wxid_sunok88:CONTACT>.",
    "Her QQ number was <28817733:CONTACT> and her e-mail <sunok.kim@example.org:CONTACT>.",
    "She left on <the day after Lunar New Year:DATE> in <2003:YEAR>.",
    "<Grandpa Choi:PERSON> lived in <Sambong-ri:PLACE>, <Samsu County:PLACE>, <Ryanggang:PLACE>.",
    "Her ID number was <850312-2123456:CONTACT>.",
    "They moved to <123 Sanggye-ro, Nowon-gu:PLACE>, <Seoul:PLACE>, on <March 15, 1998:DATE>.",
    "<Ri Kwang-ho:PERSON> and <Jang Chunmei:PERSON> ran the <Hailan River Restaurant:ORG>.",
    "<Sister Ok-sun:PERSON> was <aged 45:AGE> and lived near <Tumen:PLACE>.",
    # nicknames, North Korean spellings, Chinese names, organisations
    "Everyone in the village called her <Kkamsuni:PERSON>; her real name was <Ro Yong-sil:PERSON>.",
    "<Comrade Ri Chun-sil:PERSON> ran the <Women's Union:ORG> meeting in <Onsong County:PLACE>.",
    "In <Helong:PLACE>, <Yanbian:PLACE>, she was sold to a Han Chinese man called <Zhang Wei:PERSON>.",
    "Her Chinese husband <Liu Xiaoming:PERSON> called her <Xiaoli:PERSON>.",
    "She left <Hanawon:ORG> in <2009:YEAR> and joined <Grace Church:ORG>.",
    "The <National Intelligence Service:ORG> questioned her for <three months:DATE>; she was <42:AGE>.",
    "The boss of the <Tumen River Restaurant:ORG>, <Kim Yong-nam:PERSON>, kept her wages.",
    "She went through <Laos:PLACE> to <Bangkok:PLACE>, <Thailand:PLACE>, in <April 2012:DATE>.",
]


def hard_cases() -> tuple[list[Example], list[Example]]:
    return [inline(t) for t in HARD_KO], [inline(t) for t in HARD_EN]
