"""Word lists the detector reasons with. All are general knowledge of Korean, Chinese and
English names and of how testimonies refer to people and places; none is taken from the
evaluation data."""

# The common Korean surnames (about 99% of the population), and the Korean readings of
# common Chinese surnames, in both North (리, 류, 로) and South (이, 유, 노) spelling.
KO_SURNAMES = frozenset(
    "김 이 리 박 최 정 강 조 윤 장 임 림 한 오 서 신 권 황 안 송 전 홍 유 류 고 문 양 량 손 배 "  # noqa: SIM905 - a list of 150 words reads better as text
    "백 허 남 심 노 로 하 곽 성 차 주 우 구 민 진 지 엄 채 원 천 방 공 현 함 변 염 려 여 추 "
    "도 소 석 선 설 마 길 연 위 표 명 기 반 라 나 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 "
    "예 경 봉 사 부 황보 남궁 제갈 선우 독고 사공 서문 "
    # Chinese surnames read in Korean
    "왕 장 류 진 양 주 황 호 곽 마 하 라 고 정 사 소 손 증 팽 여 전 동 원 반 두 담 요 위 "
    "범 방 석 염 설 뢰 룡 용 하 모 단 초 후 탕 모 엽 갈 포 상 종 등 우 애 맹".split()
)

# Romanised surnames: Korean (RR, McCune-Reischauer, North Korean and customary forms) and
# Chinese pinyin.
ROMAN_SURNAMES = frozenset(
    (  # noqa: SIM905
        "kim gim lee yi ri rhee park pak bak choi choe chwe jung jeong chung chong jong kang gang "
        "cho jo yoon yun jang chang lim im rim han oh o seo so suh shin sin kwon gwon hwang ahn an "
        "song jeon jun chon chun hong yoo yu ryu ko koh go moon mun son sohn yang ryang bae pae "
        "baek paek paik heo hur ho nam noh no ro roh ha kwak gwak sung seong cha joo ju woo u min "
        "jin chin ji chi um eom won byun byeon pyon yeo yo ryo chae do to pyo kil gil hyun hyon "
        "ham bang pang gong kong seok sok sun seon sol seol ma yeon yon wi myung myong ki gi ban "
        "pan ra na wang keum kum ok yook yuk in maeng je mo tak kook guk eo eun pyeon yong ye gyeong "
        "bong sa bu cheon choo chu "
        # pinyin
        "li zhang liu chen zhao wu zhou xu zhu hu guo he gao lin luo zheng liang xie tang feng "
        "deng cao peng zeng xiao tian dong yuan cai jiang du ye cheng wei su lu lyu ding ren yao "
        "shen zhong cui piao quan jin fan fang shi tan jia xia fu bai mao qin gu hou meng long "
        "wan duan lei qian tao kong qiu yin xue yan dai mo"
    ).split()
)

# Words that follow a name (written apart or joined) and show that it is one: titles,
# kinship terms used as forms of address, North Korean forms (동무, 동지, 아바이, 오마니).
KO_TITLES = [
    "씨",
    "님",
    "군",
    "양",
    "모",
    "옹",
    "여사",
    "선생",
    "선생님",
    "동무",
    "동지",
    "언니",
    "누나",
    "오빠",
    "형",
    "형님",
    "아바이",
    "아바지",
    "오마니",
    "어마이",
    "에미",
    "아매",
    "아마이",
    "할머니",
    "할머이",
    "할매",
    "할아버지",
    "할아바이",
    "아저씨",
    "아주머니",
    "아줌마",
    "아지미",
    "아즈마이",
    "아재",
    "삼촌",
    "이모",
    "고모",
    "외삼촌",
    "사장",
    "사장님",
    "과장",
    "부장",
    "반장",
    "소장",
    "대장",
    "위원장",
    "지배인",
    "목사",
    "목사님",
    "전도사",
    "장로",
    "집사",
    "선교사",
    "교수",
    "박사",
    "기자",
    "의원",
    "대통령",
    "회장",
    "감독",
    "선수",
    "작가",
    "할미",
    "영감",
    "총각",
    "처녀",
    "새댁",
    "아씨",
    "도련님",
    "오래비",
    "동생",
    "서방",
    "마누라",
    "댁",
]
KO_TITLE_SET = frozenset(KO_TITLES)
# Titles that are a word of their own (written apart from the name); the one-syllable ones
# (씨, 님, 군, 양, 모, 옹) attach to the name.
KO_ATTACHED_TITLES = frozenset(["씨", "님", "군", "양", "모", "옹", "댁"])

# Words before a title that are not names: "우리 언니", "그 동무", "옆집 아주머니".
KO_NOT_NAMES = frozenset(
    [
        "우리",
        "저희",
        "내",
        "제",
        "네",
        "니",
        "그",
        "이",
        "저",
        "요",
        "한",
        "두",
        "세",
        "큰",
        "작은",
        "친",
        "친한",
        "옆집",
        "앞집",
        "뒷집",
        "윗집",
        "아랫집",
        "동네",
        "마을",
        "같은",
        "다른",
        "어떤",
        "무슨",
        "그런",
        "이런",
        "저런",
        "웬",
        "새",
        "늙은",
        "젊은",
        "나이든",
        "사촌",
        "육촌",
        "외",
        "시",
        "남의",
        "그냥",
        "또",
        "다",
        "모든",
        "여러",
        "몇",
        "그때",
        "당시",
        "중국",
        "조선",
        "북한",
        "한국",
        "남한",
        "탈북",
        "브로커",
        "주인",
        "우리집",
        "막내",
        "맏",
        "첫째",
        "둘째",
        "셋째",
        "큰집",
        "작은집",
        "이웃",
        "이웃집",
        "시집",
        "친정",
        "외가",
        "친가",
        "우리네",
        "그집",
        "저집",
        "어느",
        "딴",
        "옛",
        "옛날",
        "담임",
        "나",
        "너",
        "당신",
        "자기",
        "본인",
        "아는",
        "친구",
        "여자",
        "남자",
        "아이",
        "애",
    ]
)

KO_PLACE_SUFFIXES = [
    "특별시",
    "광역시",
    "자치주",
    "자치구",
    "자치현",
    "로동자구",
    "노동자구",
    "도",
    "시",
    "군",
    "구",
    "리",
    "동",
    "읍",
    "면",
    "현",
    "성",
    "주",
    "촌",
    "진",
    "향",
    "가",
    "로",
    "길",
    "역",
    "항",
    "강",
    "산",
    "섬",
    "도시",
    "마을",
    "고개",
    "국경",
]
# Place suffixes that also end many ordinary nouns; they count only on a proper noun.
KO_WEAK_PLACE_SUFFIXES = frozenset(
    ["성", "주", "가", "로", "길", "강", "산", "진", "향", "구", "동"]
)

# Particles that, after a noun, say "in / at / from / to (a place)".
KO_PLACE_PARTICLES = frozenset(
    ["에서", "에서부터", "으로", "로", "까지", "에", "서", "부터", "에서는", "으로부터"]
)

# Countries, continents and the big cities of the region: the gazetteer's complement.
KO_WORLD_PLACES = frozenset(
    [
        "미국",
        "일본",
        "중국",
        "러시아",
        "몽골",
        "베트남",
        "라오스",
        "태국",
        "타이",
        "캄보디아",
        "미얀마",
        "버마",
        "필리핀",
        "인도네시아",
        "말레이시아",
        "싱가포르",
        "인도",
        "영국",
        "프랑스",
        "독일",
        "이탈리아",
        "스페인",
        "캐나다",
        "호주",
        "브라질",
        "멕시코",
        "대만",
        "홍콩",
        "마카오",
        "아시아",
        "유럽",
        "아프리카",
        "북미",
        "남미",
        "중동",
        "이란",
        "이라크",
        "이스라엘",
        "터키",
        "우크라이나",
        "스위스",
        "스웨덴",
        "네덜란드",
        "벨기에",
        "오스트리아",
        "폴란드",
        "서울",
        "부산",
        "인천",
        "대구",
        "대전",
        "광주",
        "울산",
        "세종",
        "수원",
        "성남",
        "고양",
        "용인",
        "창원",
        "청주",
        "전주",
        "천안",
        "제주",
        "강원",
        "경기",
        "충북",
        "충남",
        "전북",
        "전남",
        "경북",
        "경남",
        "평양",
        "개성",
        "남포",
        "원산",
        "함흥",
        "청진",
        "신의주",
        "혜산",
        "회령",
        "무산",
        "나선",
        "라선",
        "해주",
        "사리원",
        "강계",
        "단동",
        "연길",
        "도문",
        "훈춘",
        "용정",
        "화룡",
        "장백",
        "심양",
        "북경",
        "베이징",
        "상해",
        "상하이",
        "하얼빈",
        "장춘",
        "청도",
        "칭다오",
        "대련",
        "곤명",
        "쿤밍",
        "광저우",
        "방콕",
        "비엔티안",
        "도쿄",
        "오사카",
        "뉴욕",
        "워싱턴",
        "런던",
        "파리",
        "모스크바",
        "블라디보스토크",
        "남한",
        "북한",
        "조선",
        "한국",
        "대한민국",
        "압록강",
        "두만강",
        "한반도",
        "백두산",
        "휴전선",
        "판문점",
    ]
)

# Capitalised English words that are not names (sentence words, months, days, titles).
EN_NOT_NAMES = frozenset(
    [
        "i",
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "there",
        "here",
        "then",
        "when",
        "where",
        "what",
        "who",
        "why",
        "how",
        "which",
        "while",
        "after",
        "before",
        "since",
        "until",
        "and",
        "but",
        "or",
        "so",
        "if",
        "because",
        "though",
        "although",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "onto",
        "to",
        "with",
        "without",
        "about",
        "above",
        "across",
        "against",
        "along",
        "among",
        "around",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "during",
        "except",
        "inside",
        "near",
        "outside",
        "over",
        "through",
        "toward",
        "under",
        "upon",
        "within",
        "yes",
        "no",
        "not",
        "one",
        "two",
        "three",
        "first",
        "second",
        "last",
        "next",
        "every",
        "each",
        "all",
        "some",
        "many",
        "much",
        "more",
        "most",
        "other",
        "another",
        "such",
        "only",
        "also",
        "even",
        "just",
        "still",
        "yet",
        "ok",
        "okay",
        "well",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "madam",
        "mister",
        "comrade",
        "sister",
        "brother",
        "auntie",
        "aunt",
        "uncle",
        "grandpa",
        "grandma",
        "grandmother",
        "grandfather",
        "mother",
        "father",
        "mom",
        "mum",
        "dad",
        "pastor",
        "teacher",
        "doctor",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "lunar",
        "new",
        "year",
        "day",
        "week",
        "month",
        "morning",
        "evening",
        "night",
        "today",
        "tomorrow",
        "yesterday",
        "christmas",
        "chuseok",
        "seollal",
        "korean",
        "korea",
        "chinese",
        "china",
        "english",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "street",
        "road",
        "avenue",
        "city",
        "province",
        "county",
        "village",
        "town",
        "district",
        "interviewer",
        "interviewee",
        "q",
        "a",
        "note",
        "please",
        "thank",
        "thanks",
        "dear",
        "hello",
        "hi",
        "later",
        "once",
        "twice",
        "never",
        "always",
        "sometimes",
        "maybe",
        "perhaps",
        "however",
        "therefore",
        "meanwhile",
        "finally",
        "eventually",
        "soon",
        "now",
        "later",
        "again",
    ]
)

EN_PERSON_TITLES = [
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Madam",
    "Madame",
    "Mister",
    "Comrade",
    "Sister",
    "Brother",
    "Auntie",
    "Aunt",
    "Uncle",
    "Grandpa",
    "Grandma",
    "Granny",
    "Grandmother",
    "Grandfather",
    "Pastor",
    "Reverend",
    "Rev",
    "Elder",
    "Deacon",
    "Officer",
    "Captain",
    "Chairman",
    "Director",
    "Manager",
    "Boss",
    "Teacher",
    "Doctor",
    "Mrs.",
    "Mr.",
    "Ms.",
    "Dr.",
]

EN_PLACE_WORDS = frozenset(
    [
        "city",
        "province",
        "county",
        "village",
        "town",
        "district",
        "prefecture",
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "drive",
        "dr",
        "court",
        "ct",
        "square",
        "place",
        "way",
        "river",
        "mountain",
        "mountains",
        "mount",
        "mt",
        "island",
        "islands",
        "lake",
        "sea",
        "bay",
        "valley",
        "border",
        "station",
        "port",
        "harbour",
        "harbor",
        "workers'",
        "ri",
        "dong",
        "gun",
        "si",
        "do",
        "eup",
        "myeon",
        "hyon",
        "hyeon",
        "kun",
        "up",
        "myon",
    ]
)
EN_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "from", "to", "near", "into", "toward", "towards", "across", "via", "around"]
)
EN_ORG_WORDS = frozenset(
    [
        "church",
        "restaurant",
        "company",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "co",
        "factory",
        "farm",
        "school",
        "university",
        "college",
        "hospital",
        "centre",
        "center",
        "bureau",
        "ministry",
        "department",
        "agency",
        "office",
        "association",
        "foundation",
        "bank",
        "group",
        "institute",
        "committee",
        "club",
        "house",
        "foods",
        "logistics",
        "sewing",
        "home",
        "market",
        "hotel",
        "store",
        "shop",
        # bodies and mass organisations (the Women's Union, the Workers' Party)
        "union",
        "party",
        "league",
        "federation",
        "council",
        "society",
        "army",
    ]
)

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
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]

# Organisations every testimony of a woman who reached the South may name: the resettlement
# centre (하나원), the regional support centres, the agencies that question arrivals.
KO_KNOWN_ORGS = [
    "하나원",
    "하나센터",
    "국정원",
    "국가정보원",
    "통일부",
    "대성공사",
    "북한이탈주민지원재단",
    "남북하나재단",
]
EN_KNOWN_ORGS = [
    "Hanawon",
    "Hana Center",
    "Hana Centre",
    "National Intelligence Service",
    "Ministry of Unification",
    "Unification Ministry",
    "Korea Hana Foundation",
]

# The syllables of Korean given names, South and North (general knowledge of naming: 영희,
# 철수, 지현, 민준, 서연, 순옥, 광철, 춘매, 은정...). The first set opens a two-syllable given
# name, the second ends one; a surname followed by one of each is shaped like a full name.
KO_GIVEN_FIRST = frozenset(
    "가 강 건 경 계 광 귀 규 금 기 길 나 남 다 대 덕 도 동 두 명 문 미 민 범 병 보 복 봉 "  # noqa: SIM905
    "산 상 서 석 선 설 성 세 소 송 수 숙 순 슬 승 시 아 애 연 영 예 옥 용 우 운 원 유 윤 은 "
    "의 인 재 정 제 종 주 준 중 지 진 창 채 철 춘 충 태 하 학 한 해 향 현 형 혜 호 홍 화 효 "
    "희 혁 훈 휘 흥 나 다 래 란 련 룡 률 리 린 말 매 모 무 백 분 빈 순 식 신 실 안 애 양 "
    "언 열 예 오 완 욱 웅 월 위 율 을 이 익 일 임 자 장 찬 천 청 초 치 탁 택 평 필 혜 환 "
    "희 국 근 단 달 란 례 록 만 목 부 비 사 새 섭 성 솔 심".split()
)
KO_GIVEN_LAST = frozenset(
    "가 경 구 국 규 균 근 금 기 길 나 남 녀 늘 단 덕 도 동 람 래 란 련 렬 령 례 록 룡 률 "  # noqa: SIM905
    "름 리 린 림 만 매 명 무 문 미 민 범 별 병 보 복 봉 분 비 빈 빛 산 삼 상 서 석 선 섭 "
    "성 세 솔 송 수 숙 순 술 승 식 신 실 아 안 애 야 연 열 영 예 오 옥 온 완 용 우 욱 운 "
    "웅 원 월 위 윤 율 은 음 의 이 익 인 일 임 자 재 정 조 종 주 준 중 지 진 찬 창 채 철 "
    "초 춘 충 치 탁 태 택 파 평 표 필 하 학 한 해 향 헌 혁 현 형 혜 호 홍 화 환 황 효 훈 "
    "휘 흠 흥 희".split()
)

# Organisations any Korean text may name, written from general knowledge: parties,
# ministries and agencies of both Koreas and China, international bodies, the largest
# companies, platforms and broadcasters, universities, and the groups that help refugees. A
# company or a party named in a testimony is an organisation, not a person.
KO_GENERAL_ORGS = (  # noqa: SIM905
    # parties
    "민주당 더불어민주당 새정치민주연합 새누리당 한나라당 자유한국당 국민의힘 국민의당 "
    "바른미래당 바른정당 정의당 통합진보당 열린우리당 자유선진당 민주노동당 공화당 "
    "공산당 중국공산당 자민당 조선로동당 로동당 노동당 "
    # the North's mass organisations, which every woman belonged to one of
    "녀성동맹 여성동맹 조선사회주의녀성동맹 청년동맹 김일성사회주의청년동맹 사로청 "
    "직업총동맹 직맹 농업근로자동맹 농근맹 소년단 조선소년단 "
    # the state, South, North and China
    "청와대 국회 대법원 헌법재판소 헌재 검찰 대검 대검찰청 경찰청 국방부 외교부 법무부 "
    "교육부 기획재정부 기재부 행정안전부 행안부 보건복지부 복지부 고용노동부 노동부 "
    "국토교통부 국토부 산업통상자원부 산업부 해양수산부 해수부 환경부 여성가족부 여가부 "
    "문화체육관광부 문체부 국세청 관세청 감사원 합참 합동참모본부 국과수 식약처 금감원 "
    "금융감독원 한국은행 선관위 중앙선관위 인권위 국가인권위원회 통계청 기상청 소방청 "
    "해경 해양경찰청 국가안전보위성 국가보위성 보위성 인민보안성 인민보안부 사회안전성 "
    "국경경비대 공안국 변방대 출입국관리소 "
    # international
    "유엔 국제연합 유니세프 유네스코 세계보건기구 나토 유럽연합 국제통화기금 세계은행 "
    "국제앰네스티 앰네스티 휴먼라이츠워치 국경없는의사회 적십자 대한적십자사 "
    "유엔난민기구 유엔인권이사회 국제올림픽위원회 아세안 "
    # companies and platforms
    "삼성 삼성전자 현대차 현대자동차 기아차 기아자동차 엘지 에스케이 롯데 한화 포스코 "
    "대한항공 아시아나 아시아나항공 진에어 제주항공 코레일 한국전력 한전 한수원 케이티 "
    "네이버 카카오 카카오톡 쿠팡 애플 구글 마이크로소프트 아마존 페이스북 트위터 "
    "인스타그램 유튜브 넷플릭스 디즈니 소니 도요타 혼다 닛산 테슬라 화웨이 샤오미 "
    "알리바바 텐센트 바이두 폭스바겐 벤츠 나이키 아디다스 스타벅스 맥도날드 코카콜라 "
    "월마트 인텔 퀄컴 엔비디아 오라클 "
    # broadcasters and the press
    "연합뉴스 뉴시스 조선일보 중앙일보 동아일보 한겨레 경향신문 한국일보 매일경제 "
    "한국경제 로동신문 조선중앙통신 조선중앙텔레비전 신화통신 로이터 뉴욕타임스 "
    "워싱턴포스트 자유아시아방송 미국의소리 데일리엔케이 엠넷 채널에이 "
    # universities
    "서울대 서울대학교 고려대 고려대학교 연세대 연세대학교 카이스트 포스텍 성균관대 "
    "한양대 경희대 서강대 중앙대 이화여대 숙명여대 부산대 경북대 전남대 "
    "김일성종합대학 김책공업종합대학 하버드 옥스퍼드 북경대 칭화대 연변대학 "
    # groups that help refugees
    "두리하나 북한인권정보센터 물망초 북한민주화네트워크 탈북자동지회"
).split()
EN_GENERAL_ORGS = [
    "KBS",
    "MBC",
    "SBS",
    "EBS",
    "JTBC",
    "YTN",
    "MBN",
    "tvN",
    "CNN",
    "BBC",
    "NHK",
    "AFP",
    "UN",
    "UNICEF",
    "UNESCO",
    "UNHCR",
    "NATO",
    "WHO",
    "IMF",
    "FIFA",
    "IOC",
]

# Words that are never an identifying detail on their own, though Kiwi may tag them as
# proper nouns and an English run may look like a name. Each list is general knowledge.
# Messenger apps and platforms through which contact is kept: the account is the detail
# (위챗 kim_88), not the app. 카카오 (the company) stays an organisation.
KO_MESSENGER_APPS = frozenset(
    "위챗 웨이신 큐큐 카톡 카카오톡 텔레그램 왓츠앱 왓츠업 라인 시그널 바이버 스카이프 "  # noqa: SIM905
    "페이스북메신저 메신저 웨이보 더우인 틱톡".split()
)
EN_MESSENGER_APPS = frozenset(
    "wechat weixin qq kakaotalk kakao telegram whatsapp signal viber skype messenger "  # noqa: SIM905
    "weibo douyin tiktok zoom line imo".split()
)
# Peoples and ethnic groups (of China and of the Koreas), which name no one: 한족 남자,
# 조선족 브로커, a Han Chinese man, a Korean-Chinese broker.
KO_ETHNIC_GROUPS = frozenset(
    "한족 조선족 회족 만족 만주족 몽골족 몽고족 장족 묘족 이족 백족 토가족 위구르족 "  # noqa: SIM905
    "티베트족 장족 카자흐족 여진족 소수민족 한민족 배달민족 조선민족 조선사람 고려인 "
    "화교 조교 탈북민 탈북자 새터민 북향민".split()
)
EN_ETHNIC_WORDS = frozenset(
    "han korean-chinese chinese-korean joseonjok chosonjok chaoxianzu hui manchu mongol "  # noqa: SIM905
    "uyghur uighur tibetan zhuang miao koryo-saram hwagyo".split()
)
# The common nouns of the women's journeys (docs and /work/shared/domain.md): facility
# types, the markets, rations, repatriation. Kiwi's dictionary takes some for proper nouns
# (북송 is also the Northern Song dynasty), and none names a place or a person by itself.
KO_JOURNEY_WORDS = frozenset(
    "북송 강제북송 송환 강제송환 장마당 배급 배급표 배급소 구류장 집결소 노동단련대 "  # noqa: SIM905
    "로동단련대 단련대 교화소 관리소 정치범수용소 수용소 도강 탈북 월경 "
    "편의봉사소 시연용".split()
)
# English words capitalised as names of periods and bodies that identify no one: the 1990s
# famine ("the Arduous March"); a capitalised common noun standing alone.
EN_NAMED_PERIODS = ("Arduous March", "March of Suffering")


# Bodies of a state named by the state or town before them: 한국 정부, 프랑스 검찰, 일본대사관.
KO_STATE_BODIES = frozenset(
    "정부 당국 대사관 영사관 총영사관 검찰 경찰 경찰청 군 정부군 군대 대표팀 국가대표팀 팀 "  # noqa: SIM905
    "외교부 국방부 국무부 법원 의회 국회 총리실 외무성 정보기관 보안국 국영방송 중앙은행 "
    "대표단 해군 육군 공군".split()
)
