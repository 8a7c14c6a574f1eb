"""Testimony templates for life in North Korea and for leaving it: (Korean, English) pairs.

Each English text translates its Korean one. `{key}` is a value the renderer inserts (and
records as a span when it identifies); `{key:은}` appends the particle that fits the value
(은/는, 이/가, 을/를, 과/와, 으로/로, ...), which only the Korean side needs. Both texts of a pair
use the same keys. DIALECT holds the variants in a Hamgyong voice, for the women who have one.
"""

Pair = tuple[str, str]


def _pair(ko: str, en: str) -> Pair:
    """A call, not a bare tuple: a comma forgotten between the two texts fails loudly."""
    return ko, en


TEMPLATES: dict[str, list[Pair]] = {
    "born": [
        _pair(
            "저는 {year}년에 {province} {place}에서 태어났습니다. 아버지 {father:은} {work}에서 "
            "일하셨고 어머니 {mother:은} 집에서 우리 형제들을 키우셨습니다.",
            "I was born in {year} in {place}, {province}. My father, {father}, worked at the "
            "{work}, and my mother, {mother}, raised us children at home.",
        ),
        _pair(
            "제 고향은 {place} {village}입니다. {year}년생이고, 위로 언니 {sister:이} 있고 아래로 "
            "남동생 {brother:이} 있었어요.",
            "My home is {village} in {place}. I was born in {year}; I had an older sister, "
            "{sister}, and a younger brother, {brother}.",
        ),
        _pair(
            "{year}년 {province} {place}에서 났어요. 어릴 때는 {village}에 있는 외가에서 "
            "자랐는데, 외할머니가 저를 많이 귀여워하셨어요.",
            "I was born in {year} in {place}, {province}. As a child I grew up at my mother's "
            "family home in {village}, and my grandmother doted on me.",
        ),
        _pair(
            "저는 {place} 사람입니다. {date}에 태어났다고 들었어요. 어머니 이름은 {mother}, "
            "아버지 이름은 {father}입니다.",
            "I am from {place}. I was told I was born on {date}. My mother's name is {mother}, "
            "and my father's name is {father}.",
        ),
        _pair(
            "{province}에서도 {place}, 거기서도 {village}라는 작은 동네에서 {year}년에 "
            "태어났습니다. 형제는 넷이었고 저는 둘째였어요.",
            "I was born in {year} in a small neighbourhood called {village}, in {place}, "
            "{province}. There were four of us children and I was the second.",
        ),
        _pair(
            "제가 {year}년생이니까 올해 {age_now:이에요}. 고향은 {place}이고, 부모님은 둘 다 "
            "{work}에 다니셨어요.",
            "I was born in {year}, so this year I am {age_now}. My home town is {place}, and both "
            "my parents worked at the {work}.",
        ),
    ],
    "class:lower": [
        _pair(
            "우리 집은 토대가 나빠서 좋은 직장에 갈 수가 없었어요.",
            "Our family background was bad, so I could not get a good job.",
        ),
        _pair(
            "우리는 그냥 평범한 노동자 집이었어요. 가진 게 없었어요.",
            "We were just an ordinary workers' family. We had nothing.",
        ),
        _pair(
            "할아버지 쪽에 월남한 친척이 있어서 우리 집은 늘 감시를 받았습니다.",
            "My grandfather's side had relatives who went south, so our family was always watched.",
        ),
    ],
    "class:middle": [
        _pair(
            "우리 집은 중간쯤이었어요. 아버지가 작업반장이셔서 그럭저럭 살았어요.",
            "Our family was somewhere in the middle. My father was a work-team leader, so we got "
            "by.",
        ),
        _pair(
            "잘사는 집도 못사는 집도 아니었습니다.",
            "We were neither a well-off family nor a poor one.",
        ),
    ],
    "class:upper": [
        _pair(
            "아버지가 당원이셨고 우리 집은 토대가 좋은 편이었어요.",
            "My father was a Party member and our family background was fairly good.",
        ),
        _pair(
            "외삼촌이 간부여서 우리는 다른 집보다 형편이 나았습니다.",
            "My uncle was an official, so we were better off than other families.",
        ),
    ],
    "famine": [
        _pair(
            "{year}년부터 배급이 끊겼습니다. 고난의 행군 때 {place}에서도 사람들이 길에서 쓰러져 "
            "죽었어요. 우리 집은 풀죽을 쑤어 먹으며 겨우 버텼습니다.",
            "From {year} the rations stopped. During the Arduous March people collapsed and died "
            "in the streets in {place} too. Our family barely held on by eating grass porridge.",
        ),
        _pair(
            "{end_year}년 겨울에 아버지 {father:이} 굶어서 돌아가셨어요. 그때 저는 "
            "{end_age:이었}어요. 장례도 제대로 못 치렀습니다.",
            "In the winter of {end_year} my father, {father}, died of hunger. I was {end_age} "
            "then. We could not even give him a proper funeral.",
        ),
        _pair(
            "고난의 행군이 시작된 {year}년에 저는 {age:이었}어요. 공장은 멈췄고 배급표는 "
            "종잇조각이 됐어요.",
            "When the Arduous March began in {year}, I was {age}. The factory stopped and the "
            "ration coupons became scraps of paper.",
        ),
        _pair(
            "{year}년에서 {end_year}년 사이에 동네에서 굶어 죽은 사람이 열 명도 넘었어요. 옆집 "
            "{neighbour}네 식구도 그렇게 갔습니다.",
            "Between {year} and {end_year} more than ten people in our neighbourhood starved to "
            "death. The family of {neighbour} next door died that way too.",
        ),
        _pair(
            "배급이 끊긴 뒤로 어머니는 산에 가서 도토리랑 소나무 껍질을 벗겨 왔어요. "
            "{end_year}년까지 그렇게 살았습니다.",
            "After the rations stopped, my mother went to the hills and brought back acorns and "
            "pine bark. We lived like that until {end_year}.",
        ),
    ],
    "market_work": [
        _pair(
            "{year}년부터 {place} 장마당에 나가서 국수를 팔았습니다. 하루 종일 앉아 있어도 강냉이 "
            "한 키로 살 돈 벌기가 힘들었어요.",
            "From {year} I went to the market in {place} and sold noodles. Even sitting there all "
            "day it was hard to earn enough for a kilo of corn.",
        ),
        _pair(
            "장사를 시작한 건 {year}년이었어요. 중국에서 넘어온 옷가지를 받아다 팔았는데, 물건은 "
            "{friend:이} 대 줬어요.",
            "I started trading in {year}. I sold clothes that came over from China, and {friend} "
            "supplied the goods.",
        ),
        _pair(
            "저는 {place} 역전 장마당에서 떡을 팔았습니다. 단속이 나오면 보따리를 안고 뛰었어요.",
            "I sold rice cakes at the market by the station in {place}. When the inspectors came, "
            "I ran with my bundle in my arms.",
        ),
        _pair(
            "남편이 공장에서 배급을 못 받으니까 제가 장사로 식구를 먹여 살렸어요. {year}년부터 "
            "{end_year}년까지 두부를 만들어 팔았습니다.",
            "My husband got no rations from the factory, so I fed the family by trading. From "
            "{year} to {end_year} I made tofu and sold it.",
        ),
        _pair(
            "장마당 자릿세를 내야 했는데, 돈이 없는 날은 물건으로 냈어요. {place} 장마당은 늘 "
            "사람으로 북적였어요.",
            "We had to pay a fee for a spot at the market, and on days without money I paid in "
            "goods. The market in {place} was always crowded.",
        ),
    ],
    "work_nk": [
        _pair(
            "학교를 마치고 {place} {work}에 배치됐어요. {year}년부터 거기서 일했는데 나중엔 "
            "월급도 배급도 없었어요.",
            "After school I was assigned to the {work} in {place}. I worked there from {year}, "
            "but later there was neither pay nor rations.",
        ),
        _pair(
            "저는 {work}에서 일했습니다. 작업반장 {official:은} 나쁜 사람은 아니었어요.",
            "I worked at the {work}. The team leader, {official}, was not a bad man.",
        ),
        _pair(
            "{year}년에 {work}에 들어갔어요. 그때 나이가 {age:이었}어요.",
            "I joined the {work} in {year}. I was {age} at the time.",
        ),
        _pair(
            "{place}에서 {work}에 다녔는데, 출근해도 할 일이 없어서 오후에는 땔감을 하러 다녔어요.",
            "I worked at the {work} in {place}, but even when I went in there was nothing to do, "
            "so in the afternoons I went to gather firewood.",
        ),
        _pair(
            "제대군인인 남편을 만나 {year}년에 결혼했고, 저는 {work}에 다녔습니다.",
            "I married my husband, a discharged soldier, in {year}, and I worked at the {work}.",
        ),
    ],
    "violation.nk:extortion": [
        _pair(
            "시장 관리원 {official:이} 자릿세 말고도 뇌물을 따로 요구했어요. 안 주면 물건을 다 "
            "빼앗았습니다.",
            "The market manager, {official}, demanded bribes on top of the stall fee. If we did "
            "not pay, he took all our goods.",
        ),
        _pair(
            "보안원들이 단속을 한다면서 돈을 뜯어 갔어요. 한 달 번 돈의 절반이 그렇게 나갔어요.",
            "The police extorted money from us in the name of inspections. Half of what I earned "
            "in a month went that way.",
        ),
    ],
    "violation.nk:sexual_assault": [
        _pair(
            "장사를 계속하려면 간부 말을 들어야 한다는 말을 들었어요. 그 일은 지금도 말하기가 "
            "어렵습니다.",
            "I was told that to keep trading I had to do what an official wanted. Even now that "
            "is hard to talk about.",
        ),
        _pair(
            "단속원 {official:은} 여자들에게 몹쓸 짓을 요구했어요. 거절하면 장사를 못 하게 "
            "했습니다.",
            "The inspector, {official}, demanded terrible things from the women. If you refused, "
            "he stopped you from trading.",
        ),
    ],
    "violation.nk:intimidation": [
        _pair(
            "중국 물건을 판다고 신고하겠다는 협박을 받았어요. 그 뒤로는 늘 마음을 졸였습니다.",
            "I was threatened with being reported for selling Chinese goods. After that I was "
            "always on edge.",
        ),
        _pair(
            "{official:이} 우리 집을 찾아와서 밀수를 했다고 몰아세웠어요.",
            "{official} came to our house and accused me of smuggling.",
        ),
    ],
    "crossing": [
        _pair(
            "저는 {year}년 {season}에 {river:을} 건넜습니다. {place}에서 밤에 물이 얕은 곳을 "
            "골라서 건넜어요.",
            "I crossed the {river} in the {season} of {year}. I crossed at night at {place}, "
            "choosing a spot where the water was shallow.",
        ),
        _pair(
            "{date} 밤이었어요. {place} 근처에서 {river:을} 건넜는데 물이 허리까지 찼어요.",
            "It was the night of {date}. I crossed the {river} near {place}, and the water came "
            "up to my waist.",
        ),
        _pair(
            "제가 강을 건넌 건 {year}년 {lunar}이었어요. 그때 {age:이었}고, 경비대가 교대하는 "
            "틈을 타서 넘었습니다.",
            "I crossed the river on {lunar}, {year}. I was {age} then, and I slipped across while "
            "the border guards were changing shifts.",
        ),
        _pair(
            "{ym}에 {place}에서 {river:을} 넘었습니다. 경비대 군인에게 담배 몇 갑을 주고 길을 "
            "열어 달라고 했어요.",
            "In {ym} I crossed the {river} at {place}. I gave a border guard a few packs of "
            "cigarettes and asked him to let us through.",
        ),
        _pair(
            "{year}년, {age}의 나이로 고향을 떠났어요. {river:은} 생각보다 좁았는데, 건너편이 "
            "중국이라는 게 믿기지 않았어요.",
            "In {year}, at the age of {age}, I left home. The {river} was narrower than I had "
            "thought, and I could not believe the other side was China.",
        ),
    ],
    "way_leaving:own": [
        _pair(
            "브로커도 없이 혼자 건넜어요. 강 건너 친척 집 주소 하나만 들고 갔습니다.",
            "I crossed alone, without a broker. I went with nothing but the address of a relative "
            "across the river.",
        ),
        _pair(
            "{friend:과} 둘이서 길을 찾아 넘었어요. 누구 도움도 받지 않았어요.",
            "{friend} and I found the way and crossed, just the two of us. We had no one's help.",
        ),
        _pair(
            "혼자 결심하고 혼자 떠났습니다. 식구들에게도 말하지 않았어요.",
            "I decided alone and left alone. I did not even tell my family.",
        ),
    ],
    "way_leaving:broker": [
        _pair(
            "브로커 {broker:이} 길을 안내했어요. 중국에 가서 돈을 벌어 갚기로 하고 떠났습니다.",
            "A broker, {broker}, guided us. I left on the promise that I would earn money in "
            "China and pay him back.",
        ),
        _pair(
            "어머니가 {broker}에게 돈을 주고 저를 보냈어요. 브로커 전화번호는 {phone_cn:이었}는데 "
            "지금도 기억나요.",
            "My mother paid {broker} to take me out. The broker's phone number was {phone_cn}; I "
            "still remember it.",
        ),
        _pair(
            "{broker:이라는} 사람을 통해 넘었어요. 강 건너에서 조선족 {broker_cn:이} 기다리고 "
            "있었습니다.",
            "I crossed through a man called {broker}. On the other side of the river a "
            "Korean-Chinese woman, {broker_cn}, was waiting.",
        ),
    ],
    "way_leaving:trafficked_agreed": [
        _pair(
            "중국에 시집가면 배는 안 곯는다고 해서 알고도 따라갔어요. 팔려 가는 줄 알았지만 "
            "식구들을 살리려면 어쩔 수 없었어요.",
            "They said that if I married in China I would never go hungry, so I went knowing what "
            "it meant. I knew I was being sold, but I had no choice if my family was to live.",
        ),
        _pair(
            "{broker:은} 중국 남자한테 시집가는 거라고 솔직히 말했어요. 저는 그래도 가겠다고 "
            "했습니다.",
            "{broker} told me honestly that I would be married to a Chinese man. I said I would "
            "go anyway.",
        ),
        _pair(
            "동네 언니 {friend:이} 중국에 시집가서 잘 산다는 말을 듣고 저도 가겠다고 했어요.",
            "I heard that {friend}, a woman from our neighbourhood, had married in China and was "
            "living well, so I said I would go too.",
        ),
    ],
    "way_leaving:trafficked_deceived": [
        _pair(
            "{broker:이} 중국 식당에서 한 달만 일하면 쌀 한 가마니 값을 번다고 했어요. 그 말을 "
            "믿었어요.",
            "{broker} said that if I worked in a Chinese restaurant for just one month, I would "
            "earn the price of a sack of rice. I believed him.",
        ),
        _pair(
            "친척 집에 다녀오게 해 주겠다는 말에 속았습니다. 강을 건너자마자 저를 넘겨받을 사람이 "
            "기다리고 있었어요.",
            "I was deceived by the promise that I could visit relatives. As soon as we crossed "
            "the river, someone was waiting to take me over.",
        ),
        _pair(
            "{friend:이} 좋은 일자리가 있다고 데려갔는데, 알고 보니 저를 팔아넘긴 거였어요.",
            "{friend} took me along saying there was a good job, but it turned out I had been "
            "sold.",
        ),
    ],
    "way_leaving:abducted": [
        _pair(
            "강가에 빨래하러 갔다가 모르는 남자들에게 끌려갔어요. 정신을 차려 보니 중국이었습니다.",
            "I went to the river to do the laundry and was dragged away by men I did not know. "
            "When I came to my senses, I was in China.",
        ),
        _pair(
            "장사하러 국경 근처에 갔는데, 밤에 누가 제 입을 막고 강을 건넜어요.",
            "I had gone near the border to trade, and at night someone covered my mouth and took "
            "me across the river.",
        ),
        _pair(
            "{broker:이} 물건을 받으러 가자고 해서 따라갔다가 그대로 중국 쪽으로 끌려갔습니다.",
            "{broker} asked me to come along to collect some goods, and I was dragged straight "
            "over to the Chinese side.",
        ),
    ],
    "reason_leaving:food_work": [
        _pair(
            "먹고살 길이 없었어요. 중국에 가면 일거리가 있다고 들었어요.",
            "There was no way to make a living. I had heard there was work in China.",
        ),
        _pair(
            "아이들을 굶길 수는 없었어요. 돈을 벌어 돌아올 생각이었어요.",
            "I could not let my children starve. I meant to earn money and come back.",
        ),
    ],
    "reason_leaving:family": [
        _pair(
            "먼저 중국에 간 언니 {sister:을} 찾으러 갔어요.",
            "I went to find my older sister, {sister}, who had gone to China before me.",
        ),
        _pair(
            "어머니가 병이 나서 약값을 마련해야 했어요.",
            "My mother fell ill and I had to find money for her medicine.",
        ),
    ],
    "reason_leaving:fear_punishment": [
        _pair(
            "장사하다 걸려서 단련대에 끌려갈 처지였어요. 잡히기 전에 떠나야 했습니다.",
            "I had been caught trading and was about to be sent to a labour camp. I had to leave "
            "before they took me.",
        ),
        _pair(
            "남동생 {brother:이} 보위부에 잡혀간 뒤로 우리 집도 위험하다는 걸 알았어요.",
            "After my younger brother, {brother}, was taken by the security police, I knew our "
            "family was in danger too.",
        ),
    ],
    "reason_leaving:southern_media": [
        _pair(
            "몰래 본 한국 드라마 때문에 다른 세상이 있다는 걸 알았어요.",
            "Because of the South Korean dramas I watched in secret, I knew there was another "
            "world.",
        ),
        _pair(
            "알판으로 본 남한 영화가 머릿속에서 떠나지 않았어요.",
            "The South Korean films I watched on discs would not leave my head.",
        ),
    ],
    "reason_leaving:debt": [
        _pair(
            "장사 밑천으로 빌린 돈을 갚을 길이 없었어요. 빚쟁이들이 매일 찾아왔어요.",
            "I had no way to repay the money I borrowed to start trading. The creditors came "
            "every day.",
        ),
        _pair(
            "빚이 중국 돈으로 {debt}원이나 됐어요.",
            "My debt came to {debt} yuan in Chinese money.",
        ),
    ],
    "reason_leaving:persuaded_by_broker": [
        _pair(
            "{broker:이} 몇 번이나 찾아와서 중국 가면 잘 산다고 설득했어요.",
            "{broker} came to see me several times and persuaded me that life was good in China.",
        ),
        _pair(
            "브로커가 돈은 나중에 벌어서 갚으면 된다고 했어요.",
            "The broker said I could earn the money later and pay him back.",
        ),
    ],
    "reason_leaving:politics": [
        _pair(
            "이런 나라에서는 더는 살 수 없다고 생각했어요.",
            "I thought I could not live in such a country any longer.",
        ),
        _pair(
            "아버지가 억울하게 끌려간 뒤로 이 체제를 믿을 수 없었어요.",
            "After my father was taken away unjustly, I could not believe in this system.",
        ),
    ],
    "reason_leaving:other": [
        _pair(
            "여러 가지 사정이 있었는데, 그건 다 말씀드리기 어려워요.",
            "There were many reasons, but it is hard to tell you all of them.",
        ),
        _pair(
            "그냥 떠나야 할 것 같았어요. 이유를 하나로 말하긴 어렵습니다.",
            "I just felt I had to leave. It is hard to name one reason.",
        ),
    ],
}

DIALECT: dict[str, list[Pair]] = {
    "born": [
        _pair(
            "내 고향은 {place} {village}임다. {year}년에 났슴다. 오마니 {mother:이랑} 아바지 "
            "{father:이랑} 다 거기서 사셨댔슴다.",
            "My home is {village} in {place}. I was born in {year}. My mother, {mother}, and my "
            "father, {father}, both lived there.",
        ),
        _pair(
            "{year}년생임다. {province} {place}에서 나서 자랐지비. 우리 집은 에미나이만 "
            "셋이었슴다.",
            "I was born in {year}. I was born and raised in {place}, {province}. In our family "
            "there were three girls and no boys.",
        ),
        _pair(
            "{place}에서 {year}년에 났는데, 우리 아바지는 {work}에 다녔슴다. 살림이 넉넉하진 "
            "못했지비.",
            "I was born in {place} in {year}, and my father worked at the {work}. We were never "
            "well off.",
        ),
    ],
    "famine": [
        _pair(
            "{year}년부터는 배급이 딱 끊겼슴다. 먹을 게 없으니까니 강냉이 가루에 풀을 섞어 "
            "먹었지비.",
            "From {year} the rations stopped completely. There was nothing to eat, so we mixed "
            "grass into corn flour and ate that.",
        ),
        _pair(
            "그 고난의 행군 때 우리 동네 간나들이 많이 죽었슴다. {end_year}년에는 우리 막내도 "
            "잃었슴다.",
            "During the Arduous March many of the children in our neighbourhood died. In "
            "{end_year} we lost our youngest too.",
        ),
    ],
    "market_work": [
        _pair(
            "{year}년부터 장마당에서 술을 팔았슴다. 돈이 돼야 식구들 먹이니까니 밤에도 술을 "
            "뺐지비.",
            "From {year} I sold liquor at the market. I had to make money to feed the family, so "
            "I distilled liquor at night too.",
        ),
        _pair(
            "장마당 에미나이들끼리는 서로 도왔슴다. {friend:이} 없었으면 나는 장사 못 했슴다.",
            "The women at the market helped each other. Without {friend} I could not have traded.",
        ),
    ],
    "work_nk": [
        _pair(
            "{work}에 다녔댔슴다. 일은 많은데 배급은 안 주니까니 다들 몰래 장사했지비.",
            "I worked at the {work}. There was plenty of work but no rations, so everyone traded "
            "on the side.",
        ),
    ],
    "crossing": [
        _pair(
            "{year}년 {season}에 {place}에서 {river:을} 건넜슴다. 물이 차니까니 다리가 다 얼어 "
            "버렸지비.",
            "In the {season} of {year} I crossed the {river} at {place}. The water was so cold "
            "that my legs went numb.",
        ),
        _pair(
            "{lunar}에 강을 건넜슴다. 그해가 {year}년이었슴다. 나는 그때 {age:이었}슴다.",
            "I crossed the river on {lunar}. That year was {year}. I was {age} then.",
        ),
    ],
    "way_leaving:own": [
        _pair(
            "아무도 몰래 혼자 넘었슴다. 누구한테 말하면 잡히니까니.",
            "I crossed alone without anyone knowing. If you told anyone, you got caught.",
        ),
    ],
    "way_leaving:broker": [
        _pair(
            "{broker:이} 길을 다 알았슴다. 돈은 중국 가서 벌어서 갚기로 했지비.",
            "{broker} knew the whole way. I was to earn the money in China and pay it back.",
        ),
    ],
    "way_leaving:trafficked_agreed": [
        _pair(
            "시집간다는 거 알고 갔슴다. 여기 있으면 굶어 죽으니까니.",
            "I knew I was going to be married off when I went. If I stayed, I would starve to "
            "death.",
        ),
    ],
    "way_leaving:trafficked_deceived": [
        _pair(
            "공장 일이라고 했슴다. 다 거짓말이었슴다.",
            "They said it was factory work. It was all lies.",
        ),
    ],
}
