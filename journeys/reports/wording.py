"""The wording of the report and its charts, in both languages at once.

The report is a bilingual publication, built in both languages in one run, and its
sentences are made from figures: Korean needs the particle chosen by the word before it
(함경북도와, 태국과), which a message catalogue cannot do. So its text is kept here as
(English, Korean) pairs, like the codebook's labels, and the sentences are composed in code
(`journeys/reports/sentences.py`). The interface around it (the dashboard) uses gettext.
"""

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Journeys: the testimonies in figures", "여정: 수치로 본 증언"),
    "subtitle": (
        "Statistics of the testimonies of North Korean women refugees",
        "북한이탈여성 증언 통계",
    ),
    "figures_as_of": ("Figures as of %(date)s", "%(date)s 기준 수치"),
    "contents": ("Contents", "차례"),
    "introduction": ("Introduction", "들어가며"),
    "figures": ("Figures", "그림"),
    "method": ("Method", "방법"),
    "excerpts": ("Testimonies", "증언"),
    "part": ("English", "한국어"),
    "women": ("Women", "여성 수"),
    "year": ("Year", "연도"),
    "china": ("China", "중국"),
    "south_korea": ("South Korea", "한국"),
    "home_province": ("Home province", "출신 도"),
    "first_country": ("First country after China", "중국 다음 첫 경유국"),
    "left_north": ("Left North Korea", "북한을 떠난 해"),
    "arrived_south": ("Arrived in South Korea", "한국에 도착한 해"),
    "flow": ("The journeys: from home to South Korea", "여정: 고향에서 한국까지"),
    "timeline": ("Years of leaving and of arrival", "탈북 연도와 입국 연도"),
    "suppressed_note": (
        "Not shown, to protect the women (too few to publish): %(list)s.",
        "여성 보호를 위해 표시하지 않음(공개하기에 너무 적음): %(list)s.",
    ),
    "suppressed_cells": (
        "Not shown, to protect the women (too few to publish): %(n)s cells of this table.",
        "여성 보호를 위해 이 표의 칸 %(n)s개는 표시하지 않음(공개하기에 너무 적음).",
    ),
    "no_excerpts": (
        "No testimony excerpts were released for this report.",
        "이 보고서를 위해 공개된 증언 발췌문이 없다.",
    ),
    "multi_note": (
        "A woman may be counted in several categories; the categories need not add up.",
        "한 여성이 여러 항목에 포함될 수 있으므로 항목의 합이 전체와 같지 않을 수 있다.",
    ),
}

# Table titles the message catalogue does not have yet, by table name.
TITLES = {"first_transit": "first_country"}


def say(key: str, lang: str, **params) -> str:
    en, ko = TEXT[key]
    text = ko if lang == "ko" else en
    return text % params if params else text
