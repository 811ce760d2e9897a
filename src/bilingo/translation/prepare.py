"""Before machine translation: glossary terms and money figures written in the target language.

Why the English goes into the Korean source rather than an opaque
placeholder: a ko->en model copies a Latin word it sees far more reliably
than it keeps a token like __T1__ intact (argostranslate even turns `_` into
spaces), and the glued particle still tells the model the word's role
(딥시크의 -> DeepSeek의). See docs/design.md, "How the glossary is enforced".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..decisions import INSERT, Hit, decide_english_sentence, decide_sentence


@dataclass
class Insertion:
    """One glossary term or figure written into a prepared sentence."""

    source: str  # the headword or figure as it stood in the source
    target: str  # the text checked for (and put back) after MT: DeepSeek, $5.576 million
    position: float  # where it sits in the sentence, 0..1, to place a repair
    is_term: bool = True


@dataclass
class PreparedSentence:
    """A source sentence and the text given to the engine: glossary terms and figures written
    in the target language."""

    source: str
    text: str
    insertions: list[Insertion] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)  # every decision, inserts or not


def prepare_source(sentence: str, glossary, source_lang: str = "ko") -> PreparedSentence:
    """The sentence with glossary terms (and, from Korean, money figures) in the target language.

    `glossary` is a Glossary, or None to write only the figures. Each hit is
    decided first (bilingo.decisions): only inserts are written.
    """
    if source_lang == "ko":
        hits = decide_sentence(sentence, glossary)
    else:
        hits = decide_english_sentence(sentence, glossary)
    edits: list[tuple[int, int, str, Insertion | None]] = []
    for hit in hits:
        if hit.decision.action == INSERT or hit.absorbed:
            edits.extend(_edits(hit, sentence, source_lang))
    prepared = _written(sentence, sorted(edits, key=lambda edit: (edit[0], edit[1])))
    prepared.hits = hits
    return prepared


def _edits(
    hit: Hit, sentence: str, source_lang: str
) -> list[tuple[int, int, str, Insertion | None]]:
    """The source edits of an inserted hit: its span replaced, or a title moved before the name."""
    source = hit.term.en if source_lang == "en" else hit.decision.ko
    target = hit.check or hit.written
    # A term whose English the next term says already (중국 인민은행) is written as nothing.
    insertion = Insertion(source, target, 0, hit.match is not None) if target else None
    if hit.before_name is None:
        return [(hit.write_start, hit.write_end, hit.written, insertion)]
    cut = hit.write_start  # the title leaves its place (and the space before it) ...
    while cut > 0 and sentence[cut - 1].isspace():
        cut -= 1
    # ... and is written before the name, as English has it: Sen. 존 매케인은
    return [
        (hit.before_name, hit.before_name, hit.written + " ", insertion),
        (cut, hit.write_end, "", None),
    ]


def _written(
    sentence: str, edits: list[tuple[int, int, str, Insertion | None]]
) -> PreparedSentence:
    """The sentence with each edit made, the position of each insertion noted."""
    pieces, insertions, cursor, written = [], [], 0, 0
    for start, end, text, insertion in edits:
        pieces.append(sentence[cursor:start])
        written += start - cursor
        if insertion is not None:
            insertion.position = written  # an offset for now; made relative below
            insertions.append(insertion)
        pieces.append(text)
        written += len(text)
        cursor = end
    pieces.append(sentence[cursor:])
    prepared = "".join(pieces)
    for insertion in insertions:
        insertion.position /= max(len(prepared), 1)
    return PreparedSentence(sentence, prepared, insertions)
