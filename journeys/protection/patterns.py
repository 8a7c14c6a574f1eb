"""Regular patterns: contacts, identity numbers, dates, years, ages, addresses.

Each pattern is (label, compiled regex); the detail is group "v" where the pattern needs
context around it, else the whole match.
"""

import re

from journeys.protection.lexicon import MONTHS_EN

CONTACT, DATE, YEAR, AGE, PLACE = "CONTACT", "DATE", "YEAR", "AGE", "PLACE"

# No Latin letter, digit or sign glued on; Korean particles may follow (010-1234-5678로).
_D = r"(?<![A-Za-z0-9_.+-])"
_E = r"(?![A-Za-z0-9_-])"

CONTACT_PATTERNS = [
    # e-mail
    re.compile(r"[A-Za-z0-9.+_-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    # URLs and messenger handles written as such
    re.compile(r"(?:https?://|www\.)\S+[\w/]"),
    re.compile(r"\bwxid_[A-Za-z0-9_-]+"),
    re.compile(r"(?<![\w@])@[A-Za-z][\w.]{2,}"),
    # international numbers: +86 138 1234 5678, +82-10-1234-5678, 0086 ..., +850 ...
    re.compile(_D + r"(?:\+|00)\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,5}){1,4}" + _E),
    # grouped numbers: 010-1234-5678, 195-123-4567, 02-123-4567, (555) 123-4567, 138 1234 5678
    re.compile(_D + r"\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{4}" + _E),
    # extensions and US-style forms: 555.123.4567x89
    re.compile(_D + r"\d{3}[.-]\d{3}[.-]\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?" + _E),
    # European and other groupings: 0490 75 40 81, 06 12 34 56 78, 03.93.92.16.85, 71-33-52-22,
    # (37) 788-063, 737 219 628: eight digits or more in groups of two to four, not a date
    re.compile(
        _D + r"(?=(?:\D{0,2}\d){8})(?!(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\b)"
        r"(?!\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d\d(?![-./ ]?\d))"
        r"(?:\(\d{2,4}\)\s?|\d{2,4}[ .-])\d{2,4}(?:[ .-]\d{2,4}){1,4}" + _E
    ),
    # a number after a word saying it is one (Phone:, mobile, fax, desk), any grouping, with an
    # extension: "Phone:\n9469 9966", "desk: +1-604-696-5272x565", "mobile: 99 577450"
    re.compile(
        r"(?i)(?<![A-Za-z])(?:phone|tel|telephone|mobile|cell|fax|desk|office|landline)"
        r"(?:\s+(?:number|no\.?))?\s*[:：]?\s*(?P<v>\+?\(?\d[\d ().-]{5,}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?)"
    ),
    re.compile(
        _D + r"(?:\+|00)\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,5}){1,4}(?:x|ext\.?)\d{1,5}\b"
    ),
    # seven-digit local numbers: 451 5986, 780-6326
    re.compile(_D + r"\d{3}[ -]\d{4}" + _E),
    # bare long digit runs: Chinese mobiles (11 digits), QQ numbers (5-11 digits), landlines
    re.compile(_D + r"1[3-9]\d{9}" + _E),
    re.compile(_D + r"0\d{8,10}" + _E),
    # messenger handles: letters and digits joined by _ or . (demo_abc12, kim.sunok88)
    re.compile(
        r"\b(?=[A-Za-z0-9._]*[A-Za-z])(?=[A-Za-z0-9._]*\d)[A-Za-z][A-Za-z0-9]*[._][A-Za-z0-9._]*[A-Za-z0-9]\b"
    ),
]

# A QQ or other account number said as such ("QQ 12345678", "큐큐 번호 ...", "위챗 ...").
# The account itself has a digit, an underscore or an inner dot (kim_88, sunok.kim, 12345678):
# "phone number was", "ID card", "paid bribes" hold no account. Latin cues are whole words
# (not the "id" of "paid"); after a Korean or Chinese cue a Latin word alone is an account
# (위챗 sunokkim), since the sentence is not English.
_ACCOUNT = r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9]))*"
_ACCOUNT_MARKED = r"(?=[A-Za-z0-9_.-]*[0-9_]|[A-Za-z0-9_-]+\.[A-Za-z0-9])"
ACCOUNT_CUE = re.compile(
    r"(?i)(?:(?<![A-Za-z])(?:QQ|wechat|kakao(?:talk)?|line|telegram|signal|ID|account|number|"
    r"phone|handy)(?![A-Za-z])[\s:：#(（]*" + _ACCOUNT_MARKED + r"|"
    r"(?:큐큐|위챗|웨이신|微信|카카오(?:톡)?|카톡|라인|텔레그램|아이디|계정|번호|전화|핸드폰|"
    r"손전화|휴대폰|연락처)[\s:：#은는이가을를도로으번호의(（]*)"
    r"(?P<v>(?=[A-Za-z0-9_.-]{5})" + _ACCOUNT + r")"
)
# Any run of 6 or more digits not part of a money amount is worth a reviewer's look.
LONG_NUMBER = re.compile(_D + r"\d{6,}" + _E)

ID_PATTERNS = [
    # South Korean resident registration number and foreigner number: 900101-2345678
    re.compile(_D + r"\d{6}\s?-\s?[1-8]\d{6}" + _E),
    # Chinese resident identity card: 18 characters, the last may be X
    re.compile(_D + r"\d{17}[\dXx]" + _E),
    # passports, driving licences and other letter+digit identifiers: M12345678, 11-12-123456-12
    re.compile(r"\b[A-Z]{1,2}\d{7,9}\b"),
    re.compile(_D + r"\d{2}-\d{2}-\d{6}-\d{2}" + _E),
    # US social security numbers and card numbers
    re.compile(_D + r"\d{3}-\d{2}-\d{4}" + _E),
    re.compile(_D + r"\d{4}[\s-]\d{4}[\s-]\d{4}[\s-]\d{1,7}" + _E),
]

_NATIVE_TENS = "열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔"
_NATIVE_UNITS = "한|하나|두|둘|세|셋|서|석|네|넷|너|다섯|여섯|일곱|여덟|아홉"
_SINO = "[일이삼사오육칠팔구십백]+"
KO_NUMBER = rf"(?:\d+|(?:{_NATIVE_TENS})(?:{_NATIVE_UNITS})?|(?:{_NATIVE_UNITS})|{_SINO})"

AGE_PATTERNS_KO = [
    re.compile(
        rf"(?:만\s?)?{KO_NUMBER}\s?(?:살|세)(?!상|대|금|월|계|기|력|림|아|았|면|다|고|균|포|례)"
    ),
    re.compile(r"\d{1,2}(?:대|살|세)\s?(?:초반|중반|후반)?(?=\s|[가-힣]|$)(?<=반|대)"),
]
AGE_PATTERNS_EN = [
    re.compile(r"(?i)\b(?P<v>\d{1,3})[\s-]*(?:years?|yrs?)[\s-]*(?:old|of age)\b"),
    re.compile(r"(?i)\b(?:aged|age|ages|at the age of|at age)\s+(?P<v>\d{1,3})\b"),
    re.compile(r"(?i)\b(?P<v>\d{1,3})-year-old\b"),
    re.compile(
        r"(?i)\b(?:in (?:her|his|my|their) )(?P<v>(?:early |mid-|late )?\d0s|"
        r"(?:early |mid-|late )?(?:teens|twenties|thirties|forties|fifties|sixties|"
        r"seventies|eighties))\b"
    ),
    re.compile(
        r"(?i)\b(?:I|she|he|we|they) (?:was|were|am|is|are|turned) (?P<v>\d{1,2})\b(?!\s*(?:%|:|\.\d))"
    ),
    re.compile(
        r"(?i)\b(?:at|when (?:I|she|he) was) (?P<v>\d{1,2})(?=[,.;]|\s+(?:and|but|I|she|he|we|when))"
    ),
    re.compile(r"(?i)\b(?:\w+)-years?-old\b"),
    # an age said of anyone, named or not: "Liu Xingwen is 20 this year", "she turned 30"
    re.compile(
        r"(?i)\b(?:is|was|am|are|were|will be) (?P<v>\d{1,3})\s+(?:this year|now|today|then|"
        r"at the time|by then|last year|next year)\b"
    ),
    re.compile(r"(?i)\b(?:turned|turns|turning) (?P<v>\d{1,3})\b(?!\s*(?:%|:|\.\d))"),
]

_LUNAR = (
    r"(?:음력\s?)?(?:설날|(?<![가-힣])설(?=$|[^가-힣]|[에을은도이날]|연휴|명절|쇠|맞이|전|前)|구정|신정|정월\s?대보름|대보름|추석|한가위|단오|한식|동지|섣달\s?그믐날?|"
    r"섣달|정월|동짓달|(?:정|이|삼|사|오|유|칠|팔|구|시|동짓|섣)월\s?(?:초하루|보름|그믐날?|\d+일)|"
    r"초하루|보름날?|그믐날?)"
    r"(?:\s?(?:다음\s?날|전날|이튿날|당일|연휴|무렵|즈음|쯤))?"
)
_UNIT = r"(?:년대|년|해|월|일|주년|주일|주|개월|달|세기|분기|학기|시즌)"
_RELATIVE = [
    "오늘",
    "어제",
    "그제",
    "그저께",
    "엊그제",
    "내일",
    "모레",
    "글피",
    "올해",
    "올",
    "작년",
    "재작년",
    "지난해",
    "지지난해",
    "내년",
    "이듬해",
    "후년",
    "금년",
    "전년",
    "이날",
    "그날",
    "당일",
    "전날",
    "전일",
    "다음날",
    "이튿날",
    "익일",
    "주말",
    "평일",
    "연말",
    "연초",
    "연중",
    "월말",
    "월초",
    "초순",
    "중순",
    "하순",
    "봄",
    "여름",
    "가을",
    "겨울",
    "초봄",
    "늦봄",
    "초여름",
    "늦여름",
    "초가을",
    "늦가을",
    "초겨울",
    "늦겨울",
    "한여름",
    "한겨울",
    "봄철",
    "여름철",
    "가을철",
    "겨울철",
    "장마철",
    "명절",
    "연휴",
    "설",
    "지난달",
    "이달",
    "다음달",
    "지난주",
    "이번주",
    "다음주",
    "금주",
    "반년",
    "한해",
    "상반기",
    "하반기",
    "새해",
    "최근",
    "월요일",
    "화요일",
    "수요일",
    "목요일",
    "금요일",
    "토요일",
    "일요일",
    "그해",
    "그달",
    "한때",
    "당시",
    "요즘",
    "예전",
]
_RELATIVE_RE = "|".join(sorted(_RELATIVE, key=len, reverse=True))
# What may follow a relative date inside its word: particles (작년에는, 이날부터, 올해로).
_KO_AFTER_DATE = (
    r"(?=$|[^가-힣]|(?:에는|에도|에서|에|의|은|는|이|가|을|를|도|만|부터|까지|으로|로|과|와|엔|"
    r"이나|나|이다|였|이었|인|처럼|보다|마다|내내|동안|간|께|쯤|경|무렵|중|째|만에|전|후|이후|"
    r"이전|요금|들어|보다))"
)
# Holidays and named days (Korean, North Korean and world), which fix a date in the year.
_HOLIDAYS = "|".join(
    sorted(
        [
            "설날",
            "구정",
            "신정",
            "추석",
            "한가위",
            "정월\\s?대보름",
            "단오",
            "한식",
            "동지",
            "칠석",
            "삼일절",
            "3·1절",
            "3\\.1절",
            "제헌절",
            "광복절",
            "개천절",
            "한글날",
            "현충일",
            "어린이날",
            "어버이날",
            "스승의\\s?날",
            "국군의\\s?날",
            "성년의\\s?날",
            "부부의\\s?날",
            "근로자의\\s?날",
            "노동절",
            "식목일",
            "석가탄신일",
            "부처님\\s?오신\\s?날",
            "초파일",
            "성탄절",
            "크리스마스",
            "크리스마스\\s?이브",
            "성탄\\s?전야",
            "부활절",
            "추수감사절",
            "할로윈",
            "핼러윈",
            "핼로윈",
            "발렌타인데이",
            "밸런타인데이",
            "화이트데이",
            "빼빼로데이",
            "만우절",
            "섣달\\s?그믐",
            "제야",
            "송년",
            "신년",
            "새해\\s?첫날",
            "춘절",
            "국경절",
            "중추절",
            "태양절",
            "광명성절",
            "김일성\\s?생일",
            "김정일\\s?생일",
            "정권\\s?창건일",
            "당\\s?창건일",
            "전승절",
            "가정의\\s?달",
            "호국보훈의\\s?달",
            "국제\\s?여성의\\s?날",
            "여성의\\s?날",
            "3\\.8절",
            "설\\s?연휴",
            "추석\\s?연휴",
            "수능일",
            "선거일",
            "투표일",
        ],
        key=len,
        reverse=True,
    )
)
DATE_PATTERNS_KO = [
    re.compile(
        rf"(?:(?:지난|올|오는|작년|지난해|올해|내년|다음|이번)\s?)?"
        rf"(?:{KO_NUMBER}\s?~?\s?(?:[∼~-]\s?{KO_NUMBER}\s?)?{_UNIT}\s?)+"
        rf"(?:초반|중반|후반|초|말|중순|하순|초순|간|께|경|무렵|즈음|봄|여름|가을|겨울)?"
    ),
    re.compile(r"\d{4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2}\.?"),
    re.compile(r"\d{2,4}\s?[./]\s?\d{1,2}(?=[^\d]|$)(?!\s?[./]\d)"),
    re.compile(_LUNAR),
    re.compile(rf"(?:지난|올|오는|다음|이번)?\s?(?:{_RELATIVE_RE})(?:{_KO_AFTER_DATE})"),
    # holidays and named days: 스승의 날, 광복절, 크리스마스, 가정의 달
    re.compile(rf"(?<![가-힣])(?:{_HOLIDAYS})(?:\s?(?:연휴|당일|전날|다음\s?날|무렵|때))?"),
    # named events by their date: 6·25, 4.3 사건, 9.11 테러, 5·18 민주화운동, 3·1절
    re.compile(
        r"(?<![\d.·])(?:1[0-2]|[1-9])\s?[·.ㆍ]\s?(?:3[01]|[12]\d|[1-9])(?![\d.·])"
        r"(?=\s?(?:전쟁|사변|사태|사건|항쟁|혁명|운동|민주화|선거|재보궐|테러|참사|대지진|절|때|당시|이후|이전))"
    ),
    # spans of days and stages of life or history: 이틀간, 사흘 째, 유년시절, 선사시대, 중세
    re.compile(
        r"(?<![가-힣])(?:하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|열흘|보름|한\s?달|석\s?달|넉\s?달)"
        r"(?:\s?(?:간|동안|째|전|후|만에|뒤))?(?=$|[^가-힣]|[은는이가을를의에도만부터까지])"
    ),
    re.compile(
        r"(?<![가-힣])[가-힣]{1,3}(?:시절|시대)(?=$|[^가-힣]|[은는이가을를의에도만부터까지])"
    ),
    re.compile(
        r"(?<![가-힣])(?:중세|근대|현대|고대|조선시대|고려시대|삼국시대)(?=$|[^가-힣]|[은는이가을를의에도])"
    ),
]

_MONTH = "|".join(MONTHS_EN)
# A month's abbreviation alone is no date: Jun, Mar and Dec are Chinese and Korean names
# and syllables of names (Wang Jun); it is one beside a day or a year (Jun 4, 3 Mar 1998).
_MONTH_ALONE = "|".join(m for m in MONTHS_EN if len(m) > 4 or m == "May")
_ABBREVIATED = "|".join(m for m in MONTHS_EN if len(m) <= 4 and m != "May")
_SEASON = r"(?:spring|summer|autumn|fall|winter|New Year|Lunar New Year|Chuseok)"
DATE_PATTERNS_EN = [
    re.compile(
        rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
        rf"(?:{_MONTH_ALONE})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:\d{{4}}|'\d{{2}}))?\b"
    ),
    re.compile(
        rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_ABBREVIATED})\b\.?(?:,?\s+(?:\d{{4}}|'\d{{2}}))?"
        rf"|(?:{_ABBREVIATED})\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:\d{{4}}|'\d{{2}}))"
        rf"|(?:{_ABBREVIATED})\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b)"
    ),
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"),
    re.compile(rf"(?i)\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{_SEASON}\s+of\s+\d{{4}}\b"),
    re.compile(rf"(?i)\b(?:(?:early|late|mid)[\s-]+)?(?:{_SEASON}|{_MONTH})\s+\d{{4}}\b"),
    re.compile(
        r"(?i)\bthe\s+(?:day|night|week|morning|evening)\s+(?:before|after)\s+"
        r"(?:the\s+)?(?:lunar\s+)?(?:new\s+year|chuseok|[A-Z][a-z]+)(?:'s\s+day)?\b"
    ),
    re.compile(
        r"(?i)\bthe\s+(?:first|last|\w+(?:th|st|nd|rd))\s+(?:full\s+moon|day)\s+of\s+the\s+"
        r"(?:\w+\s+)?lunar\s+(?:year|month)\b"
    ),
    re.compile(r"(?i)\b(?:lunar new year|chuseok|new year's (?:day|eve)|christmas(?: eve)?)\b"),
    re.compile(r"(?i)\b(?:the\s+)?(?:early|late|mid)?[\s-]*(?:19|20)?\d0'?s\b"),
    re.compile(
        r"(?i)\b(?:yesterday|today|tomorrow|tonight|last (?:year|month|week|night|spring|summer|"
        r"autumn|fall|winter)|next (?:year|month|week)|this (?:year|month|week))\b"
    ),
    re.compile(
        r"(?i)\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)"
        r"\s+(?:years?|months?|weeks?|days?)\s+(?:ago|later|earlier|before|after)\b"
    ),
    # how long, as the Korean side marks 석 달 동안: for three months, after ten days
    re.compile(
        r"(?i)\b(?:for|after|within|nearly|almost|over|about|around)\s+"
        r"(?P<v>(?:a\s+few|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|few|several|many)?\s*(?:years?|months?|weeks?|days?|nights?))\b"
    ),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b"),
    # a day of the week says when: on Sunday morning, last friday (English or Latin text only)
    re.compile(
        r"(?i)\b(?:(?:last|next|this|on|every|that)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)"
        r"days?(?:\s+(?:morning|afternoon|evening|night))?\b"
    ),
]

# A year on its own: 1950-2039, not part of a longer number or an amount.
YEAR_PATTERN = re.compile(
    r"(?<![\d,.A-Za-z_-])(?:19[4-9]\d|20[0-3]\d)(?!\d|,\d|\.\d|\s?(?:원|위안|yuan|won|%))"
)

ADDRESS_PATTERNS_KO = [
    # 평양시 중구역 ... 12번지, 서울 노원구 상계동 123-45, 도로명 주소 ...로 12길 34
    re.compile(
        # after -도 (also a particle: 스토리도 별로), two units or one and a number
        r"[가-힣]+(?:시|군|구|구역)\s(?:[가-힣\d]+(?:시|구|구역|군|읍|면|동|리|촌|로|길|가)\s?)+"
        r"(?:\d+(?:-\d+)?\s?(?:번지|호|동|층)?)?(?:\s?\d+\s?(?:호|동|층))*"
    ),
    re.compile(
        r"[가-힣]{2,}도\s[가-힣]+(?:시|군|구역|읍|면|리|동|촌|로동자구|노동자구)"
        r"(?=$|[^가-힣]|(?:에서|에|의|은|는|이|가|을|를|으로|로|과|와|도|까지|부터)(?![가-힣]))"
    ),
    re.compile(
        r"[가-힣]+도\s(?:[가-힣\d]+(?:시|구|구역|군|읍|면|동|리|로|길|가)\s?)"
        r"(?:(?:[가-힣\d]+(?:시|구|구역|군|읍|면|동|리|로|길|가)\s?)+"
        r"(?:\d+(?:-\d+)?\s?(?:번지|호|동|층)?)?|\d+(?:-\d+)?\s?(?:번지|호|동|층)?)"
        r"(?:\s?\d+\s?(?:호|동|층))*"
    ),
    re.compile(
        r"[가-힣\d]+(?:로|길)\s?\d+(?:-\d+)?(?:번길\s?\d+)?"
        r"(?![\d·.∼~]|\s?(?:세|살|년|월|일|명|개|시|분|위|골|번째|차|%))"
    ),
    re.compile(r"\d+(?:-\d+)?\s?번지"),
    re.compile(r"\d+\s?(?:인민반|반)(?![가-힣])"),
    re.compile(r"\d+동\s?\d+호"),
]
ADDRESS_PATTERNS_EN = [
    re.compile(
        r"\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][\w'.-]*\s+){0,4}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|"
        r"Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy|"
        r"Circle|Cir|Trail|Alley|Row|gil|ro|dong|ri)\b\.?(?:,?\s+(?:Apt\.?|Suite|Unit|#)\s*\w+)?"
    ),
    re.compile(
        r"\b\d{1,6}\s+[A-Z][\w'-]+(?:\s+[A-Z\d][\w'-]*){0,3}(?:,?\s+(?:Apt\.?|Suite|Unit)\s*\w+)"
    ),
    re.compile(r"\b(?:Apt\.?|Suite|Unit|Room|Flat)\s*#?\s*\d+\w*\b"),
    re.compile(r"\b(?:P\.?O\.? Box|PO Box)\s+\d+\b"),
    re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"),
    re.compile(r"(?<![\d-])\d{5}(?:-\d{4})?(?![\d-])"),
    re.compile(r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"),
]


_ASCII_WORD = re.compile(r"[A-Za-z\d]")  # \d: full-width digits too


def find(patterns, text: str, label: str):
    """(start, end, label) of every match of the patterns, the "v" group where there is one."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            group = "v" if "v" in pattern.groupindex else 0
            start, end = match.span(group)
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            if end > start:
                yield start, end, label


def find_common(text: str, korean: bool):
    """The patterns both languages share, then the language's dates, ages and addresses."""
    if _ASCII_WORD.search(text):  # every contact, number and year has a Latin letter or digit
        yield from find(CONTACT_PATTERNS, text, CONTACT)
        yield from find([ACCOUNT_CUE, LONG_NUMBER], text, CONTACT)
        yield from find(ID_PATTERNS, text, CONTACT)
        yield from find([YEAR_PATTERN], text, YEAR)
    if korean:
        yield from find(DATE_PATTERNS_KO, text, DATE)
        yield from find(AGE_PATTERNS_KO, text, AGE)
        yield from find(ADDRESS_PATTERNS_KO, text, PLACE)
    else:
        yield from find(DATE_PATTERNS_EN, text, DATE)
        yield from find(AGE_PATTERNS_EN, text, AGE)
        yield from find(ADDRESS_PATTERNS_EN, text, PLACE)
