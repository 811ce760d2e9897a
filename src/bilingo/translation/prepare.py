"""Before machine translation: glossary terms and money figures written in the target language.

Why the English goes into the Korean source rather than an opaque
placeholder: a ko->en model copies a Latin word it sees far more reliably
than it keeps a token like __T1__ intact (argostranslate even turns `_` into
spaces), and the glued particle still tells the model the word's role
(딥시크의 -> DeepSeek의). See docs/design.md, "How the glossary is enforced".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..matcher import TermMatcher, terms_and_figures


@dataclass
class Insertion:
    """One glossary term or figure written into a prepared sentence."""

    source: str  # the headword or figure as it stood in the source
    target: str  # what was written in its place (DeepSeek, $5.576 million)
    position: float  # where it sits in the sentence, 0..1, to place a repair
    is_term: bool = True


@dataclass
class PreparedSentence:
    source: str
    text: str
    insertions: list[Insertion] = field(default_factory=list)


def prepare_source(sentence: str, glossary, source_lang: str = "ko") -> PreparedSentence:
    """The sentence with glossary terms (and, from Korean, money figures) in the target language.

    `glossary` is a Glossary, or None to write only the figures.
    """
    spans: list[tuple[int, int, Insertion]] = []
    if source_lang == "ko":
        matcher: TermMatcher | None = glossary.matcher() if glossary is not None else None
        terms, figures = terms_and_figures(sentence, matcher)
        for figure in figures:
            insertion = Insertion(figure.text, figure.english, 0, is_term=False)
            spans.append((figure.start, figure.end, insertion))
        found = [(m.start, m.end, m.term.ko, m.term.en) for m in terms]
    else:
        matches = glossary.english_matcher().find(sentence) if glossary is not None else []
        found = [(m.start, m.end + len(m.particle), m.term.en, _korean_for(m)) for m in matches]
    for start, end, source, target in found:
        spans.append((start, _past_gloss(sentence, end, target), Insertion(source, target, 0)))
    return _written(sentence, sorted(spans, key=lambda span: span[0]))


def _written(sentence: str, spans: list[tuple[int, int, Insertion]]) -> PreparedSentence:
    """The sentence with each span replaced by its insertion's target, positions noted."""
    pieces, insertions, cursor, written = [], [], 0, 0
    for start, end, insertion in spans:
        pieces.append(sentence[cursor:start])
        written += start - cursor
        insertion.position = written  # an offset for now; made relative below
        pieces.append(insertion.target)
        written += len(insertion.target)
        insertions.append(insertion)
        cursor = end
    pieces.append(sentence[cursor:])
    prepared = "".join(pieces)
    for insertion in insertions:
        insertion.position /= max(len(prepared), 1)
    return PreparedSentence(sentence, prepared, insertions)


def _korean_for(match) -> str:
    """The Korean for an English term as written: a possessive becomes 의, a plural drops."""
    possessive = match.particle.endswith(("'", "’", "'s", "’s"))
    return match.term.ko + ("의" if possessive else "")


def _past_gloss(sentence: str, end: int, target: str) -> int:
    """Swallow a gloss the writer already gave: 딥시크(DeepSeek) becomes DeepSeek, not DeepSeek(DeepSeek)."""
    gloss = f"({target})"
    if sentence[end : end + len(gloss)].casefold() == gloss.casefold():
        return end + len(gloss)
    return end
