"""Loanword candidates: Hangul words whose spelling says they were transliterated.

Each syllable gets a weight from the loanword spelling rules the package
docstring lists (`syllable_weight`); a word scores the sum (`loanword_score`).
"""

from __future__ import annotations

from collections import Counter

from ..korean import is_hangul_syllable, split_particles
from ..korean.hangul import Final, Initial, Medial, is_hangul_word, jamo
from ..korean.orthography import LOANWORD_FINALS
from ..korean.romanize import revised_romanization
from ..terms import TermType
from .article import Article
from .english import is_known_origin, place_name, spelled_as_one, suggest_english
from .results import LOANWORD, PLACE, Candidate
from .words import COMMON_WORDS, COUNTRY_ENGLISH

# ---- syllable weights

# Tense initials the orthography never writes; ㅆ only counts against a word.
_TENSE_INITIALS = (Initial.KK, Initial.TT, Initial.PP, Initial.JJ)
# Consonant + vowel spellings Sino-Korean does not use: 디 티 퍼 퓨 튜 쇼 슈 샤 쉐 뉴.
_FOREIGN_ONSETS = frozenset(
    {
        (Initial.D, Medial.I),
        (Initial.T, Medial.I),
        (Initial.P, Medial.EO),
        (Initial.P, Medial.YU),
        (Initial.T, Medial.YU),
        (Initial.S, Medial.YO),
        (Initial.S, Medial.YU),
        (Initial.S, Medial.YA),
        (Initial.S, Medial.WE),
        (Initial.N, Medial.YU),
    }
)
# 스 크 트 프 드 브 즈 츠: an English consonant with no vowel after it.
_BARE_CONSONANT_INITIALS = (
    Initial.S, Initial.K, Initial.T, Initial.P, Initial.D, Initial.B, Initial.J, Initial.CH
)  # fmt: skip
# 메 베 데 테 페 레: ㅔ after these is rare in Sino-Korean (unlike 세, 제, 체).
_E_VOWEL_INITIALS = (Initial.M, Initial.B, Initial.D, Initial.T, Initial.P, Initial.R)
# Native words with a final ㅅ, which otherwise leans towards a loanword (챗, 봇).
_NATIVE_WITH_FINAL_S = frozenset({"것", "엇", "옷", "맛", "멋", "잇", "웃", "첫"})


def syllable_weight(syllable: str) -> float | None:
    """How strongly one syllable points to a loanword; None rules the word out."""
    initial, medial, final = jamo(syllable)
    if final not in LOANWORD_FINALS or initial in _TENSE_INITIALS:
        return None
    if initial == Initial.SS:
        return -0.5
    if medial == Medial.EU:
        return _filler_vowel_weight(initial, final)
    if initial == Initial.K:
        return 0.0 if medial == Medial.WAE else 0.7  # 쾌 is Sino-Korean; other ㅋ hardly is
    if medial == Medial.E:
        return _e_vowel_weight(syllable, initial, final)
    return _foreign_spelling_weight(syllable, initial, medial, final)


def _filler_vowel_weight(initial: int, final: int) -> float:
    """A syllable with ㅡ, the vowel Korean adds to an English consonant (스, 크, 트, 프)."""
    if final == Final.NONE:
        if initial in _BARE_CONSONANT_INITIALS:
            return 1.0
        return {Initial.H: 0.6, Initial.G: 0.4, Initial.R: 0.4}.get(initial, 0.0)
    if initial in (Initial.K, Initial.T, Initial.P):
        return 0.6
    return 0.4 if initial == Initial.S and final in (Final.N, Final.L) else 0.0


def _e_vowel_weight(syllable: str, initial: int, final: int) -> float:
    """A syllable with ㅔ, which Sino-Korean never closes with a consonant."""
    if final != Final.NONE:
        return 0.0 if syllable in ("넷", "셋") else 0.9  # native numerals
    return 0.5 if initial in _E_VOWEL_INITIALS else 0.0


def _foreign_spelling_weight(syllable: str, initial: int, medial: int, final: int) -> float:
    """Spellings that are rare outside loanwords: 디, 퓨, 핑, 폰, 워, 챗."""
    onset = (initial, medial)
    if onset in _FOREIGN_ONSETS:
        return 0.8
    if onset == (Initial.P, Medial.I) and final in (Final.NG, Final.G):
        return 0.8
    if onset == (Initial.P, Medial.O) and final in (Final.N, Final.NG):
        return 0.6
    if medial in (Medial.WO, Medial.WE):
        return 0.4
    if final == Final.S and syllable not in _NATIVE_WITH_FINAL_S:
        return 0.3
    return 0.0


def loanword_score(word: str) -> float:
    """Sum of the loanword weights of a word's syllables; 0 when a syllable rules it out."""
    total = 0.0
    for syllable in word:
        if not is_hangul_syllable(syllable):
            continue
        weight = syllable_weight(syllable)
        if weight is None:
            return 0.0
        total += weight
    return total


# ---- the detector

# A word scoring this much is a candidate; one seen twice needs only the lower
# score (올트먼 has only 트, which alone is weak evidence).
_CANDIDATE_SCORE = 1.2
_REPEATED_CANDIDATE_SCORE = 1.0
# Verb and adverb endings (했다, 크게): a word ending so needs a high score.
_VERB_ENDINGS = ("다", "요", "며", "고", "면", "게", "서", "하")  # 하: 베팅하(는)
_VERB_FORM_SCORE = 2
_PROPER_NOUN_SCORE = 0.5  # a proper noun with any loanword spelling (이라크, 뉴질랜드)


def find_loanwords(article: Article, taken: set[str]) -> list[str]:
    """Stems that look transliterated and are neither common, known nor `taken`, in text order."""
    seen, proper = _hangul_stems(article)
    return [
        stem
        for stem, times in seen.items()
        if _is_candidate(stem, times, taken, stem in proper) and not article.is_known(stem)
    ]


def loanword_candidate(ko: str, count: int) -> Candidate:
    """A loanword or foreign place with the English it came from (extraction.english)."""
    english = suggest_english(ko)
    reason, kind = (PLACE, TermType.PLACE) if english.is_place else (LOANWORD, None)
    return Candidate(
        ko, count, english.english, english.guess, reason, kind,
        source=english.source, confidence=english.confidence,
    )  # fmt: skip


def _hangul_stems(article: Article) -> tuple[Counter[str], set[str]]:
    """How often each stem of a Hangul word outside glossary terms is seen, in text order,
    and the stems the analyser read as proper nouns."""
    stems: Counter[str] = Counter()
    proper: set[str] = set()
    for token in article.tokens:
        # Hangul glued to Latin or digits (AI모델, 3분기) is one token, never a candidate.
        if not token.is_hangul or article.in_known_term(token):
            continue
        reading = article.reading(token)
        if reading is None:
            if any(stem in COMMON_WORDS for stem, _ in split_particles(token.text)):
                continue  # 스스로 is a word, not 스스 + 로
            stems[stem_without_analyser(article, token.text)] += 1
        elif reading.stem and not reading.predicate and is_hangul_word(reading.stem):
            stems[reading.stem] += 1
            if reading.proper:
                proper.add(reading.stem)
    return stems, proper


def stem_without_analyser(article: Article, word: str) -> str:
    """The word's stem by the particle grammar and the text's evidence, unless a longer
    reading is spelled exactly as the origin index has it (바르셀로나, not 바르셀 + 로나)."""
    chosen = article.stems.stem(word)[0]
    longer = [stem for stem, _ in split_particles(word) if len(stem) > len(chosen)]
    spelled = [stem for stem in longer if spelled_as_one(stem)]
    return max(spelled, key=len) if spelled else chosen


def _is_candidate(stem: str, times_seen: int, taken: set[str], proper: bool = False) -> bool:
    """Whether a stem scores as a loanword and is not a common word or a verb form; a proper
    noun (by the analyser) needs less (이라크: only 크)."""
    if len(stem) < 2 or stem in COMMON_WORDS or stem in taken:
        return False
    if _is_foreign_place_or_name(stem):
        return True
    score = loanword_score(stem)
    enough = _REPEATED_CANDIDATE_SCORE if times_seen >= 2 or proper else _CANDIDATE_SCORE
    if proper and score > 0:  # (a Korean name scores 0: names.is_korean_name)
        enough = min(enough, _PROPER_NOUN_SCORE)
    if score < enough:
        return False
    return not (stem.endswith(_VERB_ENDINGS) and score < _VERB_FORM_SCORE)


def _is_foreign_place_or_name(stem: str) -> bool:
    """A foreign place or a name in the news, spelled exactly as the origin index has it,
    even where the spelling rules see nothing (토론토, 인도네시아); not a Korean place,
    whose English is its romanization (서울: Seoul), nor a country Korean writes in
    Sino-Korean (중국)."""
    if stem in COUNTRY_ENGLISH or not is_known_origin(stem):
        return False
    english = suggest_english(stem).english
    return _letters(english) != _letters(revised_romanization(stem))


def _letters(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalpha())


# ---- neighbours that make one term


def merge_neighbours(article: Article, stems: list[str]) -> list[str]:
    """`stems` with two candidates side by side made one: a loanword written spaced
    (소프트 웨어 -> 소프트웨어, as the origin index spells it) or a name of two words the
    analyser reads as proper nouns (르브론 제임스); the parts are dropped (issue 14)."""
    found = set(stems)
    joined: dict[str, str] = {}  # first part -> the term it starts
    parts: set[str] = set()
    tokens = article.tokens
    for left, right in zip(tokens, tokens[1:], strict=False):
        if left.text not in found or not right.is_hangul or not article.spaced(left, right):
            continue
        right_stem = _stem(article, right)
        if left.text in joined:
            continue
        term = _one_term(article, left, right, right_stem, right_stem in found)
        if term:
            joined[left.text] = term
            parts |= {left.text, right_stem}
    merged = [joined.get(stem, stem) for stem in stems if stem in joined or stem not in parts]
    return list(dict.fromkeys(merged))


def _stem(article: Article, token) -> str:
    reading = article.reading(token)
    return reading.stem if reading is not None else stem_without_analyser(article, token.text)


def _one_term(article: Article, left, right, right_stem: str, both_found: bool) -> str | None:
    """The term two neighbours make: the solid spelling when the origin index has it,
    else two proper nouns, neither a place (not 텍사스 오스틴), as one name."""
    solid = left.text + right_stem
    if is_hangul_word(solid) and spelled_as_one(solid):
        return solid
    readings = article.reading(left), article.reading(right)
    if not both_found or not all(reading is not None and reading.proper for reading in readings):
        return None
    if any(word in COUNTRY_ENGLISH or place_name(word) for word in (left.text, right_stem)):
        return None
    return f"{left.text} {right_stem}"
