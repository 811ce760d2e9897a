"""English pronunciations spelled in Hangul by the loanword orthography (외래어 표기법).

`hangul_spellings` takes an ARPAbet pronunciation (CMUdict's phone set;
stress digits are ignored) and applies, forward, the rules of 외래어 표기법
제3장 제1절 (영어의 표기):

    1항  voiceless p t k: 받침 ㅂ ㅅ ㄱ after a short vowel at the end of a word
         or before a consonant other than l r m n (book 북, apt 앱트, setback
         셋백); otherwise with 으 (part 파트, desk 데스크)
    2항  voiced b d g at the end or before a consonant: with 으 (bulb 벌브, land 랜드)
    3항  s z f v θ ð at the end or before a consonant: 스 즈 프 브 스 드; ʃ: 시 at
         the end, 슈 before a consonant, 샤 섀 셔 셰 쇼 슈 시 before vowels; ʒ: 지, ㅈ
    4항  ts dz: 츠 즈; tʃ dʒ: 치 지 at the end or before a consonant, ㅊ ㅈ before vowels
    5항  m n ŋ at the end or before a consonant: 받침; ŋ between vowels: 싱잉
    6항  l: 받침 ㄹ at the end or before a consonant; ㄹㄹ before a vowel or before a
         nasal that no vowel follows (슬라이드, 필름), but a single ㄹ after a nasal (햄릿)
    7항  long vowels are not marked
    8항  ai au ei ɔi ou auə: 아이 아우 에이 오이 오 아워
    9항  w and j: 워 와 왜 웨 위 우 / 야 얘 여 예 요 유 이; a consonant before w makes
         its own syllable except k g h (스윙, 쿼터); d l n before jə: 디어 리어 니어
    10항 compounds: each part spelled as a word (`compound_spellings`: 헤드라이트)

American dictionaries differ from the British pronunciation the rules assume,
so newspaper practice is followed where a strict reading of an American
transcription would go astray: r after a vowel is not written (card 카드)
except as 어 after e i u (hair 헤어, beer 비어, tour 투어) and at the end after
ɔ (door 도어); an unstressed vowel is ㅓ; AA spelled with "o" is the British
short o, written ㅗ (shopping 쇼핑, robot 로봇); u after n t d s is ju (news
뉴스, super 슈퍼); Mc is 매 (McCain 매케인); a name's unstressed vowels may
follow its letters (Chicago 시카고, America 아메리카) and its final -a is 아.
Where practice varies, the variants come after the standard spelling.

`letter_phones` reads a name CMUdict lacks by its letters, the way Korean
papers transcribe most non-English names (Sarkozy 사르코지, Zelensky 젤렌스키);
such readings are spelled with `rhotic=True` (every r written).
"""

from __future__ import annotations

import itertools
import re

from .hangul import FINALS, HANGUL_FIRST, MEDIALS, Final, Initial, Medial

__all__ = ["compose", "compound_spellings", "hangul_spellings", "letter_phones"]

M = Medial
VOWELS: dict[str, tuple[int, ...]] = {
    "AA": (M.A,), "AE": (M.AE,), "AH": (M.EO,), "AO": (M.O,), "AW": (M.A, M.U),
    "AY": (M.A, M.I), "EH": (M.E,), "ER": (M.EO,), "EY": (M.E, M.I), "IH": (M.I,),
    "IY": (M.I,), "OW": (M.O,), "OY": (M.O, M.I), "UH": (M.U,), "UW": (M.U,),
}  # fmt: skip
# What a vowel becomes after w (9항: 워 와 왜 웨 위 우) and after j or ʃ (야 얘 여 예 요 유 이).
W_GLIDE = {M.A: M.WA, M.AE: M.WAE, M.EO: M.WO, M.O: M.WO, M.E: M.WE, M.I: M.WI, M.U: M.U}
Y_GLIDE = {M.A: M.YA, M.AE: M.YAE, M.EO: M.YEO, M.E: M.YE, M.O: M.YO, M.U: M.YU, M.I: M.I}
LETTER_VOWELS = {"a": M.A, "e": M.E, "i": M.I, "o": M.O, "u": M.U, "y": M.I}

I = Initial  # noqa: E741 (jamo names)
ONSETS = {
    "P": I.P, "B": I.B, "T": I.T, "D": I.D, "K": I.K, "G": I.G, "F": I.P, "V": I.B,
    "TH": I.S, "DH": I.D, "S": I.S, "Z": I.J, "SH": I.S, "ZH": I.J, "CH": I.CH,
    "JH": I.J, "M": I.M, "N": I.N, "L": I.R, "R": I.R, "HH": I.H, "NG": I.NG,
}  # fmt: skip
CODAS = {"P": Final.B, "T": Final.S, "K": Final.G, "M": Final.M, "N": Final.N, "NG": Final.NG}
SHORT_VOWELS = {"AE", "EH", "IH", "UH", "AH"}  # AA counts only where spelled o (see _short)
NASALS = {"M", "N", "NG"}
LIQUIDS_NASALS = {"L", "R", "M", "N"}
BEFORE_GLIDE_JOINED = {"K", "G", "HH"}  # 9항: kw gw hw make one syllable (쿼터, 펭귄)
R_AS_EO_AFTER = {"EH", "IH", "IY", "UH", "UW"}  # hair 헤어, beer 비어, tour 투어
MAX_VARIANTS = 6


def compose(initial: int, medial: int, final: int = 0) -> str:
    """The Hangul syllable of three jamo indexes (the inverse of `hangul.jamo`)."""
    return chr(HANGUL_FIRST + (initial * MEDIALS + medial) * FINALS + final)


def hangul_spellings(
    phones: list[str], spelling: str | None = None, *, rhotic: bool = False
) -> list[str]:
    """Hangul spellings of an ARPAbet pronunciation: the standard one first, then variants.

    `spelling` (the English word, capitalised for a name) settles what the
    phones alone cannot: o-spelled AA (쇼핑), ju after n t d s (뉴스), Mc (매케인),
    -le and -den (애플, 바이든), and a name's vowels read from its letters.
    `rhotic` writes every r after a vowel (사르코지), for letter readings.
    """
    phones = [phone.rstrip("012") for phone in phones]
    for at in range(len(phones) - 2, -1, -1):
        if phones[at] == "ER" and phones[at + 1] in VOWELS:
            phones[at : at + 1] = ["AH", "R"]  # r before a vowel is ㄹ: battery 배터리
    if (
        phones[-2:-1] != ["D"]
        and phones[-1:] == ["Z"]
        and re.search(r"[^sz]s$", (spelling or "").lower())
    ):
        phones[-1] = "S"  # a final -s is 스 even where voiced: news 뉴스, Jones 존스
    if not phones or any(p not in VOWELS and p not in ONSETS and p not in "WY" for p in phones):
        return []
    options = _vowel_options(phones, spelling)
    spellings: list[str] = []
    for choice in _choices(options):
        word = _spell(phones, choice, rhotic)
        if word and word not in spellings:
            spellings.append(word)
    return spellings[:MAX_VARIANTS]


def compound_spellings(parts: list[tuple[list[str], str | None]]) -> list[str]:
    """10항: a compound spelled part by part (headlight = head + light -> 헤드라이트)."""
    spelled = [hangul_spellings(phones, spelling)[:2] for phones, spelling in parts]
    if not all(spelled):
        return []
    return ["".join(combo) for combo in itertools.product(*spelled)][:MAX_VARIANTS]


# -- vowels: what each vowel phone may become -------------------------------------------


def _vowel_groups(spelling: str) -> list[str] | None:
    """The spelling's vowel letter groups (software -> o, a), or None without a spelling."""
    if not spelling:
        return None
    word = re.sub(r"[^a-z]", "", spelling.lower())
    return re.findall(r"[aeiou]+[wy]?|(?<=[^aeiou])y", word)


def _aligned_letters(phones: list[str], spelling: str | None) -> list[str | None]:
    """For each vowel phone, its letters in the spelling when the counts agree."""
    vowel_count = sum(1 for p in phones if p in VOWELS)
    groups = _vowel_groups(spelling or "") or []
    if len(groups) != vowel_count and groups and groups[-1] == "e":
        groups = groups[:-1]  # a silent final e: software, house
    if len(groups) != vowel_count:
        aligned: list[str | None] = [None] * vowel_count
        word = (spelling or "").lower()
        if vowel_count and phones[-1] in VOWELS and word[-1:] in LETTER_VOWELS:
            aligned[-1] = word[-1]  # the final vowel at least: Nvidia 엔비디아
        return aligned
    return groups


def _vowel_options(phones: list[str], spelling: str | None) -> dict[int, list[tuple[int, ...]]]:
    """For each vowel phone's position: its Korean vowels, standard first."""
    letters = iter(_aligned_letters(phones, spelling))
    lower = (spelling or "").lower()
    is_name = bool(spelling) and spelling[:1].isupper()
    vowel_positions = [i for i, p in enumerate(phones) if p in VOWELS]
    options = {}
    for position in vowel_positions:
        letter = next(letters)
        context = _VowelContext(phones, position, letter, lower, is_name, vowel_positions)
        found = context.options()
        options[position] = list(dict.fromkeys(found))
    return options


class _VowelContext:
    """One vowel phone with what surrounds it, for choosing its Korean vowel."""

    def __init__(self, phones, position, letter, lower, is_name, vowel_positions):
        self.phone = phones[position]
        self.before = phones[position - 1] if position else None
        self.after = phones[position + 1 :]
        self.letter, self.lower, self.is_name = letter, lower, is_name
        self.first = position == vowel_positions[0]
        self.last = position == vowel_positions[-1]
        self.position = position

    def options(self) -> list[tuple[int, ...]]:
        base = VOWELS[self.phone]
        letter_vowel = LETTER_VOWELS.get(self.letter or "")
        found = self._special() or [base]
        if self.phone in ("AH", "ER", "IH", "AA") and letter_vowel is not None:
            found.append((letter_vowel,))  # a name read from its letters: 토론토, 모델
        return found

    def _special(self) -> list[tuple[int, ...]] | None:
        phone, letter = self.phone, self.letter or ""
        if phone == "AA" and "o" in letter and "a" not in letter:
            return [(M.O,), (M.A,)]  # British short o: shopping 쇼핑, top 톱
        if phone == "UW" and self.before in ("N", "T", "D", "S") and _ju_letters(letter):
            return [(M.YU,), (M.U,)]  # news 뉴스, student 스튜던트, super 슈퍼
        return self._schwa() if phone == "AH" else None

    def _schwa(self) -> list[tuple[int, ...]] | None:
        """The unstressed vowel, whose Korean the spelling decides in a few settings."""
        letter, lower = self.letter or "", self.lower
        if self.position == 1 and re.match(r"ma?c", lower) and self.before == "M":
            return [(M.AE,)]  # McCain 매케인
        if self.after == ["L"] and re.search(r"[^aeiou]les?$", lower):
            return [(M.EU,), (M.EO,)]  # apple 애플, google 구글
        if self.after == ["N"] and self.before in ("D", "T") and re.search(r"(en|ain)$", lower):
            return [(M.EU,), (M.EO,)]  # Biden 바이든, Britain 브리튼
        if self.after == ["N", "D"] and lower.endswith("land"):
            return [(M.AE,), (M.A,), (M.EO,)]  # New Zealand 뉴질랜드, Finland 핀란드
        if letter == "a" and self.is_name and (self.first or lower.endswith("a")):
            return [(M.A,), (M.EO,)]  # America 아메리카, Obama 오바마
        if letter == "a" and self.last and lower.endswith("a"):
            return [(M.EO,), (M.A,)]  # data 데이터 (but 드라마)
        if letter in ("i", "y") and self.is_name:
            return [(M.I,), (M.EO,)]  # Chicago 시카고
        return None


def _ju_letters(letter: str) -> bool:
    """Letters read /ju/ after n t d s in British English: u, ew, eu, ue (not oo, ou)."""
    return letter in ("u", "ew", "eu", "ue", "ui")


def _choices(options: dict[int, list[tuple[int, ...]]]):
    """Choices of vowel per position: all standard, each single change, all changed."""
    standard = {position: found[0] for position, found in options.items()}
    yield standard
    for position, found in options.items():
        for other in found[1:]:
            yield {**standard, position: other}
    yield {position: found[-1] for position, found in options.items()}


# -- consonants: the syllables themselves ------------------------------------------------


class _Syllables:
    """Syllables under construction, each [initial, medial, final]."""

    def __init__(self):
        self.items: list[list[int]] = []

    def add(self, initial: int, medial: int, final: int = 0) -> None:
        self.items.append([initial, medial, final])

    def open_end(self) -> bool:
        """True when the last syllable has room for a 받침."""
        return bool(self.items) and self.items[-1][2] == 0

    def close(self, final: int) -> None:
        """Put a 받침 on the last syllable, or on a new 으 syllable when it has one."""
        if self.open_end():
            self.items[-1][2] = final
        else:
            self.add(I.NG, M.EU, final)

    def text(self) -> str:
        return "".join(compose(*syllable) for syllable in self.items)


def _spell(phones: list[str], choice: dict[int, tuple[int, ...]], rhotic: bool) -> str:
    out = _Syllables()
    onset, glide, skip = None, None, False
    for i, phone in enumerate(phones):
        if skip:
            skip = False
            continue
        before = phones[i - 1] if i else None
        after = phones[i + 1 :]
        if phone in VOWELS:
            glide = _vowel(out, choice[i], onset, glide, after)
            onset = None
        elif phone in ("W", "Y"):
            if after and after[0] in VOWELS:
                glide = phone
            else:
                out.add(I.NG, M.I if phone == "Y" else M.U)
        elif _before_vowel(after):
            onset, glide, skip = _onset(out, phone, before, after)
        else:
            skip = _coda(out, phone, before, after, choice, i, rhotic)
    return out.text()


def _before_vowel(after: list[str]) -> bool:
    """True when a vowel follows, directly or after a glide."""
    if after and after[0] in VOWELS:
        return True
    return len(after) > 1 and after[0] in ("W", "Y") and after[1] in VOWELS


def _vowel(out: _Syllables, medials: tuple[int, ...], onset, glide, after) -> str | None:
    """Write one vowel phone; returns a glide the next vowel takes (auə -> 아워)."""
    initial = I.NG if onset is None else onset
    first = medials[0]
    if glide == "W":
        first = W_GLIDE.get(first, first)
    elif glide == "Y" and initial not in (I.J, I.CH):  # no 쥬/츄 in loanwords: 주스
        first = Y_GLIDE.get(first, first)
    out.add(initial, first)
    rest = medials[1:]
    if rest == (M.U,) and after and after[0] in ("ER", "AH"):
        return "W"  # 8항: power 파워, tower 타워
    for medial in rest:
        out.add(I.NG, medial)
    return None


def _onset(out: _Syllables, phone: str, before, after) -> tuple[int | None, str | None, bool]:
    """A consonant before a vowel: the next syllable's initial, the glide it brings,
    and whether it used up the glide after it."""
    glide = "Y" if phone == "SH" else None
    if after[0] == "W" and phone not in BEFORE_GLIDE_JOINED:
        out.add(ONSETS[phone], M.EU)  # 9항: swing 스윙, twist 트위스트
        return None, None, False
    if after[0] == "Y" and phone in ("D", "L", "N") and after[1] in ("AH", "ER"):
        _liquid_doubling(out, phone, before)
        out.add(ONSETS[phone], M.I)  # 9항: Indian 인디언, million 밀리언
        return None, None, True
    if phone == "L":
        _liquid_doubling(out, phone, before)
    if phone == "NG":
        out.close(Final.NG)  # 5항: singing 싱잉
    return ONSETS[phone], glide, False


def _liquid_doubling(out: _Syllables, phone: str, before) -> None:
    """6항: an l before a vowel is ㄹㄹ (slide 슬라이드), but ㄹ after a nasal (햄릿)."""
    if phone == "L" and before is not None and before not in NASALS and out.open_end():
        out.items[-1][2] = Final.L


def _coda(out: _Syllables, phone, before, after, choice, i, rhotic) -> bool:
    """A consonant no vowel follows; returns True when it also took the next phone."""
    nxt = after[0] if after else None
    if (phone, nxt) in (("T", "S"), ("D", "Z")) and not _before_vowel(after[1:]):
        out.add(I.CH if phone == "T" else I.J, M.EU)  # 4항: Keats 키츠, odds 오즈
        return True
    if phone in ("P", "T", "K"):
        if _short(before, choice, i - 1) and nxt not in LIQUIDS_NASALS and out.open_end():
            out.close(CODAS[phone])  # 1항: book 북, apt 앱트
        else:
            out.add(ONSETS[phone], M.EU)
    elif phone in NASALS:
        out.close(CODAS[phone])
    elif phone == "L":
        out.close(Final.L)
        if nxt in ("M", "N") and not _before_vowel(after[1:]):
            out.add(I.R, M.EU)  # 6항: film 필름, helm 헬름
    elif phone == "R":
        _postvocalic_r(out, before, after, rhotic)
    elif phone == "SH":
        out.add(I.S, M.YU if nxt else M.I)  # 3항: shrub 슈러브, flash 플래시
    elif phone in ("ZH", "CH", "JH"):
        out.add(ONSETS[phone], M.I)  # 3-4항: mirage 미라지, switch 스위치
    else:
        out.add(ONSETS[phone], M.EU)
    return False


def _short(before, choice, position) -> bool:
    """1항's short vowel: AE EH IH UH AH, and AA where it is the British short o (ㅗ)."""
    if before in SHORT_VOWELS:
        return True
    return before == "AA" and choice.get(position) == (M.O,)


def _postvocalic_r(out: _Syllables, before, after, rhotic: bool) -> None:
    """r no vowel follows: dropped (card 카드), 어 after e i u (hair 헤어) and at the end after ɔ."""
    if rhotic:
        out.add(I.R, M.EU)  # a letter reading: Sarkozy 사르코지
    elif before in R_AS_EO_AFTER or (before == "AO" and not after):
        out.add(I.NG, M.EO)


# -- names CMUdict lacks, read by their letters --------------------------------------------

LETTER_RULES = [
    ("tsch", ["CH"]), ("sch", ["SH"]), ("dzh", ["JH"]), ("ough", ["OW"]),
    ("sh", ["SH"]), ("ch", ["CH"]), ("zh", ["ZH"]), ("kh", ["HH"]), ("ph", ["F"]),
    ("th", ["T"]), ("ts", ["T", "S"]), ("tz", ["T", "S"]), ("ck", ["K"]), ("qu", ["K", "W"]),
    ("gh", ["G"]), ("sz", ["SH"]), ("cz", ["CH"]), ("rz", ["ZH"]), ("dj", ["JH"]),
    ("ai", ["AY"]), ("ay", ["AY"]), ("au", ["AW"]), ("ei", ["EY"]), ("ey", ["EY"]),
    ("oi", ["OY"]), ("oy", ["OY"]), ("ou", ["UW"]), ("ee", ["IY"]), ("oo", ["UW"]),
    ("x", ["K", "S"]), ("j", ["JH"]), ("c", ["K"]), ("w", ["V"]), ("q", ["K"]),
    ("a", ["AA"]), ("e", ["EH"]), ("i", ["IY"]), ("o", ["OW"]), ("u", ["UW"]),
    ("b", ["B"]), ("d", ["D"]), ("f", ["F"]), ("g", ["G"]), ("h", ["HH"]), ("k", ["K"]),
    ("l", ["L"]), ("m", ["M"]), ("n", ["N"]), ("p", ["P"]), ("r", ["R"]), ("s", ["S"]),
    ("t", ["T"]), ("v", ["V"]), ("z", ["Z"]),
]  # fmt: skip


def letter_phones(word: str) -> list[str]:
    """A rough reading of a non-English name by its letters (Sarkozy -> S AA R K OW Z IY).

    Korean papers spell most non-English names close to their letters; this
    gives phones for `hangul_spellings(..., rhotic=True)`. Doubled letters
    count once; c before e i y is s; y is a vowel except before one; h with
    no vowel after it is silent.
    """
    text = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", word.lower())
    text = re.sub(r"c(?=[eiy])", "s", text)
    phones: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "y":
            vowel_next = position + 1 < len(text) and text[position + 1] in "aeiou"
            phones.append("Y" if vowel_next else "IY")
            position += 1
            continue
        for letters, sounds in LETTER_RULES:
            if text.startswith(letters, position):
                phones.extend(sounds)
                position += len(letters)
                break
        else:
            position += 1  # not a letter the table knows: dropped
    return [p for k, p in enumerate(phones) if p != "HH" or _vowel_at(phones, k + 1)]


def _vowel_at(phones: list[str], position: int) -> bool:
    return position < len(phones) and phones[position] in VOWELS
