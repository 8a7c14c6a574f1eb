"""The lines around the journey: the opening that marks every transcript as invented, the
interviewer's questions, family left behind, contacts, follow-up interviews and closings.

Same conventions as demo_templates_north. "header" opens every transcript and says, in both
languages, that the testimony is invented: these texts must never pass for real ones.
"""

Pair = tuple[str, str]


def _pair(ko: str, en: str) -> Pair:
    """A call, not a bare tuple: a comma forgotten between the two texts fails loudly."""
    return ko, en


# Every demo transcript opens with this notice; `journeys demo-releases` refuses texts without it.
DEMO_NOTICE_KO = "[가상 증언 · 시연용 자료]"

TEMPLATES: dict[str, list[Pair]] = {
    "header": [
        _pair(
            "[가상 증언 · 시연용 자료] 이 증언은 시연을 위해 지어낸 가상의 이야기입니다. 이름, "
            "장소, 날짜, 연락처는 모두 꾸며낸 것이며 실제 인물과 관계가 없습니다.",
            "[Fictional testimony · demo data] This testimony is an invented story made for "
            "demonstration. All names, places, dates and contacts are made up and have nothing to "
            "do with real people.",
        ),
        _pair(
            "[가상 증언 · 시연용 자료] {idate} 면담을 가정한 시연용 녹취록입니다. 등장하는 사람과 "
            "연락처는 모두 가상입니다. 편하게 말씀해 주세요.",
            "[Fictional testimony · demo data] A demo transcript imagining an interview on "
            "{idate}. Every person and contact in it is fictional. Please speak freely.",
        ),
        _pair(
            "[가상 증언 · 시연용 자료] 이 녹취록은 실제 면담이 아닙니다. 시스템 시연을 위해 만든 "
            "가상의 증언입니다. 그럼 고향 이야기부터 시작해 볼까요?",
            "[Fictional testimony · demo data] This transcript is not a real interview. It is a "
            "fictional testimony made to demonstrate the system. Shall we start with your home "
            "town?",
        ),
    ],
    "header_follow_up": [
        _pair(
            "[가상 증언 · 시연용 자료] {idate}, 두 번째 면담을 가정한 가상의 녹취록입니다. "
            "지난번에 다 못 하신 이야기를 들어 보겠습니다.",
            "[Fictional testimony · demo data] {idate}: a fictional transcript imagining a second "
            "interview. Let us hear what you could not finish last time.",
        ),
        _pair(
            "[가상 증언 · 시연용 자료] 시연용으로 꾸며낸 후속 면담입니다. 실제 인물과 관계가 "
            "없습니다. 요즘은 어떻게 지내세요?",
            "[Fictional testimony · demo data] An invented follow-up interview for demonstration, "
            "unrelated to any real person. How are you these days?",
        ),
    ],
    "family:yes": [
        _pair(
            "어머니 {mother:은} 아직 {home}에 계세요. 브로커를 통해 {phone_nk} 번호로 가끔 "
            "통화해요.",
            "My mother, {mother}, is still in {home}. Through a broker I sometimes call her on "
            "the number {phone_nk}.",
        ),
        _pair(
            "북에 있는 동생 {brother}에게 돈을 보내요. 중국 쪽 연락은 위챗 {wechat:으로} 해요.",
            "I send money to my younger brother, {brother}, in the North. On the Chinese side we "
            "keep in touch through WeChat, {wechat}.",
        ),
        _pair(
            "가족들이 아직 {home}에 있어서 제 이름이 나가면 안 돼요. 꼭 지켜 주세요.",
            "My family is still in {home}, so my name must not get out. Please make sure of that.",
        ),
        _pair(
            "언니 {sister:과} 마지막으로 통화한 게 {contact_year}년이에요.",
            "The last time I spoke with my sister, {sister}, was in {contact_year}.",
        ),
    ],
    "family:no": [
        _pair(
            "북에는 이제 남은 가족이 없어요. 다 돌아가셨거나 데려왔어요.",
            "I have no family left in the North now. They have all died or I brought them out.",
        ),
        _pair(
            "동생 {brother:은} {contact_year}년에 한국으로 데려왔어요.",
            "I brought my younger brother, {brother}, to South Korea in {contact_year}.",
        ),
    ],
    "family:unknown": [
        _pair(
            "북에 있는 식구들 소식은 모릅니다. 살아 있는지도 몰라요.",
            "I know nothing of my family in the North. I do not even know if they are alive.",
        ),
        _pair(
            "식구들 얘기는 하고 싶지 않아요.",
            "I would rather not talk about my family.",
        ),
    ],
    "contact": [
        _pair(
            "제 연락처는 {phone_kr}, 카카오톡 아이디는 {kakao:이에요}.",
            "My phone number is {phone_kr}, and my KakaoTalk ID is {kakao}.",
        ),
        _pair(
            "혹시 연락이 필요하면 {email:으로} 메일 주세요.",
            "If you need to reach me, e-mail me at {email}.",
        ),
        _pair(
            "중국에 있을 때 쓰던 큐큐 번호 {qq:은} 이제 안 써요. 지금은 {phone_kr:으로} "
            "연락하세요.",
            "I no longer use the QQ number {qq} from my time in China. Now call me on {phone_kr}.",
        ),
    ],
    "follow_up": [
        _pair(
            "지난번에 다 못 한 이야기를 오늘 하려고 해요.",
            "Today I want to tell what I could not finish last time.",
        ),
        _pair(
            "그사이 {hana_friend:이} 많이 도와줬어요. 요즘은 같이 {employer}에서 일해요.",
            "Meanwhile {hana_friend} has helped me a lot. These days we work together at "
            "{employer}.",
        ),
        _pair(
            "요즘은 {church}에 다니면서 마음을 많이 추슬렀어요.",
            "These days I go to {church}, and I have pulled myself together a lot.",
        ),
    ],
    "closing": [
        _pair(
            "제 이야기가 다른 여성들에게 도움이 됐으면 좋겠어요.",
            "I hope my story helps other women.",
        ),
        _pair(
            "중국에는 아직 숨어 사는 여자들이 많아요. 그 사람들을 잊지 말아 주세요.",
            "Many women are still living in hiding in China. Please do not forget them.",
        ),
        _pair(
            "이렇게 말하고 나니 마음이 조금 가벼워요.",
            "Having said all this, my heart feels a little lighter.",
        ),
    ],
    "question:life_nk": [
        _pair(
            "고향에서는 어떻게 지내셨어요?",
            "How did you live in your home town?",
        ),
        _pair(
            "어린 시절 이야기부터 들려주시겠어요?",
            "Could you start by telling me about your childhood?",
        ),
    ],
    "question:leaving": [
        _pair(
            "어떻게 국경을 넘게 되셨어요?",
            "How did you come to cross the border?",
        ),
        _pair(
            "떠나기로 결심한 이유가 뭐였나요?",
            "What made you decide to leave?",
        ),
    ],
    "question:china": [
        _pair(
            "중국에서는 어떻게 지내셨어요?",
            "How did you live in China?",
        ),
        _pair(
            "중국에서 일은 어떻게 구하셨어요?",
            "How did you find work in China?",
        ),
    ],
    "question:caught": [
        _pair(
            "잡혔을 때 이야기를 해 주실 수 있을까요? 힘드시면 건너뛰셔도 됩니다.",
            "Could you tell me about when you were caught? If it is too hard, we can skip it.",
        ),
    ],
    "question:detention": [
        _pair(
            "북송된 뒤에는 어디로 가셨어요?",
            "Where were you taken after you were sent back?",
        ),
    ],
    "question:transit": [
        _pair(
            "한국까지는 어떤 길로 오셨어요?",
            "Which route did you take to South Korea?",
        ),
    ],
    "question:south_korea": [
        _pair(
            "한국에 와서 가장 힘든 게 뭐였어요?",
            "What was hardest after you came to South Korea?",
        ),
        _pair(
            "지금은 어떻게 지내세요?",
            "How are you doing now?",
        ),
    ],
    "question:family": [
        _pair(
            "북에 있는 가족과는 연락이 되세요?",
            "Are you in touch with your family in the North?",
        ),
    ],
}

DIALECT: dict[str, list[Pair]] = {
    "family:yes": [
        _pair(
            "오마니 {mother:이} 아직 {home}에 있슴다. 전화는 브로커 끼고 {phone_nk:으로} 함다.",
            "My mother, {mother}, is still in {home}. I call her on {phone_nk} through a broker.",
        ),
    ],
    "closing": [
        _pair(
            "내 이야기는 여기까지임다. 고맙슴다.",
            "That is my story. Thank you.",
        ),
    ],
}
