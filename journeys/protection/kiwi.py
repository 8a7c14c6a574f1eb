"""One Kiwi morphological analyser per process, loaded on first use.

Loading takes about a second and some hundred megabytes; detection calls `analyser()` and
never builds its own. Hamgyong, Pyongan and Hwanghae dialect forms are enabled, so that
오마니, 아바이, -슴다 and -시요 are analysed rather than guessed.
"""

import re
import threading

_lock = threading.Lock()
_kiwi = None
loads = 0  # how many times this process built a Kiwi (tests check that it stays at one)


def dialects():
    from kiwipiepy import Dialect

    return Dialect.HAMGYEONG | Dialect.PYEONGAN | Dialect.HWANGHAE


def analyser():
    global _kiwi, loads
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi(num_workers=1, enabled_dialects=dialects())
                loads += 1
    return _kiwi


# Northern speech that standard analysis gets wrong. Allowing dialects doubles Kiwi's time,
# so only texts with one of these forms are analysed with them.
DIALECT_MARKS = re.compile(
    r"슴다|습네다|습니다래|시요|수다|웨다|디요|댔디|했디|갔디|있디|내래|기래|기랬|"
    r"오마니|어마이|아바이|아바지|에미나이|간나|동무|음다|씀다|함다|햄다|슴메|꾸마|"
    r"요렇게|고저|일없|있슴|없슴|했슴|갔슴|왔슴"
)


def tokenize(texts: list[str]) -> list:
    """The analyses of many texts, in order, in batches (faster than one call each)."""
    kiwi = analyser()
    northern = [bool(DIALECT_MARKS.search(text)) for text in texts]
    results: list = [None] * len(texts)
    for dialect in (False, True):
        indices = [i for i, flag in enumerate(northern) if flag is dialect]
        if not indices:
            continue
        options = {"allowed_dialects": dialects()} if dialect else {}
        batch = kiwi.tokenize([texts[i] for i in indices], **options)
        for i, tokens in zip(indices, batch, strict=True):
            results[i] = tokens
    return results
