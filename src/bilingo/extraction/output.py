"""The `extract` formats: json, table rows, and a glossary snippet with a review note per entry."""

from __future__ import annotations

from ..glossary import render_entry
from ..terms import Term
from .results import FOREIGN_NAME, KOREAN_NAME, Candidate, ExtractResult, Pair

_YAML_HEADER = (
    "# bilingo extract: proposed entries. Check each one against its # review note,\n"
    "# fix the English, delete what you do not want, then add the rest to a glossary.\n"
)


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
    if item.reason == FOREIGN_NAME:
        return f"{seen}; a foreign name before a title; the English is a guess from the Hangul, replace it"
    return f"{seen}; the English is a guess from the Hangul spelling, replace it; set a type"


def extract_to_yaml(result: ExtractResult) -> str:
    """A ready-to-review glossary snippet: a `terms:` list, a `# review:` comment per entry."""
    entries = [(Term(ko=p.ko, en=p.en), review_note(p)) for p in result.pairs]
    entries += [
        (Term(ko=c.ko, en=c.shown_suggestion, type=c.type), review_note(c))
        for c in result.candidates
    ]
    if not entries:
        return _YAML_HEADER + "terms: []  # nothing new found\n"
    body = "".join(f"  # review: {note}\n" + render_entry(term, "  ") for term, note in entries)
    return _YAML_HEADER + "terms:\n" + body
