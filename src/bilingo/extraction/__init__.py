"""Propose glossary entries from a Korean article (README "Proposing new entries").

Three kinds of proposal, none of them already in the glossary:

* **pairs** the writer spelled out as 한글(English): 딥시크(DeepSeek),
  리사 수(Lisa Su), 호주연합통신(Australian Associated Press). The bracket must
  hold a name (glosses: not a time, a figure, a byline or a sentence), and
  the Korean reaches back as far as the English names it (extent): words that
  sound like their English word, one word per letter of an acronym, a country
  only when the English names it, never a generic head (통신, 단체) alone.
* **candidates**: Hangul words that look transliterated. Korean writes foreign
  words under rules native words do not follow: the official loanword
  orthography allows only ㄱㄴㄹㅁㅂㅅㅇ as final consonants and no tense
  plosives, and English consonant clusters come out as syllables with the
  filler vowel ㅡ (스, 크, 트, 프: 트럼프, 스푸트니크); Sino-Korean, the bulk of
  news vocabulary, has no 디/티, no ㅔ with a final consonant and almost no
  ㅋ. A word scores by such syllables, or is spelled exactly as a foreign
  place or a name in the news is (토론토); common words are left out, and
  with kiwipiepy (morphology) verbs, adjectives and native nouns too.
* **names**: a Korean name (family name from the usual list, then a one- or
  two-syllable given name) or a foreign name before a title such as 대표,
  회장, 장관, 씨 or CEO, a country, a city or an organisation between.

Every proposal carries a suggested English. Korean names follow newspaper
convention: the family name as papers spell it (Kim, Lee, Park, Choi), then
the given name in Revised Romanization, hyphenated and without sound changes
(홍길동 -> Hong Gil-dong). A loanword or foreign name gets the English it came
from (english, origins: 소프트웨어 -> software, 사르코지 -> Sarkozy); only
when nothing is spelled like it is the Hangul read back (켈바트로닉스 ->
Kelbatroniks), marked with a trailing "?".

Particles are stripped by the analyser or, without it, using the whole
document as evidence: 딥시크가 and 딥시크의 both point at 딥시크, while a lone
테슬라 keeps its 라, because 라 is only a weak particle reading.

The package, each module importing only those listed before it:

    results     Pair, Candidate, ExtractResult: what extract returns
    words       the word lists: common words, person titles, generic heads
    morphology  kiwipiepy's readings, when it is installed
    origins     the loanword-origin index (origins_build makes it)
    english     the English to suggest; places and names the index knows
    stems       particle stripping with the whole text as evidence
    article     the text read once: tokens, stems, readings, where terms stand
    loanwords   syllable weights, loanword_score, candidates, neighbours merged
    names       person titles; Korean and foreign names before them
    sounds      whether a Korean word sounds like an English one
    glosses     what a bracket holds; extent: how far back its Korean reaches
    pairs       한글(English) pairs
    output      the json, table and yaml formats, with review notes
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from ..glossary import Glossary
    from .results import Candidate, ExtractResult

# name -> the module that defines it, imported when the name is first used: `bilingo
# translate` reads a few word lists of this package (decisions.forms), not the extractor.
_LAZY = {
    "Candidate": ".results",
    "ExtractResult": ".results",
    "Pair": ".results",
    "extract_to_json": ".output",
    "extract_to_rows": ".output",
    "extract_to_yaml": ".output",
    "guess_english": "..korean.romanize",
    "revised_romanization": "..korean.romanize",
    "romanize_korean_name": "..korean.romanize",
    "loanword_score": ".loanwords",
    "sounds_like": ".pairs",
}


__getattr__ = lazy_names(__name__, _LAZY)

__all__ = [
    "Candidate",
    "ExtractResult",
    "Pair",
    "extract",
    "extract_to_json",
    "extract_to_rows",
    "extract_to_yaml",
    "guess_english",
    "loanword_score",
    "revised_romanization",
    "romanize_korean_name",
    "sounds_like",
]


def extract(text: str, glossary: Glossary) -> ExtractResult:
    """Pairs, names and loanword candidates in `text` that `glossary` does not have yet."""
    from ..normalize import normalize
    from .article import Article
    from .loanwords import find_loanwords, loanword_candidate, merge_neighbours
    from .names import find_names
    from .pairs import find_pairs
    from .results import ExtractResult

    article = Article(normalize(text), glossary)
    # Each detector leaves alone what an earlier one proposed, word by word:
    # 리사 수(Lisa Su) makes neither 리사 nor 수 a candidate.
    pairs = find_pairs(article)
    taken = _whole_and_words(pair.ko for pair in pairs)
    names = find_names(article, taken)
    taken |= _whole_and_words(name.ko for name in names)
    loanwords = merge_neighbours(article, find_loanwords(article, taken))

    counts = article.mentions([p.ko for p in pairs] + [n.ko for n in names] + loanwords)

    def count(ko: str) -> int:
        return max(1, counts[ko])  # found once at least, however the matcher reads it

    proposals = [(name.first, name.candidate(count(name.ko))) for name in names]
    proposals += [(_first(text, ko), loanword_candidate(ko, count(ko))) for ko in loanwords]
    proposals = [
        (first, replace(candidate, context=article.context(candidate.ko)))
        for first, candidate in proposals
    ]
    # Most frequent first; among equals, what MT is likelier to get wrong (names, places,
    # words with no English found) before everyday loanwords, then in text order.
    proposals.sort(key=lambda item: (-item[1].count, _everyday(item[1]), item[0]))
    return ExtractResult(
        pairs=[pair.pair(count(pair.ko)) for pair in pairs],
        candidates=[candidate for _, candidate in proposals],
    )


def _everyday(candidate: Candidate) -> bool:
    """A loanword spelled exactly as an English dictionary word (소프트웨어: software):
    the kind machine translation already gets right."""
    from .results import LOANWORD

    return candidate.reason == LOANWORD and candidate.source == "word" and not candidate.guess


def _first(text: str, ko: str) -> int:
    """Where a candidate first stands; a merged spelling (소프트웨어 for 소프트 웨어) by its
    first part."""
    at = text.find(ko)
    return at if at >= 0 else text.find(ko[:2])


def _whole_and_words(kos: Iterable[str]) -> set[str]:
    """Each Korean without its spaces, and each of its words: 리사 수 -> 리사수, 리사, 수."""
    from ..terms import without_spaces

    return {form for ko in kos for form in (without_spaces(ko), *ko.split())}
