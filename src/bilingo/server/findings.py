"""What bilingo did to a text, in the `bilingo` field of a /translate answer (docs/server.md)."""

from __future__ import annotations

from pathlib import Path

from ..decisions import MONEY_FIGURE


def unchanged(text: str) -> dict:
    """The findings of a text sent back as it was (it was in the target language already)."""
    paragraphs = [[text, text]] if text.strip() else []
    return {"terms": [], "repairs": 0, "decisions": [], "figures": [], "paragraphs": paragraphs,
            "notes": [[] for _ in paragraphs]}  # fmt: skip


def extras_of(result) -> dict:
    """What bilingo did to one text: terms written in, repairs, every decision, the figures
    converted, and each paragraph with its translation (the review page draws these).
    Offsets are into the text as sent (the decisions' own)."""
    decisions = [decision.to_dict() for decision in result.decisions]
    figures = [d for d in decisions if d["reason"] == MONEY_FIGURE]
    return {
        "terms": [term.to_dict() for term in result.applied_terms],
        "repairs": result.repairs,
        "decisions": decisions,
        "figures": [
            {"start": d["start"], "end": d["end"], "text": d["text"], "english": d["inserted"]}
            for d in figures
        ],
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


def public_entry(term) -> dict:
    """An entry as lookup JSON gives it, its `source` without the server's folders: the
    built-in glossary as <builtin>/FILE:LINE, any other file by its name."""
    entry = term.to_dict()
    entry["source"] = public_source(term)
    return entry


def public_source(term) -> str | None:
    from ..glossary import default_glossary_dir
    from ..glossary.locations import is_builtin

    if term.path is None:
        return None
    line = f":{term.line}" if term.line else ""
    if is_builtin(term):
        relative = Path(term.path).resolve().relative_to(default_glossary_dir().resolve())
        return f"<builtin>/{relative.as_posix()}{line}"
    return f"{Path(term.path).name}{line}"
