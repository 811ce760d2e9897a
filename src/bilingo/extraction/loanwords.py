"""Loanword candidates: Hangul words whose spelling says they were transliterated.

Each syllable gets a weight from the loanword spelling rules
(korean.orthography.syllable_weight); a word scores the sum (`loanword_score`).
"""

from __future__ import annotations

from collections import Counter

from ..korean import split_particles
from ..korean.hangul import is_hangul_word
from ..korean.orthography import loanword_score
from ..korean.romanize import revised_romanization
from ..terms import TermType
from .article import Article
from .english import is_known_origin, is_region, place_name, spelled_as_one, suggest_english
from .results import LOANWORD, PLACE, Candidate
from .words import COMMON_WORDS, COUNTRY_ENGLISH

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
    joined, parts = _names_the_analyser_knows(article, found)  # first part -> the term
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


def _names_the_analyser_knows(article: Article, found: set[str]) -> tuple[dict[str, str], set]:
    """Candidates that begin a name of several words the analyser reads as one proper noun
    (무함마드 빈 살만): {first word: the whole name}, and the words inside it."""
    joined: dict[str, str] = {}
    parts: set[str] = set()
    for token in article.tokens:
        reading = article.reading(token)
        if reading is None or reading.name_end is None or token.text not in found:
            continue
        name = article.text[token.start : reading.name_end]
        if "\n" in name or token.text in joined:
            continue
        joined[token.text] = name
        parts.update(name.split())
    return joined, parts


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
    if is_region(left.text):
        return None  # 텍사스 오스틴: the state the city is in
    return f"{left.text} {right_stem}"
