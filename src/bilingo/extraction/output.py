"""The `extract` formats: json, table rows, and a glossary snippet with a review note per entry."""

from __future__ import annotations

from ..glossary import render_entry
from ..terms import Term
from .results import FOREIGN_NAME, KOREAN_NAME, Candidate, ExtractResult, Pair

_YAML_HEADER = (
    "# bilingo extract: proposed entries. Pairs the article spelled out are entries;\n"
    "# candidates are commented out. Check each against its # review note, fix the\n"
    "# English, uncomment the candidates to keep (delete the leading '# '), delete what\n"
    "# you do not want, then: bilingo glossary import THIS-FILE.yaml --into my-glossary.yaml\n"
)
_CANDIDATES_HEADER = "  # ---- candidates: uncomment an entry's lines to keep it\n"


def extract_to_json(result: ExtractResult) -> dict:
    """The `extract --format json` shape: {"pairs": [...], "candidates": [...]}."""
    return {
        "pairs": [pair.to_dict() for pair in result.pairs],
        "candidates": [candidate.to_dict() for candidate in result.candidates],
    }


def extract_to_rows(result: ExtractResult) -> list[dict]:
    """One row per proposal, for a table: kind, ko, en, count, review."""
    rows = [_row("pair", p.ko, p.en, p) for p in result.pairs]
    rows += [_row(c.reason, c.ko, c.shown_suggestion, c) for c in result.candidates]
    return rows


def _row(kind: str, ko: str, en: str, item: Pair | Candidate) -> dict:
    return {"kind": kind, "ko": ko, "en": en, "count": item.count, "review": review_note(item)}


def review_note(item: Pair | Candidate) -> str:
    """What a reviewer should check before keeping a proposal."""
    seen = "seen once" if item.count == 1 else f"seen {item.count} times"
    if isinstance(item, Pair):
        return f"written as {item.written}; {seen}; check the Korean side is the whole term"
    if item.reason == KOREAN_NAME:
        return f"{seen}; a Korean name romanized by newspaper convention; check how the person spells it"
    what = "a foreign name before a title; " if item.reason == FOREIGN_NAME else ""
    kind = "" if item.type else "; set a type"
    return f"{seen}; {what}{_english_note(item)}{kind}"


# Where a candidate's English came from, as the review note says it (extraction.english).
_SOURCES = {
    "country": "a country",
    "city": "a city",
    "region": "a US state",
    "name": "a name in the news",
    "word": "an English word",
}


def _english_note(candidate: Candidate) -> str:
    if candidate.source not in _SOURCES:
        return "the English is a guess from the Hangul letters, replace it"
    sure = f"confidence {candidate.confidence:.2f}"
    if candidate.guess:
        return f"the English is the nearest spelling bilingo knows ({sure}), check it"
    return f"the English is {_SOURCES[candidate.source]} spelled so in Korean ({sure}), check it"


def extract_to_yaml(result: ExtractResult) -> str:
    """A file to review and import: the pairs the writer spelled out as entries, then every
    candidate commented out with its context, to uncomment where it is right (issue 14)."""
    pairs = [
        (Term(ko=p.ko, en=p.en, en_variants=list(p.en_variants)), review_note(p))
        for p in result.pairs
    ]
    candidates = [
        (Term(ko=c.ko, en=c.shown_suggestion, type=c.type), _candidate_note(c))
        for c in result.candidates
    ]
    if not pairs and not candidates:
        return _YAML_HEADER + "terms: []  # nothing new found\n"
    body = "".join(f"  # review: {note}\n" + render_entry(term, "  ") for term, note in pairs)
    if candidates:
        body += _CANDIDATES_HEADER
        body += "".join(_commented(term, note) for term, note in candidates)
    return _YAML_HEADER + "terms:\n" + body


def _candidate_note(candidate: Candidate) -> str:
    note = review_note(candidate)
    return f"{note}\n  # in: {candidate.context}" if candidate.context else note


def _commented(term: Term, note: str) -> str:
    """A candidate's entry commented out, its review note and context above it."""
    entry = "".join(f"  # {line[2:]}\n" for line in render_entry(term, "  ").splitlines())
    return f"  # review: {note}\n" + entry
