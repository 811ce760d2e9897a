"""Hangul in Latin letters: Revised Romanization, newspaper name spellings, loanword read-back.

Korean names follow newspaper convention: the family name as papers spell it
(Kim, Lee, Park, Choi), then the given name in Revised Romanization,
hyphenated and without sound changes (홍길동 -> Hong Gil-dong), which is what
the RR rules for personal names say. A loanword gets only a best guess read
back from its Hangul spelling (딥시크 -> Dipsik), which callers mark as a guess.
"""

from __future__ import annotations

from .hangul import Final, Initial, Medial, is_hangul_syllable, jamo

__all__ = ["SURNAMES", "guess_english", "revised_romanization", "romanize_korean_name"]


def _words(text: str) -> list[str]:
    """A word list written as one string, for the long tables below."""
    return text.split()


# Revised Romanization of each jamo, in jamo index order ("-" for silent).
RR_INITIALS = _words("g kk n d tt r m b pp s ss - j jj ch k t p h")
RR_VOWELS = _words("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
RR_FINALS = _words("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t")


def _rr_syllable(syllable: str) -> str:
    initial, medial, final = jamo(syllable)
    parts = (RR_INITIALS[initial], RR_VOWELS[medial], RR_FINALS[final])
    return "".join(part for part in parts if part != "-")


def revised_romanization(word: str, hyphenate: bool = False) -> str:
    """Revised Romanization syllable by syllable, without sound changes (길동 -> gildong).

    That is the RR rule for personal names; `hyphenate` gives gil-dong.
    Characters that are not Hangul syllables are kept as they are.
    """
    pieces = [_rr_syllable(ch) if is_hangul_syllable(ch) else ch for ch in word]
    return ("-" if hyphenate else "").join(pieces)


# Family names as Korean newspapers and the people themselves usually spell them.
SURNAMES = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang",
    "조": "Cho", "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh",
    "서": "Seo", "신": "Shin", "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song",
    "유": "Yoo", "홍": "Hong", "전": "Jeon", "고": "Go", "문": "Moon", "양": "Yang",
    "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo", "남": "Nam", "노": "Noh",
    "하": "Ha", "곽": "Kwak", "성": "Sung", "차": "Cha", "주": "Joo", "우": "Woo",
    "구": "Koo", "민": "Min", "류": "Ryu", "나": "Na", "진": "Jin", "지": "Ji",
    "엄": "Eom", "채": "Chae", "원": "Won", "천": "Chun", "방": "Bang", "공": "Kong",
    "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo",
    "도": "Do", "소": "So", "석": "Seok", "선": "Seon", "설": "Sul", "마": "Ma",
    "길": "Gil", "연": "Yeon", "위": "Wi", "표": "Pyo", "명": "Myung", "기": "Gi",
    "반": "Ban", "라": "Ra", "왕": "Wang", "금": "Geum", "옥": "Ok", "육": "Yook",
    "인": "In", "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak", "국": "Gook",
    "어": "Eo", "은": "Eun", "편": "Pyeon", "용": "Yong", "로": "Roh", "리": "Lee",
    "남궁": "Namgung", "선우": "Sunwoo", "제갈": "Jegal", "황보": "Hwangbo",
    "독고": "Dokgo", "사공": "Sagong", "서문": "Seomun",
}  # fmt: skip


def romanize_korean_name(name: str) -> str:
    """A Korean name the newspaper way: family name first, given name hyphenated.

    홍길동 -> Hong Gil-dong, 남궁민수 -> Namgung Min-su, 김구 -> Kim Gu.
    """
    name = "".join(name.split())
    surname = name[:2] if len(name) == 4 and name[:2] in SURNAMES else name[:1]
    family = SURNAMES.get(surname) or revised_romanization(surname).capitalize()
    given = revised_romanization(name[len(surname) :], hyphenate=True)
    return f"{family} {given.capitalize()}" if given else family


# A loanword guess reads the Hangul back toward the English it came from: the
# filler ㅡ after a consonant goes (스 -> s, 크 -> k), ㅓ is the English
# schwa/er, and a final ㅅ is a t (챗 -> chat).
# Consonants read as in Revised Romanization; only the vowels differ.
GUESS_VOWELS = _words("a a ya ya u e yo ye o wa wa oe yo u wo we wi yu e ui i")


def guess_english(word: str) -> str:
    """A best guess at the English behind a transliterated word (딥시크 -> Dipsik).

    Only a reading of the Hangul, never authoritative: callers mark it a guess.
    """
    words = [guess_word(part) for part in word.split()]
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


def guess_word(word: str) -> str:
    """The lower-case read-back of one word's Hangul syllables (other characters dropped)."""
    out = []
    syllables = [ch for ch in word if is_hangul_syllable(ch)]
    for position, syllable in enumerate(syllables):
        initial, medial, final = jamo(syllable)
        last = position == len(syllables) - 1
        previous_final = jamo(syllables[position - 1])[2] if position else 0
        onset = RR_INITIALS[initial]
        if initial == Initial.R:
            # ㄹㄹ is how Korean writes one l between vowels (테슬라 -> Tesla);
            # at the start of a word it writes both l and r as ㄹ.
            onset = "" if previous_final == Final.L else ("l" if position == 0 else "r")
        if initial == Initial.NG:
            onset = ""
        if medial == Medial.EU and initial != Initial.NG and final in (0, Final.L):
            onset = {Initial.CH: "ch", Initial.J: "z"}.get(initial, onset)  # 츠 -> ch, 즈 -> z
            # 스 -> s, 플 -> pl, but a word ends 글 -> gle (구글 -> Gugle)
            tail = "" if final == 0 else ("le" if last else "l")
            out.append(onset + tail)
            continue
        vowel = GUESS_VOWELS[medial]
        if initial in (Initial.S, Initial.J, Initial.CH) and vowel.startswith("y"):
            # 션 -> shon, 쥬 -> ju
            onset, vowel = ("sh" if initial == Initial.S else onset), vowel[1:]
        if medial == Medial.EO:
            vowel = "er" if final == 0 else "u"  # 퍼 -> per, 럼 -> rum
            if last and final == 0:
                vowel = "er"
        coda = RR_FINALS[final]
        out.append(onset + vowel + ("" if coda == "-" else coda))
    return "".join(out)
