"""What bilingo did to a text, in the `bilingo` field of a /translate answer (docs/server.md)."""

from __future__ import annotations

from ..korean.numbers import find_numbers
from ..normalize import normalize


def unchanged(text: str) -> dict:
    """The findings of a text sent back as it was (it was in the target language already)."""
    paragraphs = [[text, text]] if text.strip() else []
    return {"terms": [], "repairs": 0, "decisions": [], "figures": [], "paragraphs": paragraphs,
            "notes": [[] for _ in paragraphs]}  # fmt: skip


def extras_of(result, source_text: str) -> dict:
    """What bilingo did to one text: terms written in, repairs, every decision, the figures
    converted, and each paragraph with its translation (the review page draws these)."""
    figures = find_numbers(normalize(source_text)) if result.source_lang == "ko" else []
    return {
        "terms": [term.to_dict() for term in result.applied_terms],
        "repairs": result.repairs,
        "decisions": [decision.to_dict() for decision in result.decisions],
        "figures": [figure_dict(figure) for figure in figures],
        "paragraphs": [list(pair) for pair in result.paragraphs],
        "notes": result.notes,
    }


def figure_dict(figure) -> dict:
    """A money figure found (korean.numbers.NumberMatch) as JSON."""
    return {
        "start": figure.start,
        "end": figure.end,
        "text": figure.text,
        "english": figure.english,
    }
