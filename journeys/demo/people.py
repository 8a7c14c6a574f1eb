"""Invented identifying details for the demo testimonies: names, villages, dates, ages, contacts.

Every value is drawn from a `random.Random` the caller passes in, so one seed gives one text.
The names are common syllables combined at random and every account name, messenger ID and
e-mail address carries "demo", so no value points at a real person. They are there on purpose:
detection of identifying details needs texts full of them.
"""

from dataclasses import dataclass
from random import Random

PERSON = "PERSON"
PLACE = "PLACE"
DATE = "DATE"
YEAR = "YEAR"
AGE = "AGE"
CONTACT = "CONTACT"
ORG = "ORG"


@dataclass(frozen=True)
class Fill:
    """One value a template inserts, in both languages; `label` is None when not identifying."""

    ko: str
    en: str
    label: str | None = None


# (Hangul, romanisation) pairs. North Korean spelling and romanisation, since the women are.
KOREAN_SURNAMES = [
    ("김", "Kim"),
    ("리", "Ri"),
    ("박", "Pak"),
    ("최", "Choe"),
    ("정", "Jong"),
    ("강", "Kang"),
    ("조", "Jo"),
    ("윤", "Yun"),
    ("장", "Jang"),
    ("한", "Han"),
    ("림", "Rim"),
    ("오", "O"),
    ("신", "Sin"),
    ("황", "Hwang"),
    ("안", "An"),
    ("송", "Song"),
    ("전", "Jon"),
    ("홍", "Hong"),
    ("문", "Mun"),
    ("로", "Ro"),
    ("허", "Ho"),
    ("남", "Nam"),
    ("배", "Pae"),
    ("백", "Paek"),
    ("방", "Pang"),
    ("차", "Cha"),
    ("현", "Hyon"),
    ("엄", "Om"),
    ("주", "Ju"),
    ("량", "Ryang"),
]
FEMALE_SYLLABLES = [
    ("순", "sun"),
    ("옥", "ok"),
    ("영", "yong"),
    ("희", "hui"),
    ("명", "myong"),
    ("숙", "suk"),
    ("금", "kum"),
    ("춘", "chun"),
    ("화", "hwa"),
    ("정", "jong"),
    ("선", "son"),
    ("경", "kyong"),
    ("애", "ae"),
    ("미", "mi"),
    ("향", "hyang"),
    ("련", "ryon"),
    ("혜", "hye"),
    ("은", "un"),
    ("봉", "pong"),
    ("복", "pok"),
    ("실", "sil"),
    ("단", "dan"),
    ("월", "wol"),
    ("분", "pun"),
    ("설", "sol"),
    ("림", "rim"),
    ("주", "ju"),
    ("란", "ran"),
    ("녀", "nyo"),
    ("심", "sim"),
]
MALE_SYLLABLES = [
    ("철", "chol"),
    ("남", "nam"),
    ("호", "ho"),
    ("성", "song"),
    ("일", "il"),
    ("광", "kwang"),
    ("혁", "hyok"),
    ("진", "jin"),
    ("수", "su"),
    ("용", "yong"),
    ("만", "man"),
    ("석", "sok"),
    ("국", "kuk"),
    ("길", "gil"),
    ("학", "hak"),
    ("천", "chon"),
    ("명", "myong"),
    ("충", "chung"),
    ("웅", "ung"),
    ("범", "bom"),
    ("규", "gyu"),
    ("룡", "ryong"),
    ("준", "jun"),
    ("덕", "dok"),
]
# Chinese names as a Korean-Chinese woman would say them in Korean, and in pinyin.
CHINESE_SURNAMES = [
    ("왕", "Wang"),
    ("리", "Li"),
    ("장", "Zhang"),
    ("류", "Liu"),
    ("진", "Chen"),
    ("양", "Yang"),
    ("조", "Zhao"),
    ("황", "Huang"),
    ("주", "Zhou"),
    ("오", "Wu"),
    ("손", "Sun"),
    ("마", "Ma"),
    ("고", "Gao"),
    ("림", "Lin"),
    ("곽", "Guo"),
    ("하", "He"),
    ("호", "Hu"),
    ("서", "Xu"),
]
CHINESE_SYLLABLES = [
    ("건", "jian"),
    ("국", "guo"),
    ("지", "zhi"),
    ("강", "qiang"),
    ("해", "hai"),
    ("도", "tao"),
    ("영", "yong"),
    ("복", "fu"),
    ("덕", "de"),
    ("명", "ming"),
    ("화", "hua"),
    ("춘", "chun"),
    ("생", "sheng"),
    ("보", "bao"),
    ("산", "shan"),
    ("금", "jin"),
    ("룡", "long"),
    ("문", "wen"),
    ("군", "jun"),
    ("신", "xin"),
    ("대", "da"),
    ("소", "xiao"),
    ("홍", "hong"),
    ("량", "liang"),
    ("봉", "feng"),
    ("평", "ping"),
    ("안", "an"),
    ("귀", "gui"),
    ("성", "cheng"),
    ("흥", "xing"),
]
# Syllables for invented village names, North Korean (리/동) and Chinese (촌).
VILLAGE_SYLLABLES = [
    ("송", "Song"),
    ("평", "pyong"),
    ("신", "Sin"),
    ("흥", "hung"),
    ("하", "Ha"),
    ("룡", "ryong"),
    ("삼", "Sam"),
    ("봉", "bong"),
    ("청", "Chong"),
    ("암", "am"),
    ("덕", "Dok"),
    ("산", "san"),
    ("금", "Kum"),
    ("천", "chon"),
    ("동", "Dong"),
    ("풍", "pung"),
    ("대", "Dae"),
    ("양", "yang"),
]
NORTH_VILLAGE_SUFFIXES = [("리", "-ri"), ("동", "-dong"), ("로동자구", " workers' district")]

ROMAN_DIGITS = "0123456789"
ID_LETTERS = "abcdefghjkmnpqrstuvwxyz"
NATIVE_UNITS = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SEASONS = [
    ("겨울", "winter"),
    ("겨울", "winter"),
    ("봄", "spring"),
    ("봄", "spring"),
    ("봄", "spring"),
    ("여름", "summer"),
    ("여름", "summer"),
    ("여름", "summer"),
    ("가을", "autumn"),
    ("가을", "autumn"),
    ("가을", "autumn"),
    ("겨울", "winter"),
]
LUNAR_DAYS = [
    ("음력 설 다음날", "the day after Lunar New Year"),
    ("음력 정월 대보름", "the first full moon of the lunar year"),
    ("추석 전날", "the day before Chuseok"),
    ("음력 팔월 보름", "the fifteenth day of the eighth lunar month"),
    ("음력 섣달 그믐날", "the last day of the lunar year"),
]


def _given(rng: Random, syllables: list[tuple[str, str]]) -> tuple[str, str]:
    first, second = rng.sample(syllables, 2)
    return first[0] + second[0], f"{first[1].capitalize()}-{second[1]}"


def korean_name(rng: Random, *, female: bool) -> Fill:
    """A full name: 김순옥 / Kim Sun-ok."""
    surname = rng.choice(KOREAN_SURNAMES)
    given = _given(rng, FEMALE_SYLLABLES if female else MALE_SYLLABLES)
    return Fill(surname[0] + given[0], f"{surname[1]} {given[1]}", PERSON)


def korean_nickname(rng: Random, *, female: bool) -> Fill:
    """How women name each other in testimonies: 순옥 동무, 영희 언니, 최 아바이, 김씨."""
    surname = rng.choice(KOREAN_SURNAMES)
    given = _given(rng, FEMALE_SYLLABLES if female else MALE_SYLLABLES)
    if female:
        forms = [
            (f"{given[0]} 동무", f"Comrade {given[1]}"),
            (f"{given[0]} 언니", f"Sister {given[1]}"),
            (f"{surname[0]} 아주머니", f"Auntie {surname[1]}"),
        ]
    else:
        forms = [
            (f"{surname[0]}씨", f"Mr. {surname[1]}"),
            (f"{surname[0]} 아바이", f"Grandpa {surname[1]}"),
            (f"{given[0]} 동무", f"Comrade {given[1]}"),
        ]
    ko, en = rng.choice(forms)
    return Fill(ko, en, PERSON)


def chinese_name(rng: Random, *, surname: tuple[str, str] | None = None) -> Fill:
    """A Chinese name read in Korean, and in pinyin: 왕건국 / Wang Jianguo."""
    surname = surname or rng.choice(CHINESE_SURNAMES)
    first, second = rng.sample(CHINESE_SYLLABLES, 2)
    return Fill(
        surname[0] + first[0] + second[0],
        f"{surname[1]} {first[1].capitalize()}{second[1]}",
        PERSON,
    )


def chinese_surname_of(name: Fill) -> tuple[str, str]:
    """The surname of a name chinese_name() made, so a child can carry her father's."""
    return name.ko[0], name.en.split()[0]


def north_village(rng: Random) -> Fill:
    first, second = rng.sample(VILLAGE_SYLLABLES, 2)
    suffix = rng.choice(NORTH_VILLAGE_SUFFIXES)
    roman = (first[1] + second[1].lower()).capitalize()
    return Fill(first[0] + second[0] + suffix[0], roman + suffix[1], PLACE)


def chinese_village(rng: Random) -> Fill:
    first, second = rng.sample(CHINESE_SYLLABLES, 2)
    roman = (first[1] + second[1]).capitalize()
    return Fill(f"{first[0]}{second[0]}촌", f"{roman} village", PLACE)


def native_number(n: int) -> str:
    """1..99 as the native Korean numerals counting years of age: 17 -> 열일곱, 20 -> 스무."""
    if n == 20:
        return "스무"
    tens, units = divmod(n, 10)
    return NATIVE_TENS[tens] + NATIVE_UNITS[units]


def age(rng: Random, years: int) -> Fill:
    """An age, the way people say it: 열일곱 살 (mostly), 17살 or 17세 / 17."""
    form = rng.random()
    if 0 < years < 100 and form < 0.7:
        ko = f"{native_number(years)} 살"
    elif form < 0.9:
        ko = f"{years}살"
    else:
        ko = f"{years}세"
    return Fill(ko, str(years), AGE)


def year(value: int) -> Fill:
    return Fill(str(value), str(value), YEAR)


def month(value: int) -> Fill:
    return Fill(f"{value}월", MONTHS_EN[value - 1], DATE)


def year_month(value: int, month_value: int) -> Fill:
    return Fill(f"{value}년 {month_value}월", f"{MONTHS_EN[month_value - 1]} {value}", DATE)


def full_date(rng: Random, value: int, month_value: int) -> Fill:
    day = rng.randint(1, 28)
    return Fill(
        f"{value}년 {month_value}월 {day}일", f"{MONTHS_EN[month_value - 1]} {day}, {value}", DATE
    )


def season(month_value: int) -> Fill:
    ko, en = SEASONS[month_value - 1]
    return Fill(ko, en)


def lunar_day(rng: Random) -> Fill:
    ko, en = rng.choice(LUNAR_DAYS)
    return Fill(ko, en, DATE)


def _digits(rng: Random, count: int) -> str:
    return "".join(rng.choice(ROMAN_DIGITS) for _ in range(count))


def phone_north(rng: Random) -> Fill:
    """A North Korean mobile number: 195-xxx-xxxx."""
    number = f"{rng.choice(['191', '195'])}-{_digits(rng, 3)}-{_digits(rng, 4)}"
    return Fill(number, number, CONTACT)


def phone_china(rng: Random) -> Fill:
    """A Chinese mobile number, written the two ways people write them."""
    body = f"13{rng.randint(0, 9)}{_digits(rng, 8)}"
    number = f"+86 {body[:3]} {body[3:7]} {body[7:]}" if rng.random() < 0.5 else body
    return Fill(number, number, CONTACT)


def phone_south(rng: Random) -> Fill:
    """A South Korean mobile number in the unassigned 010-0xxx range."""
    number = f"010-0{_digits(rng, 3)}-{_digits(rng, 4)}"
    return Fill(number, number, CONTACT)


def _handle(rng: Random) -> str:
    letters = "".join(rng.choice(ID_LETTERS) for _ in range(rng.randint(3, 6)))
    return f"demo_{letters}{_digits(rng, 2)}"


def wechat_id(rng: Random) -> Fill:
    value = f"wxid_{_handle(rng)}" if rng.random() < 0.6 else _handle(rng)
    return Fill(value, value, CONTACT)


def qq_number(rng: Random) -> Fill:
    value = str(rng.randint(1, 9)) + _digits(rng, rng.randint(6, 9))
    return Fill(value, value, CONTACT)


def kakao_id(rng: Random) -> Fill:
    value = _handle(rng)
    return Fill(value, value, CONTACT)


def email(rng: Random) -> Fill:
    value = f"{_handle(rng).replace('_', '.')}@{rng.choice(['example.com', 'example.org'])}"
    return Fill(value, value, CONTACT)


def restaurant(rng: Random) -> Fill:
    name = rng.choice(
        [
            ("해란강", "Hailan River"),
            ("진달래", "Azalea"),
            ("모란봉", "Moranbong"),
            ("두만강", "Tumen River"),
            ("송화강", "Songhua River"),
            ("장백", "Changbai"),
        ]
    )
    kind = rng.choice([("식당", "Restaurant"), ("반점", "Restaurant"), ("랭면집", "Noodle House")])
    return Fill(f"{name[0]} {kind[0]}", f"{name[1]} {kind[1]}", ORG)


def church(rng: Random) -> Fill:
    name = rng.choice(
        [("은혜", "Grace"), ("새빛", "New Light"), ("소망", "Hope"), ("샘물", "Spring Water")]
    )
    return Fill(f"{name[0]} 교회", f"{name[1]} Church", ORG)


def employer_south(rng: Random) -> Fill:
    return Fill(
        *rng.choice(
            [
                ("한빛 봉제", "Hanbit Sewing"),
                ("새터 식품", "Saeteo Foods"),
                ("다온 요양원", "Daon Care Home"),
                ("우리 옷 공장", "Uri Clothing Factory"),
                ("하나 물류", "Hana Logistics"),
                ("꽃마을 식당", "Kkotmaeul Restaurant"),
            ]
        ),
        ORG,
    )


def workplace_north(rng: Random) -> Fill:
    return Fill(
        *rng.choice(
            [
                ("방직공장", "textile mill"),
                ("식료공장", "food factory"),
                ("협동농장", "cooperative farm"),
                ("광산", "mine"),
                ("편의봉사소", "service cooperative"),
                ("탄광", "coal mine"),
                ("기계공장", "machine factory"),
                ("수산사업소", "fishery station"),
            ]
        )
    )
