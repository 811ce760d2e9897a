"""Scoring `extract` against the evidence corpus in tests/data/extract_corpus (issue 14).

pairs.yaml lists sentences with the 한글(English) pairs a translator would keep
(exactly: the Korean as far as the English names it, the English cleaned, an
acronym as `en_variants`) and sentences whose brackets are no pairs (times,
figures, bylines, quotes, titles of other works). candidates.yaml lists
sentences with every term a translator would want in a glossary, the English
each came from, `also_ok` words (everyday loanwords, neither required nor
wrong) and `traps` (native words, verb forms, particles glued on).

Each sentence is extracted on its own with an empty glossary. Judged:
- pairs: a proposed pair is right when its Korean (spacing as written), English
  and variants are exactly the expected ones; precision over proposals, recall
  over expected pairs;
- candidates: a proposal is right when it is an expected candidate (spaces
  ignored); also_ok proposals count neither way; a trap or any other word is
  wrong; a proposal that is an expected term with something glued on is also
  counted as "particle left on";
- English: for proposed loanwords, foreign names, places and products, whether
  the suggestion (a trailing "?" dropped) is the expected English, case ignored.

Used by tests/test_extract_corpus.py (which holds the targets) and
bench/bench_extract.py (which prints the figures).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).parent / "data" / "extract_corpus"
ORIGIN_KINDS = frozenset({"foreign-name", "place", "loanword", "product"})


def _key(ko: str) -> str:
    return "".join(ko.split())


@dataclass
class Score:
    pairs_proposed: int = 0
    pairs_right: int = 0
    pairs_expected: int = 0
    pairs_found: int = 0
    candidates_proposed: int = 0
    candidates_right: int = 0
    candidates_expected: int = 0
    candidates_found: int = 0
    particles_left: int = 0
    english_judged: int = 0
    english_right: int = 0
    mistakes: list[str] = field(default_factory=list)

    @staticmethod
    def share(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def pair_precision(self) -> float:
        return self.share(self.pairs_right, self.pairs_proposed)

    @property
    def pair_recall(self) -> float:
        return self.share(self.pairs_found, self.pairs_expected)

    @property
    def candidate_precision(self) -> float:
        return self.share(self.candidates_right, self.candidates_proposed)

    @property
    def candidate_recall(self) -> float:
        return self.share(self.candidates_found, self.candidates_expected)

    @property
    def english_accuracy(self) -> float:
        return self.share(self.english_right, self.english_judged)


def load(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


def score_pairs(items: list[dict], extract, score: Score) -> None:
    for item in items:
        expected = {
            (pair["ko"], pair["en"], tuple(pair.get("en_variants") or ()))
            for pair in item.get("pairs") or ()
        }
        proposed = {(p.ko, p.en, tuple(p.en_variants)) for p in extract(item["text"]).pairs}
        score.pairs_expected += len(expected)
        score.pairs_found += len(expected & proposed)
        score.pairs_proposed += len(proposed)
        score.pairs_right += len(expected & proposed)
        for pair in sorted(proposed - expected):
            score.mistakes.append(f"pair {pair} not in {sorted(expected)}: {item['text']}")
        for pair in sorted(expected - proposed):
            score.mistakes.append(f"pair missed {pair}: {item['text']}")


def score_candidates(items: list[dict], extract, score: Score) -> None:
    for item in items:
        expected = {_key(c["ko"]): c for c in item.get("candidates") or ()}
        fine = {_key(word) for word in item.get("also_ok") or ()}
        proposed = {_key(c.ko): c for c in extract(item["text"]).candidates}
        score.candidates_expected += len(expected)
        score.candidates_found += len(expected.keys() & proposed.keys())
        for key, candidate in proposed.items():
            if key in fine and key not in expected:
                continue
            score.candidates_proposed += 1
            if key in expected:
                score.candidates_right += 1
                _score_english(expected[key], candidate, item["text"], score)
                continue
            if any(key.startswith(known) for known in expected):
                score.particles_left += 1
            score.mistakes.append(f"candidate {candidate.ko!r} is no term: {item['text']}")
        for key in expected.keys() - proposed.keys():
            score.mistakes.append(f"candidate missed {expected[key]['ko']!r}: {item['text']}")


def _score_english(expected: dict, candidate, text: str, score: Score) -> None:
    if expected.get("kind") not in ORIGIN_KINDS or not expected.get("en"):
        return
    score.english_judged += 1
    suggestion = candidate.suggestion.rstrip("?").strip()
    if suggestion.casefold() == str(expected["en"]).casefold():
        score.english_right += 1
    else:
        score.mistakes.append(f"english {candidate.ko}: {suggestion!r} != {expected['en']!r}")


def score_corpus(extract) -> Score:
    """The corpus scored with `extract(text) -> ExtractResult`."""
    score = Score()
    score_pairs(load("pairs.yaml"), extract, score)
    score_candidates(load("candidates.yaml"), extract, score)
    return score
