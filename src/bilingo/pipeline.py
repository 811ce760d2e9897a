"""translate(): the glossary before and after machine translation.

    text -> paragraphs -> sentences -> terms + money figures found
         -> prepare: each term replaced by its target-language form, the
            particle kept (딥시크의 -> DeepSeek의); each figure by exact English
         -> engine.translate_batch(every sentence of the document at once)
         -> verify each inserted term is in its sentence's output; repair it
            where the engine mangled or dropped it, and count the repairs
         -> (en->ko) make the particle after each inserted Korean term agree
         -> reassemble paragraphs exactly -> TranslationResult

Why the English goes into the Korean source rather than an opaque
placeholder: a ko->en model copies a Latin word it sees far more reliably
than it keeps a token like __T1__ intact (argostranslate even turns `_` into
spaces), and the glued particle still tells the model the word's role.

Repairs, cheapest first (see README, "How repairs work"): a mangled span
(Dipsik for DeepSeek) is replaced in place; a term the engine dropped is put
back by decoding the sentence again with CTranslate2's target_prefix forced
up to the term, so the model writes the rest of the sentence around it; an
engine that cannot force a prefix gets the term inserted at the matching spot.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import korean
from .korean import numbers
from .glossary import Glossary
from .matcher import english_present
from .segment import reassemble, segment

# How alike a span of the output must be to the expected term to count as a
# mangled rendering of it (Dipsik/DeepSeek 0.57, Andrisen/Andreessen 0.89) ...
MANGLED_SIMILARITY = 0.5
# ... and stand within this share of the sentence from where the term was.
MANGLED_POSITION_SLACK = 0.3
LATIN_WORD = re.compile(r"[A-Za-z0-9$€£¥][A-Za-z0-9'’.,-]*")


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


@dataclass
class AppliedTerm:
    ko: str
    en: str
    count: int

    def to_dict(self) -> dict:
        return {"ko": self.ko, "en": self.en, "count": self.count}


@dataclass
class Segment:
    source: str
    target: str

    def to_dict(self) -> dict:
        return {"source": self.source, "target": self.target}


@dataclass
class TranslationResult:
    """What translate() returns; to_dict() is the JSON contract of DESIGN.md."""

    text: str
    source_lang: str
    target_lang: str
    engine: str
    segments: list[Segment]
    applied_terms: list[AppliedTerm]
    repairs: int
    signature: dict
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (source, translation)

    def to_dict(self) -> dict:
        return {
            "translation": self.text,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "engine": self.engine,
            "segments": [s.to_dict() for s in self.segments],
            "terms": [t.to_dict() for t in self.applied_terms],
            "repairs": self.repairs,
            "signature": self.signature,
        }


# --------------------------------------------------------------------------- prepare


def korean_terms_and_figures(sentence: str, glossary: Glossary | None):
    """Glossary terms and money figures of a Korean sentence.

    A figure wins over a term it overlaps: 600만 달러 is a figure, not the term 달러.
    """
    figures = numbers.find_numbers(sentence)
    if glossary is None:
        return [], figures
    terms = [
        match
        for match in glossary.matcher().find(sentence)
        if not any(match.start < figure.end and figure.start < match.end for figure in figures)
    ]
    return terms, figures


def prepare_source(
    sentence: str, glossary: Glossary | None, source_lang: str = "ko"
) -> PreparedSentence:
    """The sentence with glossary terms (and, from Korean, money figures) in the target language."""
    spans: list[tuple[int, int, Insertion]] = []
    if source_lang == "ko":
        terms, figures = korean_terms_and_figures(sentence, glossary)
        for figure in figures:
            insertion = Insertion(figure.text, figure.english, 0, is_term=False)
            spans.append((figure.start, figure.end, insertion))
        found = [(m.start, m.end, m.term.ko, m.term.en) for m in terms]
    else:
        matches = glossary.english_matcher().find(sentence) if glossary is not None else []
        found = [(m.start, m.end + len(m.particle), m.term.en, _korean_for(m)) for m in matches]
    for start, end, source, target in found:
        spans.append((start, _past_gloss(sentence, end, target), Insertion(source, target, 0)))
    spans.sort(key=lambda span: span[0])
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


# --------------------------------------------------------------------------- verify and repair


def find_in_output(term: str, output: str) -> bool:
    """Is `term` in the output, case-insensitively, not inside another word?

    An English term may take a plural (hyperscalers) or a possessive; a
    Korean one may have particles glued after it (딥시크는).
    """
    if korean.contains_hangul(term):
        return (
            re.search(r"(?<![\uac00-\ud7a3])" + re.escape(term), output, re.IGNORECASE) is not None
        )
    return english_present(term, output)


def _mangled_span(term: str, output: str, position: float) -> tuple[int, int] | None:
    """The run of output words most like `term`, if alike enough to be a mangled copy.

    A candidate must start with the term's letter and stand roughly where the
    term stood in the prepared sentence, so an unrelated word is never taken.
    """
    words = list(LATIN_WORD.finditer(output))
    size = max(1, len(term.split()))
    best, best_ratio = None, MANGLED_SIMILARITY
    for width in {size, size + 1, max(1, size - 1)}:
        for index in range(len(words) - width + 1):
            start, end = words[index].start(), words[index + width - 1].end()
            candidate = output[start:end].casefold()
            if _first_alnum(candidate) != _first_alnum(term.casefold()):
                continue
            if abs(start / max(len(output), 1) - position) > MANGLED_POSITION_SLACK:
                continue
            ratio = difflib.SequenceMatcher(None, term.casefold(), candidate).ratio()
            if ratio > best_ratio:
                best, best_ratio = (start, end), ratio
    return best


def _first_alnum(text: str) -> str:
    return next((char for char in text if char.isalnum()), "")


def _split_point(output: str, position: float, term: str) -> int:
    """The word boundary in `output` nearest where the dropped term would have stood."""
    boundaries = [0] + [m.start() for m in re.finditer(r"(?<=\s)\S", output)] + [len(output)]
    goal = position * (len(output) + len(term) + 1)
    return min(boundaries, key=lambda b: abs(b - goal))


def _insert_at(output: str, cut: int, term: str) -> str:
    """`term` inserted at `cut`; glued to a Korean particle the engine left behind."""
    rest = output[cut:]
    joiner = "" if rest[:1] and korean.is_hangul_syllable(rest[0]) else " "
    return f"{output[:cut]}{term}{joiner}{rest}".rstrip()


def repair_outputs(
    prepared: list[PreparedSentence], outputs: list[str], engine
) -> tuple[list[str], int]:
    """Put back every inserted term the engine mangled or dropped; return outputs and repair count."""
    outputs = list(outputs)
    repairs = 0
    redecode: dict[int, str] = {}
    for index, sentence in enumerate(prepared):
        for insertion in sentence.insertions:
            if find_in_output(insertion.target, outputs[index]):
                continue
            repairs += 1
            span = _mangled_span(insertion.target, outputs[index], insertion.position)
            if span:
                start, end = span
                outputs[index] = outputs[index][:start] + insertion.target + outputs[index][end:]
                continue
            cut = _split_point(outputs[index], insertion.position, insertion.target)
            redecode.setdefault(index, f"{outputs[index][:cut]}{insertion.target} ")
            outputs[index] = _insert_at(outputs[index], cut, insertion.target)
    if redecode and engine.supports_prefix:
        _redecode_with_prefixes(prepared, outputs, engine, redecode)
    return outputs, repairs


def _redecode_with_prefixes(prepared, outputs, engine, prefixes: dict[int, str]) -> None:
    """Decode dropped-term sentences again, forced to start with the text up to the term."""
    order = sorted(prefixes)
    again = engine.translate_batch([prepared[i].text for i in order], [prefixes[i] for i in order])
    for index, output in zip(order, again, strict=True):
        if all(find_in_output(ins.target, output) for ins in prepared[index].insertions):
            outputs[index] = output


# --------------------------------------------------------------------------- en -> ko particles


def fix_particles(output: str, korean_terms: list[str]) -> str:
    """Make the particle after each inserted Korean term agree with it (딥시크은 -> 딥시크는)."""
    for term in sorted(set(korean_terms), key=len, reverse=True):
        pattern = re.compile(re.escape(term) + r"([\uac00-\ud7a3]+)")
        output = pattern.sub(lambda m, t=term: t + korean.agree_particle(t, m.group(1)), output)
    return output


# --------------------------------------------------------------------------- translate


def translate(
    text: str,
    glossary: Glossary | None,
    engine,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> TranslationResult:
    """Translate a document with the glossary enforced; see the module docstring.

    `glossary=None` translates without glossary terms (money figures are still
    made exact). `engine` is any Engine (bilingo.engines.get_engine).
    """
    from . import __version__

    source_lang, target_lang = engine.source_lang, engine.target_lang
    paragraphs = segment(text, lang=source_lang)
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph.sentences]
    prepared = [prepare_source(sentence, glossary, source_lang) for sentence in sentences]
    outputs = _translate_in_batches(engine, [p.text for p in prepared], progress)
    outputs, repairs = repair_outputs(prepared, outputs, engine)
    if target_lang == "ko":
        outputs = [
            fix_particles(output, [i.target for i in sentence.insertions if i.is_term])
            for output, sentence in zip(outputs, prepared, strict=True)
        ]
    translated, cursor = [], 0
    for paragraph in paragraphs:
        translated.append(outputs[cursor : cursor + len(paragraph.sentences)])
        cursor += len(paragraph.sentences)
    paragraph_pairs = [
        (p.text, "".join(s + sep for s, sep in zip(t, p.separators, strict=True)).strip())
        for p, t in zip(paragraphs, translated, strict=True)
    ]
    return TranslationResult(
        text=reassemble(paragraphs, translated),
        source_lang=source_lang,
        target_lang=target_lang,
        engine=engine.name,
        segments=[Segment(s, t) for s, t in zip(sentences, outputs, strict=True)],
        applied_terms=_applied_terms(prepared, source_lang),
        repairs=repairs,
        signature={
            **engine.describe(),
            "glossary": glossary.fingerprint() if glossary is not None else None,
            "bilingo": __version__,
        },
        paragraphs=paragraph_pairs,
    )


# Sentences per engine call when a progress bar is shown. Without one, the
# whole document goes in a single call, which lets CTranslate2 batch best.
PROGRESS_CHUNK = 64


def _translate_in_batches(engine, texts: list[str], progress) -> list[str]:
    if progress is None or len(texts) <= PROGRESS_CHUNK:
        outputs = engine.translate_batch(texts)
        if progress:
            progress(len(texts), len(texts))
        return outputs
    outputs: list[str] = []
    for start in range(0, len(texts), PROGRESS_CHUNK):
        outputs.extend(engine.translate_batch(texts[start : start + PROGRESS_CHUNK]))
        progress(len(outputs), len(texts))
    return outputs


def _applied_terms(prepared: list[PreparedSentence], source_lang: str) -> list[AppliedTerm]:
    counts = Counter(
        (ins.source, ins.target)
        for sentence in prepared
        for ins in sentence.insertions
        if ins.is_term
    )
    if source_lang == "ko":
        return [AppliedTerm(ko, en, n) for (ko, en), n in counts.items()]
    return [AppliedTerm(ko, en, n) for (en, ko), n in counts.items()]
