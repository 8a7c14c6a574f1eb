"""Testimony templates for the years in China: sold, married, work, children, hiding.

Same conventions as demo_templates_north: (Korean, English) pairs, `{key}` values, `{key:은}`
particles on the Korean side only. `{perp}` is whoever held power over her in that event
(the husband, the boss, the broker), so the violation sentences fit every event.
"""

Pair = tuple[str, str]


def _pair(ko: str, en: str) -> Pair:
    """A call, not a bare tuple: a comma forgotten between the two texts fails loudly."""
    return ko, en


TEMPLATES: dict[str, list[Pair]] = {
    "sold": [
        _pair(
            "중국에 넘어가자마자 {place}에서 {price}원에 팔렸어요. 나중에 들으니 {broker_cn:이} "
            "중간에서 돈을 챙겼대요.",
            "As soon as I got to China I was sold in {place} for {price} yuan. Later I heard that "
            "{broker_cn} took a cut in between.",
        ),
        _pair(
            "{year}년에 저는 {price} 위안에 팔려 {place}의 한 농가로 갔습니다. 그때 나이 "
            "{age:이었}어요.",
            "In {year} I was sold for {price} yuan and taken to a farmhouse in {place}. I was "
            "{age} at the time.",
        ),
        _pair(
            "사람들이 저를 두고 흥정을 했어요. {price}원이라는 말이 들렸어요. 사람 값이 돼지 "
            "값보다 조금 더 나가더라고요.",
            "People haggled over me. I heard them say {price} yuan. A person was worth a little "
            "more than a pig.",
        ),
        _pair(
            "{region} {place}에 있는 한 집에 {price}원을 받고 넘겨졌어요. 그 돈은 저한테는 한 "
            "푼도 오지 않았어요.",
            "I was handed over to a household in {place}, {region}, for {price} yuan. Not a "
            "single coin of that money came to me.",
        ),
        _pair(
            "브로커들은 저를 {place}까지 데려가서 {price}원에 넘겼습니다. 그날이 {date:이었}어요.",
            "The brokers took me to {place} and handed me over for {price} yuan. That day was "
            "{date}.",
        ),
    ],
    "marriage_china": [
        _pair(
            "{year}년부터 {place} {cn_village}에서 {husband:이라는} 한족 남자와 살았어요. 그 "
            "사람은 그때 {husband_age:이었}어요.",
            "From {year} I lived with a Han Chinese man called {husband} in {cn_village}, "
            "{place}. He was {husband_age} at the time.",
        ),
        _pair(
            "남편 {husband:은} 농사를 지었는데 술을 마시면 사람이 달라졌어요. 저는 "
            "{end_year}년까지 그 집에 있었습니다.",
            "My husband, {husband}, was a farmer, but when he drank he became another person. I "
            "stayed in that house until {end_year}.",
        ),
        _pair(
            "{cn_village:은} 산골 마을이라 조선말 하는 사람이 하나도 없었어요. 시어머니가 저를 늘 "
            "지켜봤어요.",
            "{cn_village} was a mountain village, and not one person there spoke Korean. My "
            "mother-in-law watched me all the time.",
        ),
        _pair(
            "저를 산 사람은 {husband}, 다들 {husband_nick:이라고} 불렀어요. 나이는 "
            "{husband_age:이었}고 장가를 못 간 노총각이었어요.",
            "The man who bought me was {husband}; everyone called him {husband_nick}. He was "
            "{husband_age}, an old bachelor who had never managed to marry.",
        ),
        _pair(
            "{ym}에 {place}의 한 농가로 시집을 갔어요. 말이 결혼이지 팔려 간 거지요. 남편 이름은 "
            "{husband}입니다.",
            "In {ym} I was married into a farming family in {place}. They called it marriage, but "
            "I had been sold. My husband's name is {husband}.",
        ),
    ],
    "marriage_china_again": [
        _pair(
            "풀려난 뒤 다시 남편 {husband}에게 돌아갔어요. {end_year}년까지 그 집에서 살았습니다.",
            "After I was released I went back to my husband, {husband}. I lived in that house "
            "until {end_year}.",
        ),
        _pair(
            "{year}년에 {place}의 남편 집으로 돌아갔어요. {husband:은} 저를 다시 받아 주었지만 "
            "예전 같지는 않았어요.",
            "In {year} I went back to my husband's house in {place}. {husband} took me back, "
            "but it was not the same as before.",
        ),
        _pair(
            "아이 {child} 때문에라도 {husband}에게 돌아가야 했어요.",
            "If only for my child, {child}, I had to go back to {husband}.",
        ),
    ],
    "work_china:restaurant": [
        _pair(
            "{place}에 있는 {restaurant}에서 설거지와 서빙을 했어요. 사장 {boss:은} 월급을 석 "
            "달에 한 번 줬어요.",
            "I washed dishes and waited tables at {restaurant} in {place}. The owner, {boss}, "
            "paid me once every three months.",
        ),
        _pair(
            "{year}년부터 {end_year}년까지 {restaurant}에서 일했습니다. 신분증이 없으니 "
            "주방에서만 일했어요.",
            "From {year} to {end_year} I worked at {restaurant}. I had no papers, so I only "
            "worked in the kitchen.",
        ),
        _pair(
            "{place} 시내 식당에서 일했는데, 같이 일하던 {coworker}도 북에서 온 여자였어요.",
            "I worked at a restaurant in downtown {place}, and {coworker}, who worked with me, "
            "was also a woman from the North.",
        ),
    ],
    "work_china:adult_entertainment": [
        _pair(
            "{place}의 노래방으로 넘겨졌어요. 거기서 있었던 일은 자세히 말하고 싶지 않습니다.",
            "I was handed over to a karaoke bar in {place}. I do not want to talk in detail about "
            "what happened there.",
        ),
        _pair(
            "{boss:은} 저를 술집에서 일하게 했어요. 손님을 거절하면 밥을 주지 않았어요.",
            "{boss} made me work in a bar. If I refused a customer, I was given no food.",
        ),
    ],
    "work_china:video_chat": [
        _pair(
            "{place}의 아파트 방에서 컴퓨터 앞에 앉아 한국 남자들과 화상 채팅을 해야 했어요. "
            "아이디는 {wechat:이었}고 하루 열두 시간씩 일했어요.",
            "In an apartment in {place} I had to sit in front of a computer and video-chat with "
            "South Korean men. My ID was {wechat}, and I worked twelve hours a day.",
        ),
        _pair(
            "{year}년부터 화상 채팅 일을 했습니다. 방에는 여자가 여섯 명 있었고 관리자 {boss:이} "
            "문을 잠갔어요.",
            "From {year} I did video-chat work. There were six women in the room, and the "
            "manager, {boss}, locked the door.",
        ),
        _pair(
            "채팅방에서 쓰던 큐큐 번호는 {qq:이었}어요. 번 돈은 다 {boss:이} 가져갔습니다.",
            "The QQ number I used in the chat rooms was {qq}. {boss} took all the money I earned.",
        ),
    ],
    "work_china:farmer_wife": [
        _pair(
            "낮에는 옥수수 밭에서 일하고 밤에는 시집 식구 밥을 했어요.",
            "By day I worked in the cornfields, and at night I cooked for my husband's family.",
        ),
        _pair(
            "농사일에 집안일까지 다 제 몫이었어요. {year}년부터 {end_year}년까지 그렇게 살았어요.",
            "Farm work and all the housework were mine to do. I lived like that from {year} to "
            "{end_year}.",
        ),
    ],
    "work_china:farm_work": [
        _pair(
            "{place} 근처 농장에서 품을 팔았어요. 일당은 조선족보다 훨씬 적었어요.",
            "I hired myself out on a farm near {place}. My daily wage was much lower than the "
            "Korean-Chinese workers'.",
        ),
        _pair(
            "인삼밭에서 일했습니다. 주인 {boss:은} 제가 북조선 사람인 걸 알고 품삯을 깎았어요.",
            "I worked in a ginseng field. The owner, {boss}, knew I was from North Korea and cut "
            "my pay.",
        ),
    ],
    "work_china:domestic_work": [
        _pair(
            "{place}의 한 조선족 집에서 할머니를 돌보며 살았어요. 그 집 안주인 {host:은} 저한테 "
            "잘해 주었어요.",
            "I lived with a Korean-Chinese family in {place}, looking after the grandmother. The "
            "lady of the house, {host}, was kind to me.",
        ),
        _pair(
            "가정부로 일했는데 월급은 한 달에 {wage}원이었어요.",
            "I worked as a housekeeper, and my wage was {wage} yuan a month.",
        ),
    ],
    "work_china:factory": [
        _pair(
            "{place}의 옷 공장에서 미싱을 돌렸어요. 기숙사 밖으로는 나가지 못하게 했어요.",
            "I ran a sewing machine at a clothing factory in {place}. They would not let us leave "
            "the dormitory.",
        ),
        _pair(
            "{year}년에 {place} 근처 수산물 가공 공장에 들어갔어요. 공장장 {boss:은} 신분증 "
            "검사가 나오면 우리를 창고에 숨겼어요.",
            "In {year} I started at a seafood processing plant near {place}. When there were ID "
            "checks, the manager, {boss}, hid us in the warehouse.",
        ),
    ],
    "work_china:market_trade": [
        _pair(
            "{place} 시장에서 조선 물건을 떼다 팔았어요. 연락은 위챗 {wechat:으로} 했어요.",
            "I bought North Korean goods wholesale and sold them at the market in {place}. I kept "
            "in touch on WeChat as {wechat}.",
        ),
        _pair(
            "장사 수완이 있어서 {end_year}년쯤에는 작은 가게를 얻었어요.",
            "I had a head for trading, so by around {end_year} I had rented a small shop.",
        ),
    ],
    "work_china:none": [
        _pair(
            "일은 하지 못했어요. 밖에 나가면 잡힐까 봐 집 안에만 있었어요.",
            "I could not work. I stayed indoors for fear of being caught if I went out.",
        ),
        _pair(
            "그때는 일자리를 구할 수 없었어요. {host}네 집에 얹혀 지냈습니다.",
            "I could not find work then. I stayed with {host}'s family.",
        ),
    ],
    "situation_china:married_chinese_man": [
        _pair(
            "호적도 없는 저를 남편 집에서는 며느리라고 불렀어요.",
            "My husband's family called me their daughter-in-law, though I had no registration.",
        ),
        _pair(
            "남편은 제가 도망갈까 봐 늘 걱정했어요.",
            "My husband was always afraid I would run away.",
        ),
    ],
    "situation_china:children_born": [
        _pair(
            "아이가 생기니까 도망칠 수도 없었어요.",
            "Once there was a child, I could not run away either.",
        ),
        _pair(
            "아이 때문에 그 집에서 버텼어요.",
            "I held on in that house for the child's sake.",
        ),
    ],
    "situation_china:hiding": [
        _pair(
            "공안이 마을에 뜨면 옥수수 창고에 숨었어요.",
            "When the police came to the village, I hid in the corn shed.",
        ),
        _pair(
            "낮에는 문을 잠그고 소리도 내지 않았어요.",
            "During the day I locked the door and did not make a sound.",
        ),
    ],
    "situation_china:no_papers": [
        _pair(
            "신분증이 없으니 병원에도 갈 수 없었어요.",
            "Without papers I could not even go to a hospital.",
        ),
        _pair(
            "호구가 없어서 아무 데도 등록할 수 없었어요.",
            "I had no household registration, so I could not register anywhere.",
        ),
        _pair(
            "가짜 신분증을 사려고 돈을 모았는데 결국 사기를 당했어요.",
            "I saved money to buy a fake ID card, but in the end I was cheated.",
        ),
    ],
    "situation_china:debt_bondage": [
        _pair(
            "브로커는 제가 진 빚이 {debt}원이라며 월급을 다 가져갔어요.",
            "The broker said I owed {debt} yuan and took all my wages.",
        ),
        _pair(
            "빚을 다 갚기 전에는 나갈 수 없다고 했어요.",
            "They said I could not leave until I had paid off the debt.",
        ),
    ],
    "situation_china:moved_often": [
        _pair(
            "{place}에서 몇 달, 또 다른 데서 몇 달, 한곳에 오래 있지 못했어요.",
            "A few months in {place}, a few months somewhere else: I could never stay in one "
            "place for long.",
        ),
        _pair(
            "이사만 다섯 번을 했어요. 그때마다 전화번호를 바꿨어요.",
            "I moved five times. Each time I changed my phone number.",
        ),
    ],
    "violation.china:violence": [
        _pair(
            "{perp:은} 화가 나면 저를 때렸어요.",
            "When {perp} got angry, I was beaten.",
        ),
        _pair(
            "맞아서 갈비뼈가 부러진 적도 있어요.",
            "Once I was beaten so badly that my ribs were broken.",
        ),
        _pair(
            "{perp:은} 술만 먹으면 손찌검을 했어요. 이웃들도 알았지만 아무도 말리지 않았어요.",
            "Whenever {perp} drank, I was hit. The neighbours knew, but nobody stepped in.",
        ),
    ],
    "violation.china:deception": [
        _pair(
            "약속한 월급은 한 번도 받지 못했어요. 처음부터 거짓말이었어요.",
            "I never once got the wage I was promised. It was a lie from the start.",
        ),
        _pair(
            "좋은 데 보내 준다던 말은 다 거짓이었어요.",
            "Everything they said about sending me somewhere good was a lie.",
        ),
    ],
    "violation.china:financial_exclusion": [
        _pair(
            "제가 번 돈은 {perp:이} 다 가져갔어요. 저는 돈 한 푼 만져 보지 못했어요.",
            "{perp} took all the money I earned. I never touched a single coin.",
        ),
        _pair(
            "통장도 못 만드니 돈을 모을 수가 없었어요.",
            "I could not even open a bank account, so I could not save money.",
        ),
    ],
    "violation.china:intimidation": [
        _pair(
            "{perp:은} 말을 안 들으면 공안에 신고하겠다고 했어요. 그 말이 제일 무서웠어요.",
            "{perp} said I would be reported to the police if I did not obey. Those words "
            "frightened me most.",
        ),
        _pair(
            "{perp:은} 북송시키겠다는 말을 입에 달고 살았어요.",
            "{perp} was always threatening to have me sent back to the North.",
        ),
    ],
    "violation.china:sexual_assault": [
        _pair(
            "그 집에서 저는 사람 대접을 받지 못했어요. 원하지 않는 일을 당했어요.",
            "In that house I was not treated as a person. Things were done to me that I did not "
            "want.",
        ),
        _pair(
            "밤마다 두려웠어요. 그 이야기는 여기까지만 할게요.",
            "Every night I was afraid. I will stop that story there.",
        ),
    ],
    "violation.china:confinement": [
        _pair(
            "밖에서 문을 잠가서 몇 달 동안 집 밖에 나가지 못했어요.",
            "They locked the door from outside, and for months I could not leave the house.",
        ),
        _pair(
            "도망가지 못하게 신발을 감췄어요.",
            "They hid my shoes so that I could not run away.",
        ),
    ],
    "violation.china:forced_labour": [
        _pair(
            "새벽부터 밤까지 쉬지 않고 일해야 했어요. 아파도 쉴 수 없었어요.",
            "I had to work without rest from dawn to night. Even when I was sick I could not rest.",
        ),
        _pair(
            "돈도 안 주고 일만 시켰어요.",
            "They made me work and paid me nothing.",
        ),
    ],
    "violation.china:extortion": [
        _pair(
            "조선족 {broker_cn:이} 신고하지 않는 대가로 돈을 요구했어요.",
            "{broker_cn}, a Korean-Chinese woman, demanded money for not reporting me.",
        ),
        _pair(
            "마을 간부가 눈감아 주는 값으로 매달 {wage}원을 받아 갔어요.",
            "A village official took {wage} yuan a month as the price for looking the other way.",
        ),
    ],
    "child_born": [
        _pair(
            "{year}년에 {child_sex:을} 낳았어요. {child:은} 올해 {child_age:이에요}.",
            "In {year} I gave birth to a {child_sex}. {child} is {child_age} this year.",
        ),
        _pair(
            "{child:이} 태어난 건 {ym}이었어요. 병원에 갈 수 없어서 집에서 낳았어요.",
            "{child} was born in {ym}. I could not go to a hospital, so I gave birth at home.",
        ),
        _pair(
            "아이 아빠 {husband:은} 아들을 바랐어요. {year}년에 {child_sex:이} 태어났어요.",
            "The child's father, {husband}, wanted a son. In {year} a {child_sex} was born.",
        ),
        _pair(
            "제 {child_sex} {child:은} 올해 {child_age:이에요}. 중국에 두고 온 게 평생 한이에요.",
            "My {child_sex}, {child}, is {child_age} this year. Leaving my child behind in China "
            "is the regret of my life.",
        ),
    ],
    "hiding": [
        _pair(
            "{year}년부터 {place}의 조선족 {host}네 집 창고에 숨어 살았어요.",
            "From {year} I lived hidden in the storeroom of {host}'s house, a Korean-Chinese "
            "family in {place}.",
        ),
        _pair(
            "산속 움막에서 {end_year}년까지 숨어 지냈어요. 먹을 건 {host:이} 가끔 갖다 줬어요.",
            "I hid in a hut in the mountains until {end_year}. {host} brought me food now and "
            "then.",
        ),
        _pair(
            "{place}에서 숨어 지낼 때 쓰던 전화번호가 {phone_cn:이었}어요. 아는 사람 전화가 "
            "아니면 절대 받지 않았어요.",
            "When I was hiding in {place}, the phone number I used was {phone_cn}. I never "
            "answered unless it was someone I knew.",
        ),
        _pair(
            "교회 사람들 도움으로 {place}에서 몇 달 숨어 있었어요. {church}에서 저를 받아 줬어요.",
            "With the help of church people I hid in {place} for a few months. {church} took me "
            "in.",
        ),
    ],
}

DIALECT: dict[str, list[Pair]] = {
    "marriage_china_again": [
        _pair(
            "다시 {husband}한테 갔슴다. 갈 데가 거기밖에 없었지비.",
            "I went back to {husband}. There was nowhere else to go.",
        ),
    ],
    "sold": [
        _pair(
            "{place}서 {price}원에 팔렸슴다. 사람을 짐승처럼 팔았지비.",
            "I was sold in {place} for {price} yuan. They sold people like animals.",
        ),
        _pair(
            "내 값이 {price}원이었슴다. 그 돈 다 브로커 주머니로 들어갔슴다.",
            "My price was {price} yuan. All that money went into the broker's pocket.",
        ),
    ],
    "marriage_china": [
        _pair(
            "{husband:이라는} 한족 남자한테 갔슴다. 말도 안 통하니까니 매일 울었지비.",
            "I went to a Han Chinese man called {husband}. We could not understand each other, so "
            "I cried every day.",
        ),
        _pair(
            "{place} 시골에서 {end_year}년까지 살았슴다. 그 집 간나들이 나를 엄마라고 불렀지비.",
            "I lived in the countryside of {place} until {end_year}. The children of that house "
            "called me mother.",
        ),
    ],
    "child_born": [
        _pair(
            "{year}년에 {child_sex:을} 낳았슴다. {child:이} 올해 {child_age}임다.",
            "In {year} I gave birth to a {child_sex}. {child} is {child_age} this year.",
        ),
    ],
    "hiding": [
        _pair(
            "{place}서 숨어 살았슴다. 밖에 나가면 잡히니까니 문도 못 열었지비.",
            "I lived in hiding in {place}. If I went out I would be caught, so I could not even "
            "open the door.",
        ),
    ],
}
