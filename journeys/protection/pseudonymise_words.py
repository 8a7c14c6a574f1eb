"""The words pseudonymisation writes: roles of people, kinds of organisations, holidays'
seasons, numbers. General knowledge of Korean and English, written by hand."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    """How a person is called in each language: 브로커 / broker, 동무 / Comrade."""

    ko: str
    en: str


# (Korean words, English words, Korean role, English role). The words around a name in
# either language give the role; the role is then written in both. Titles that English
# writes before a name with a capital (Comrade A, Pastor C) keep it.
_ROLE_ROWS = [
    ("브로커 중개인 거간꾼 안내인", "broker smuggler middleman guide", "브로커", "broker"),
    ("언니 누나 누이", "sister|older sister|elder sister|big sister", "언니", "sister"),
    ("여동생", "younger sister|little sister", "여동생", "sister"),
    ("오빠 오래비", "older brother|elder brother|big brother", "오빠", "brother"),
    ("형 형님", "", "형", "brother"),
    ("남동생", "brother|younger brother|little brother", "남동생", "brother"),
    ("동생", "sibling", "동생", "sibling"),
    ("남편 서방 신랑", "husband", "남편", "husband"),
    ("아내 마누라 처 색시", "wife", "아내", "wife"),
    ("어머니 엄마 오마니 어마이 어머이 모친", "mother mum mom", "어머니", "mother"),
    ("아버지 아빠 아바지 부친", "father dad", "아버지", "father"),
    ("아들", "son", "아들", "son"),
    ("딸", "daughter", "딸", "daughter"),
    ("할머니 할머이 할매 아매 아마이 할미", "grandmother grandma granny", "할머니", "Grandma"),
    ("할아버지 할아바이 영감", "grandfather grandpa", "할아버지", "Grandpa"),
    ("아바이", "", "아바이", "Grandpa"),
    ("동무 동지", "comrade", "동무", "Comrade"),
    ("아주머니 아줌마 아지미 아즈마이", "auntie", "아주머니", "Auntie"),
    ("이모 고모 숙모", "aunt", "이모", "aunt"),
    ("삼촌 외삼촌 아재 아저씨", "uncle", "삼촌", "uncle"),
    (
        "보위원 보위부원 보위지도원",
        "security officer|bowibu officer|agent",
        "보위원",
        "security officer",
    ),
    ("보안원 안전원 경찰 공안", "police officer|policeman|officer", "보안원", "police officer"),
    ("조사관 담당자 지도원", "interrogator investigator", "조사관", "interrogator"),
    ("주인 집주인", "owner landlord landlady", "주인", "owner"),
    ("사장 사장님", "boss employer", "사장", "boss"),
    ("관리원 관리인 지배인", "manager", "관리원", "manager"),
    (
        "반장 인민반장 과장 부장 소장 대장 위원장 간부",
        "head chief official director",
        "간부",
        "official",
    ),
    ("목사 목사님 전도사", "pastor preacher reverend", "목사", "Pastor"),
    ("선교사", "missionary", "선교사", "missionary"),
    ("선생 선생님 교사", "teacher", "선생", "teacher"),
    ("친구 동창 동기", "friend classmate", "친구", "friend"),
    ("남자 사내", "man|chinese man|han chinese man|korean-chinese man", "남자", "man"),
    ("여자 여성", "woman|chinese woman|korean-chinese woman", "여자", "woman"),
    ("시어머니", "mother-in-law", "시어머니", "mother-in-law"),
    ("시아버지", "father-in-law", "시아버지", "father-in-law"),
    ("애인 동거인", "partner boyfriend", "애인", "partner"),
    ("이웃", "neighbour neighbor", "이웃", "neighbour"),
    ("의사", "doctor", "의사", "doctor"),
    ("기자", "reporter journalist", "기자", "reporter"),
]


def _roles() -> dict[str, dict[str, Role]]:
    table: dict[str, dict[str, Role]] = {"ko": {}, "en": {}}
    for ko_words, en_words, ko, en in _ROLE_ROWS:
        role = Role(ko, en)
        for word in ko_words.split():
            table["ko"].setdefault(word, role)
        for word in en_words.split("|") if "|" in en_words else en_words.split():
            table["en"].setdefault(word, role)
    return table


ROLES = _roles()

# Public bodies every testimony names; they identify nobody and stay as written.
KO_PUBLIC_BODIES = frozenset(
    "보위부 보위성 국가보위성 보안서 보안부 안전부 안전서 사회안전성 인민보안성 경비대 "  # noqa: SIM905
    "국경경비대 공안 변방대 인민군 군대 이민국 경찰 세관".split()
) | frozenset(["중국 공안", "중국 변방대", "북한 보위부", "태국 경찰", "태국 이민국"])
EN_PUBLIC_BODIES = frozenset(
    [
        "police",
        "chinese police",
        "border police",
        "chinese border police",
        "thai police",
        "border guards",
        "the border guards",
        "state security",
        "ministry of state security",
        "ministry of social security",
        "bowibu",
        "immigration",
        "immigration office",
        "immigration detention centre",
        "public security",
        "public security bureau",
        "army",
        "korean people's army",
    ]
)

# What an organisation becomes, by the word it ends with (Korean) or holds (English).
KO_ORG_TYPES = [
    ("교회", "교회"),
    ("성당", "성당"),
    ("식당", "식당"),
    ("반점", "식당"),
    ("랭면집", "식당"),
    ("냉면집", "식당"),
    ("봉제", "회사"),
    ("식품", "회사"),
    ("물류", "회사"),
    ("회사", "회사"),
    ("기업", "회사"),
    ("그룹", "회사"),
    ("요양원", "요양원"),
    ("공장", "공장"),
    ("기업소", "공장"),
    ("농장", "농장"),
    ("병원", "병원"),
    ("학교", "학교"),
    ("대학", "학교"),
    ("대학교", "학교"),
    ("상점", "상점"),
    ("은행", "은행"),
    ("집결소", "집결소"),
    ("교화소", "교화소"),
    ("관리소", "관리소"),
    ("구류장", "구류장"),
    ("단련대", "노동단련대"),
    ("보위부", "보위부"),
    ("안전부", "안전부"),
    ("보안서", "보안서"),
    ("센터", "단체"),
    ("협회", "단체"),
    ("재단", "단체"),
]
EN_ORG_TYPES = [
    ("church", "church"),
    ("restaurant", "restaurant"),
    ("factory", "factory"),
    ("farm", "farm"),
    ("hospital", "hospital"),
    ("school", "school"),
    ("university", "school"),
    ("college", "school"),
    ("home", "care home"),
    ("market", "shop"),
    ("store", "shop"),
    ("shop", "shop"),
    ("hotel", "hotel"),
    ("bank", "bank"),
    ("foods", "company"),
    ("logistics", "company"),
    ("company", "company"),
    ("corporation", "company"),
    ("group", "company"),
    ("inc", "company"),
    ("ltd", "company"),
    ("centre", "holding centre"),
    ("center", "organisation"),
    ("camp", "camp"),
    ("foundation", "organisation"),
    ("association", "organisation"),
]

# Named days and the season they fall in (an exact day without its year says the season).
HOLIDAY_SEASONS = [
    ("설날", "winter"),
    ("설", "winter"),
    ("구정", "winter"),
    ("신정", "winter"),
    ("정월", "winter"),
    ("대보름", "winter"),
    ("섣달", "winter"),
    ("동지", "winter"),
    ("크리스마스", "winter"),
    ("성탄", "winter"),
    ("광명성절", "winter"),
    ("태양절", "spring"),
    ("한식", "spring"),
    ("단오", "summer"),
    ("광복절", "summer"),
    ("추석", "autumn"),
    ("한가위", "autumn"),
    ("lunar new year", "winter"),
    ("new year", "winter"),
    ("christmas", "winter"),
    ("chuseok", "autumn"),
    ("day of the sun", "spring"),
]

EN_AGE_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

_KO_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
            "일흔": 70, "여든": 80, "아흔": 90}  # fmt: skip
_KO_UNITS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "서": 3, "넷": 4,
             "네": 4, "넉": 4, "너": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}  # fmt: skip
_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}


def korean_number(word: str) -> int | None:
    """A Korean number word: 서른다섯 35, 열일곱 17, 스무 20, 마흔세 43, 십칠 17."""
    word = word.replace(" ", "")
    if not word:
        return None
    total = 0
    for tens, value in sorted(_KO_TENS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(tens):
            total, word = value, word[len(tens) :]
            break
    if not word:
        return total or None
    if word in _KO_UNITS:
        return total + _KO_UNITS[word]
    if total:
        return None
    # Sino-Korean: 십칠, 이십삼
    if "십" in word:
        head, _, tail = word.partition("십")
        tens = _SINO.get(head, 1 if not head else 0)
        units = _SINO.get(tail, 0 if not tail else -100)
        value = tens * 10 + units
        return value if value > 0 else None
    return _SINO.get(word)
