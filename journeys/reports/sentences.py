"""The introduction's sentences, made from published figures in English and Korean.

Each sentence reads only published cells (a suppressed cell is None and is never named,
counted or used in a share); a sentence whose figures are not published is left out.
Shares are of the published total of women counted, rounded half up.

Korean particles follow the word before them (the label, not the bracketed share):
함경북도(58%)와 but 태국(20%)과; 라오스(55%)였다 but 태국(55%)이었다.
"""

from journeys.reports.charts import label
from journeys.reports.disclosure import Published
from journeys.reports.statistics import NOT_RECORDED, TOTAL, Category

# How digits and signs end when read aloud: whether a final consonant (받침) follows.
_READ_WITH_FINAL = {"0": True, "1": True, "3": True, "6": True, "7": True, "8": True}


def has_final_consonant(word: str) -> bool:
    """Whether the word, read aloud, ends in a consonant (받침), as Korean particles ask."""
    word = word.rstrip(" )")
    if not word:
        return False
    last = word[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28 != 0
    if last.isdigit():
        return _READ_WITH_FINAL.get(last, False)
    return last.lower() in "lmnr"  # borrowed words: "...n" reads with ㄴ, and so on


def particle(word: str, after_consonant: str, after_vowel: str) -> str:
    return word + (after_consonant if has_final_consonant(word) else after_vowel)


def share(n: int, total: int) -> int:
    return (200 * n + total) // (2 * total)


def _total(published: Published) -> int | None:
    value = published.cells.get((TOTAL, ""))
    return value or None


def _ranked(published: Published) -> list[tuple[Category, int]]:
    """Published inner cells, largest first (ties in the table's order)."""
    cells = [
        (i, category, published.cells[(category.code, "")])
        for i, category in enumerate(published.table.rows)
        if category.code != NOT_RECORDED and published.cells.get((category.code, "")) is not None
    ]
    return [(c, n) for _i, c, n in sorted(cells, key=lambda item: (-item[2], item[0])) if n > 0]


def _leading(published: Published, *, least: int = 15, most: int = 3):
    """The largest categories, each at least `least` percent of the women (the first always)."""
    total = _total(published)
    ranked = _ranked(published)
    if not total or not ranked:
        return None, []
    chosen = [ranked[0]]
    for category, n in ranked[1:most]:
        if share(n, total) >= least:
            chosen.append((category, n))
    return total, chosen


def _list_en(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _list_ko(labels: list[str], shares: list[int]) -> str:
    parts = [f"{word}({pct}%)" for word, pct in zip(labels, shares, strict=True)]
    if len(parts) == 1:
        return parts[0]
    # The particle joins the last two, and agrees with the word before the bracket.
    joined = particle(labels[-2], "과", "와")
    parts[-2] = f"{joined[: len(labels[-2])]}({shares[-2]}%){joined[len(labels[-2]) :]}"
    return ", ".join(parts[:-1]) + " " + parts[-1]


def population(tables: dict[str, Published]) -> tuple[str, str] | None:
    total = _total(tables["origin_provinces"])
    if not total:
        return None
    return (
        f"This report counts {total} women who agreed that their testimonies be counted.",
        f"이 보고서는 증언을 통계에 포함하는 데 동의한 여성 {total}명을 집계했다.",
    )


def origins(tables: dict[str, Published]) -> tuple[str, str] | None:
    total, chosen = _leading(tables["origin_provinces"])
    if not chosen:
        return None
    shares = [share(n, total) for _c, n in chosen]
    most = sum(shares) > 50
    en_items = [f"{label(c, 'en')} ({s}%)" for (c, _n), s in zip(chosen, shares, strict=True)]
    ko_list = _list_ko([label(c, "ko") for c, _n in chosen], shares)
    return (
        f"{'Most' if most else 'Many'} of the women came from {_list_en(en_items)}.",
        f"{'대부분' if most else '많은 여성이'} {ko_list} 출신이었다.",
    )


def decades(tables: dict[str, Published]) -> tuple[str, str] | None:
    total, chosen = _leading(tables["birth_decades"], most=1)
    if not chosen:
        return None
    ((category, n),) = chosen
    s = share(n, total)
    return (
        f"The largest group was born in the {category.code}s ({s}%).",
        f"{category.code}년대에 태어난 여성이 가장 많았다({s}%).",
    )


def trafficking(tables: dict[str, Published]) -> tuple[str, str] | None:
    published = tables["trafficked"]
    total, yes = _total(published), published.cells.get(("trafficked", ""))
    if not total or not yes:
        return None
    s = share(yes, total)
    return (
        f"{s}% of the women were trafficked: sold, deceived or abducted.",
        f"여성의 {s}%가 인신매매(팔려 가거나 속거나 납치됨)를 당했다.",
    )


def repatriation(tables: dict[str, Published]) -> tuple[str, str] | None:
    published = tables["repatriations"]
    total, never = _total(published), published.cells.get(("0", ""))
    if not total or never is None or never == total:
        return None
    s = share(total - never, total)
    return (
        f"{s}% were caught in China and sent back to North Korea at least once.",
        f"{s}%는 중국에서 붙잡혀 한 번 이상 북한으로 강제송환되었다.",
    )


def way_out(tables: dict[str, Published]) -> tuple[str, str] | None:
    total, chosen = _leading(tables["first_transit"], most=1)
    if not chosen:
        return None
    ((category, n),) = chosen
    s = share(n, total)
    ko = label(category, "ko")
    copula = "이었다" if has_final_consonant(ko) else "였다"
    return (
        f"Most often, the first country after China was {label(category, 'en')} ({s}%).",
        f"중국 다음으로 가장 많이 처음 거친 나라는 {ko}({s}%){copula}.",
    )


def peak_year(tables: dict[str, Published]) -> tuple[str, str] | None:
    ranked = _ranked(tables["leaving_years"])
    if not ranked:
        return None
    category, _n = ranked[0]
    return (
        f"Of the years shown, most women left North Korea in {category.code}.",
        f"공개된 연도 가운데 북한을 떠난 여성이 가장 많은 해는 {category.code}년이었다.",
    )


SENTENCES = (population, origins, decades, trafficking, repatriation, way_out, peak_year)


def introduction(tables: dict[str, Published], lang: str) -> list[str]:
    """The sentences in one language, in order; those without published figures left out."""
    index = 1 if lang == "ko" else 0
    return [made[index] for make in SENTENCES if (made := make(tables)) is not None]
