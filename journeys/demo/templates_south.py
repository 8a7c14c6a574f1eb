"""Testimony templates from arrest to South Korea: caught, sent back, detained, leaving again,
transit, arrival, Hanawon, settling and what is hard there.

Same conventions as demo_templates_north.
"""

Pair = tuple[str, str]


def _pair(ko: str, en: str) -> Pair:
    """A call, not a bare tuple: a comma forgotten between the two texts fails loudly."""
    return ko, en


TEMPLATES: dict[str, list[Pair]] = {
    "arrest": [
        _pair(
            "{ym}에 {place}에서 {agency}에 잡혔어요. 이웃이 신고했다고 들었어요.",
            "In {ym} I was caught by the {agency} in {place}. I heard that a neighbour had "
            "reported me.",
        ),
        _pair(
            "{date}, 장에 갔다가 검문에 걸렸어요. 신분증이 없으니 그 자리에서 끌려갔어요.",
            "On {date} I went to the market and was stopped at a checkpoint. I had no papers, so "
            "I was taken away on the spot.",
        ),
        _pair(
            "{year}년 {season}에 공안이 집에 들이닥쳤어요. 남편 {husband:이} 신고했다는 걸 나중에 "
            "알았어요.",
            "In the {season} of {year} the police burst into the house. Later I found out that my "
            "husband, {husband}, had reported me.",
        ),
        _pair(
            "{place} 버스 정류장에서 붙잡혔어요. 같이 있던 {coworker}도 잡혔어요.",
            "I was caught at a bus stop in {place}. {coworker}, who was with me, was caught too.",
        ),
        _pair(
            "{year}년에 {place}에서 {agency}에 체포됐습니다. 유치장에 보름 동안 갇혀 있었어요.",
            "In {year} I was arrested by the {agency} in {place}. I was locked in a cell for "
            "fifteen days.",
        ),
    ],
    "repatriation": [
        _pair(
            "{year}년에 {place:으로} 북송됐어요. 손목에 수갑을 찬 채로 다리를 건넜어요.",
            "In {year} I was sent back to {place}. I crossed the bridge with handcuffs on my "
            "wrists.",
        ),
        _pair(
            "중국 공안이 저를 {place} 쪽 보위부에 넘겼습니다. 그날이 {date:이었}어요.",
            "The Chinese police handed me over to the security police on the {place} side. That "
            "day was {date}.",
        ),
        _pair(
            "트럭에 실려 국경까지 갔어요. {place}에 도착하니 경비대가 기다리고 있었어요.",
            "I was taken to the border in a truck. When we reached {place}, the border guards "
            "were waiting.",
        ),
        _pair(
            "북송되던 날, {ym}이었는데, 다리 위에서 다시는 살아서 못 나올 거라고 생각했어요.",
            "The day I was sent back, in {ym}, I thought on the bridge that I would never get out "
            "alive again.",
        ),
    ],
    "interrogation": [
        _pair(
            "{agency}에서 조사를 받았어요. 담당 {official:은} 한국 사람을 만났는지, 교회에 "
            "갔는지만 물었어요.",
            "I was interrogated by the {agency}. The officer in charge, {official}, only asked "
            "whether I had met South Koreans and whether I had gone to church.",
        ),
        _pair(
            "{place} {facility_type}에서 한 달 넘게 조사를 받았습니다. 매일 같은 질문을 했어요.",
            "I was interrogated for over a month at the {facility_type} in {place}. They asked "
            "the same questions every day.",
        ),
        _pair(
            "조사관 {official:이} 중국에서 누구를 만났는지 다 대라고 했어요. 전화번호를 적은 "
            "쪽지가 있었는데 다 빼앗겼어요.",
            "The interrogator, {official}, told me to name everyone I had met in China. I had a "
            "slip of paper with phone numbers on it, and it was all taken.",
        ),
        _pair(
            "{agency}에서는 제가 몇 번이나 넘어갔는지, 누구와 넘어갔는지 캐물었어요. 저는 "
            "{friend} 이름은 끝까지 말하지 않았어요.",
            "At the {agency} they pressed me on how many times I had crossed and with whom. I never "
            "gave up {friend}'s name.",
        ),
        _pair(
            "처음 조사받은 곳은 {place}의 {facility_type:이었}어요.",
            "The first place I was questioned was the {facility_type} in {place}.",
        ),
    ],
    "detention": [
        _pair(
            "그다음에 {facility:으로} 넘어갔어요. {year}년부터 {end_year}년까지 거기 있었습니다.",
            "After that I was moved to {facility}. I was there from {year} to {end_year}.",
        ),
        _pair(
            "{facility}에서 {duration} 있었어요. 하루 종일 강냉이 몇 알 들어간 국물만 먹었어요.",
            "I spent {duration} in {facility}. All day long we had nothing but broth with a few "
            "grains of corn in it.",
        ),
        _pair(
            "{facility}에서 {cellmate:을} 만났어요. 그 사람이 아니었으면 저는 거기서 죽었을 "
            "거예요.",
            "In {facility} I met {cellmate}. If it had not been for her, I would have died there.",
        ),
        _pair(
            "{agency}에서 저를 {facility:으로} 보냈어요. 거기서 {duration} 동안 벽돌을 찍고 "
            "농사일을 했어요.",
            "The {agency} sent me to {facility}. There I made bricks and did farm work for {duration}.",
        ),
        _pair(
            "{year}년에 {place}에 있는 {facility:으로} 갔어요. 한 방에 스무 명이 넘게 있었어요.",
            "In {year} I was sent to {facility} in {place}. There were more than twenty of us in "
            "one room.",
        ),
        _pair(
            "{facility}에 있을 때 같은 방 {cellmate:이} 병으로 죽었어요. 그 얼굴을 잊을 수가 "
            "없어요.",
            "While I was in {facility}, {cellmate}, who shared my room, died of illness. I cannot "
            "forget her face.",
        ),
    ],
    "violation.detention:torture": [
        _pair(
            "조사받을 때 손을 뒤로 묶고 몇 시간씩 세워 놓았어요.",
            "During interrogation they tied my hands behind my back and made me stand for hours.",
        ),
        _pair(
            "말을 안 하면 각목으로 때렸어요. 지금도 허리가 아파요.",
            "If I did not talk, they beat me with a wooden club. My back still hurts.",
        ),
    ],
    "violation.detention:violence": [
        _pair(
            "계호원들이 이유 없이 발로 찼어요.",
            "The guards kicked us for no reason.",
        ),
        _pair(
            "조사받는 동안 무릎을 꿇고 앉아 있어야 했어요. 움직이면 맞았어요.",
            "During the interrogation I had to kneel. If I moved, I was beaten.",
        ),
    ],
    "violation.detention:forced_labour": [
        _pair(
            "새벽 다섯 시부터 밤까지 돌을 나르고 밭을 맸어요.",
            "From five in the morning until night we carried stones and weeded the fields.",
        ),
        _pair(
            "일을 못 끝내면 밥을 주지 않았어요.",
            "If we did not finish the work, they gave us no food.",
        ),
    ],
    "violation.detention:starvation": [
        _pair(
            "하루에 강냉이밥 한 덩이가 전부였어요. 몸무게가 삼십 킬로까지 빠졌어요.",
            "A lump of corn rice a day was all we got. My weight dropped to thirty kilos.",
        ),
        _pair(
            "배가 고파서 풀뿌리를 캐 먹었어요.",
            "I was so hungry that I dug up grass roots and ate them.",
        ),
    ],
    "violation.detention:forced_abortion": [
        _pair(
            "임신 중이었는데 중국 사람 아이라며 강제로 낙태를 시켰어요.",
            "I was pregnant, and they forced an abortion on me, saying it was a Chinese man's "
            "child.",
        ),
        _pair(
            "{agency} 사람들은 제가 임신했는지부터 확인했어요. 그 뒤의 일은 말하기 어렵습니다.",
            "People from the {agency} first checked whether I was pregnant. What came after is hard to "
            "speak of.",
        ),
    ],
    "violation.detention:sexual_assault": [
        _pair(
            "몸수색을 한다며 여자들을 모욕했어요. 그건 수색이 아니었어요.",
            "They humiliated the women in the name of body searches. It was not a search.",
        ),
        _pair(
            "밤에 계호원이 저를 불러냈어요. 그 이상은 말하지 않겠습니다.",
            "At night a guard called me out. I will not say more than that.",
        ),
    ],
    "release": [
        _pair(
            "{year}년에 풀려났어요. 몸이 너무 상해서 집까지 걸어가는 데 사흘이 걸렸어요.",
            "I was released in {year}. My body was so broken that it took me three days to walk "
            "home.",
        ),
        _pair(
            "{date}에 석방됐어요. 어머니가 {place}까지 저를 데리러 오셨어요.",
            "I was released on {date}. My mother came all the way to {place} to fetch me.",
        ),
        _pair(
            "가족이 뇌물을 써서 {ym}에 겨우 나왔어요.",
            "My family paid bribes, and I finally got out in {ym}.",
        ),
        _pair(
            "병보석으로 나왔습니다. 나오자마자 다시 떠날 생각만 했어요.",
            "I was let out on sick bail. As soon as I was out, all I thought about was leaving "
            "again.",
        ),
    ],
    "crossing_again": [
        _pair(
            "{year}년에 {nth}로 강을 건넜어요. 이번에는 {broker:이} 미리 경비대와 말을 맞춰 "
            "놓았어요.",
            "In {year} I crossed the river for the {nth} time. This time {broker} had arranged "
            "things with the border guards in advance.",
        ),
        _pair(
            "풀려나고 몇 달 뒤에 다시 {river:을} 넘었어요. 여기서는 살 수 없다는 걸 알았으니까요.",
            "A few months after I was released, I crossed the {river} again. I knew I could not "
            "live there.",
        ),
        _pair(
            "{date}, 저는 {place}에서 {nth}로 국경을 넘었습니다.",
            "On {date} I crossed the border at {place} for the {nth} time.",
        ),
        _pair(
            "다시 중국으로 가는 건 무서웠지만, {ym}에 {broker:과} 함께 또 떠났어요.",
            "Going back to China frightened me, but in {ym} I left again with {broker}.",
        ),
    ],
    "transit": [
        _pair(
            "{year}년에 중국을 떠나 {place:으로} 갔어요. {church} 사람들이 길을 안내해 줬어요.",
            "In {year} I left China for {place}. People from {church} showed us the way.",
        ),
        _pair(
            "{place}까지는 브로커 {broker2:이} 데려갔어요. 한국에 가서 갚기로 한 돈이 "
            "{transit_fee}이었어요.",
            "A broker, {broker2}, took me as far as {place}. The money I promised to pay once I "
            "reached South Korea was {transit_fee}.",
        ),
        _pair(
            "{place} 국경을 넘을 때 산길을 열 시간 넘게 걸었어요. {helper:이} 제 짐을 들어 줬어요.",
            "Crossing the border into {place}, I walked mountain paths for more than ten hours. "
            "{helper} carried my bag.",
        ),
        _pair(
            "{place}에서는 {pastor:이} 우리를 숨겨 주셨어요. 연락은 {phone_cn} 번호로만 했어요.",
            "In {place}, {pastor} hid us. We made contact only through the number {phone_cn}.",
        ),
        _pair(
            "{ym}에 {place}에 도착했어요. 거기서 한국 대사관에 넘겨질 때까지 기다렸어요.",
            "I arrived in {place} in {ym}. There I waited until I was handed over to the South "
            "Korean embassy.",
        ),
    ],
    "transit:mn": [
        _pair(
            "{year}년에 {place} 국경을 넘어 고비 사막을 걸었어요. 군인들에게 잡혔을 때 오히려 "
            "안심했어요.",
            "In {year} I crossed the border into {place} and walked through the Gobi desert. When "
            "soldiers caught us, I was actually relieved.",
        ),
        _pair(
            "{place:으로} 가는 길에 사막에서 길을 잃었어요. {helper:이} 준 나침반 하나로 버텼어요.",
            "On the way to {place} we got lost in the desert. We survived with a single compass "
            "that {helper} had given us.",
        ),
    ],
    "transit:th": [
        _pair(
            "{place}에서는 이민국 수용소에 두 달 있었어요. 거기서 한국행을 기다렸어요.",
            "In {place} I spent two months in the immigration detention centre. There I waited to "
            "go to South Korea.",
        ),
        _pair(
            "메콩강을 배로 건너 {place:으로} 들어갔어요.",
            "I crossed the Mekong by boat into {place}.",
        ),
    ],
    "arrival": [
        _pair(
            "{date}에 인천공항에 내렸어요. 그날을 제 두 번째 생일로 여겨요.",
            "On {date} I landed at Incheon Airport. I think of that day as my second birthday.",
        ),
        _pair(
            "{year}년에 드디어 한국에 왔습니다. 국정원 조사를 받고 {hanawon:으로} 갔어요.",
            "In {year} I finally came to South Korea. I was questioned by the intelligence "
            "service and then went to {hanawon}.",
        ),
        _pair(
            "한국에 도착한 게 {ym}이었어요. 비행기에서 내리는데 다리가 떨렸어요.",
            "I arrived in South Korea in {ym}. My legs shook as I got off the plane.",
        ),
        _pair(
            "{year}년, 제 나이 {age}에 한국 땅을 밟았어요.",
            "In {year}, at the age of {age}, I set foot on South Korean soil.",
        ),
    ],
    "hanawon": [
        _pair(
            "{hanawon}에서 석 달 동안 교육을 받았어요. 거기서 만난 {hana_friend:과} 지금도 "
            "연락해요.",
            "I received three months of training at {hanawon}. I am still in touch with "
            "{hana_friend}, whom I met there.",
        ),
        _pair(
            "{year}년에 {hanawon:을} 나왔어요. 임대아파트 열쇠를 받던 날 많이 울었어요.",
            "I left {hanawon} in {year}. I cried a lot on the day I received the keys to my "
            "rental flat.",
        ),
        _pair(
            "{hanawon} 동기 {hana_friend:은} 저보다 어렸는데 언니처럼 챙겨 줬어요.",
            "{hana_friend}, from my {hanawon} class, was younger than me but looked after me like "
            "an older sister.",
        ),
        _pair(
            "{hanawon}에서 처음으로 건강 검진을 받았어요. 몸이 성한 데가 없다고 했어요.",
            "At {hanawon} I had a health check for the first time. They said there was no healthy "
            "part of my body.",
        ),
    ],
    "settlement": [
        _pair(
            "지금은 {place}에 살면서 {employer}에서 일해요.",
            "Now I live in {place} and work at {employer}.",
        ),
        _pair(
            "{year}년부터 {place}에서 살고 있어요. 처음 일한 곳은 {employer:이었}어요.",
            "I have lived in {place} since {year}. The first place I worked was {employer}.",
        ),
        _pair(
            "{employer}에서 미싱 일을 배웠어요. 사장님도 북에서 온 분이라 마음이 편했어요.",
            "I learned sewing-machine work at {employer}. The boss was from the North too, so I "
            "felt at ease.",
        ),
        _pair(
            "요양보호사 자격증을 따서 {place}에서 일하고 있어요.",
            "I got a care-worker certificate and now work in {place}.",
        ),
    ],
    "difficulty_sk:work": [
        _pair(
            "이력서에 북한 경력을 쓰면 면접에서 떨어졌어요.",
            "When I put my North Korean work history on my CV, I failed the interviews.",
        ),
        _pair(
            "일자리를 구하기가 정말 힘들었어요.",
            "Finding a job was really hard.",
        ),
    ],
    "difficulty_sk:money": [
        _pair(
            "브로커 비용을 갚느라 몇 년 동안 돈을 모으지 못했어요.",
            "I could not save money for years because I was paying off the broker's fee.",
        ),
        _pair(
            "월세 내고 나면 남는 게 없어요.",
            "Once I pay the rent, nothing is left.",
        ),
    ],
    "difficulty_sk:language_culture": [
        _pair(
            "외래어를 못 알아들어서 직장에서 웃음거리가 많이 됐어요.",
            "I could not understand the loanwords, so I was often laughed at at work.",
        ),
        _pair(
            "말투 때문에 어디서 왔냐는 질문을 매일 받아요.",
            "Because of my accent, people ask me every day where I am from.",
        ),
    ],
    "difficulty_sk:discrimination": [
        _pair(
            "북한 사람이라고 하면 사람들 눈빛이 달라져요.",
            "When I say I am North Korean, people look at me differently.",
        ),
        _pair(
            "조선족이냐고 물으면 그냥 그렇다고 해요. 설명하기 지쳤어요.",
            "When people ask if I am Korean-Chinese, I just say yes. I am tired of explaining.",
        ),
    ],
    "difficulty_sk:health_trauma": [
        _pair(
            "지금도 밤에 자다가 공안한테 쫓기는 꿈을 꿔요.",
            "Even now I dream at night that the police are chasing me.",
        ),
        _pair(
            "몸이 여기저기 아파서 병원에 자주 다녀요.",
            "My body aches all over, so I go to the hospital often.",
        ),
    ],
    "difficulty_sk:family_left": [
        _pair(
            "북에 두고 온 어머니 생각에 명절이면 잠을 못 자요.",
            "On holidays I cannot sleep, thinking of my mother left behind in the North.",
        ),
        _pair(
            "동생 {brother:이} 어떻게 사는지 몰라서 늘 마음이 무거워요.",
            "I do not know how my younger brother, {brother}, is living, so my heart is always "
            "heavy.",
        ),
    ],
    "difficulty_sk:loneliness": [
        _pair(
            "명절이 제일 외로워요. 갈 데가 없으니까요.",
            "Holidays are the loneliest. I have nowhere to go.",
        ),
        _pair(
            "여기서는 마음 터놓을 사람이 없어요.",
            "Here I have no one to open my heart to.",
        ),
    ],
    "difficulty_sk:education": [
        _pair(
            "검정고시를 준비하고 있는데 영어가 너무 어려워요.",
            "I am preparing for the high-school equivalency exam, but English is very hard.",
        ),
        _pair(
            "아이 숙제를 봐 줄 수가 없어서 속상해요.",
            "It upsets me that I cannot help my child with homework.",
        ),
    ],
}

DIALECT: dict[str, list[Pair]] = {
    "arrest": [
        _pair(
            "{year}년에 {place}서 공안한테 잡혔슴다. 누가 찔렀는지 지금도 모르지비.",
            "In {year} I was caught by the police in {place}. Even now I do not know who informed "
            "on me.",
        ),
    ],
    "repatriation": [
        _pair(
            "{place:으로} 북송됐슴다. 그때가 {year}년이었슴다.",
            "I was sent back to {place}. That was in {year}.",
        ),
    ],
    "interrogation": [
        _pair(
            "보위원 {official:이} 매일 불러서 캐물었슴다. 중국서 뭘 했냐, 누굴 만났냐.",
            "The security officer, {official}, called me in every day and grilled me. What did "
            "you do in China, whom did you meet.",
        ),
    ],
    "detention": [
        _pair(
            "{facility}에서 {duration} 살았슴다. 거기는 사람 사는 데가 아이였슴다.",
            "I lived in {facility} for {duration}. It was no place for human beings.",
        ),
    ],
    "release": [
        _pair(
            "{year}년에 나왔슴다. 나오니까니 식구들이 나를 못 알아봤지비.",
            "I got out in {year}. When I came out, my family did not recognise me.",
        ),
    ],
    "crossing_again": [
        _pair(
            "{year}년에 또 넘었슴다. 한 번 넘어 본 길이니까니 덜 무서웠지비.",
            "In {year} I crossed again. I had been that way before, so I was less afraid.",
        ),
    ],
    "transit": [
        _pair(
            "{place}까지 가는 길이 제일 힘들었슴다. 걷고 또 걸었지비.",
            "The road to {place} was the hardest. We walked and walked.",
        ),
    ],
    "arrival": [
        _pair(
            "{year}년에 한국 왔슴다. 처음엔 여기가 진짜 한국인가 했지비.",
            "I came to South Korea in {year}. At first I wondered whether this was really South "
            "Korea.",
        ),
    ],
    "hanawon": [
        _pair(
            "{hanawon}에서 나오니까니 세상이 너무 빨랐슴다.",
            "When I came out of {hanawon}, the world moved too fast.",
        ),
    ],
    "settlement": [
        _pair(
            "지금은 {place}서 식당 일 함다. 힘들어도 내 손으로 버니까니 좋지비.",
            "Now I work at a restaurant in {place}. It is hard, but I earn with my own hands, so "
            "it is good.",
        ),
    ],
}
