"""After machine translation: every inserted term checked, and put back where it was lost.

Repairs, cheapest first (docs/design.md, "How the glossary is enforced"): a
mangled span (Dipsik for DeepSeek) is replaced in place; a term the engine
dropped is put back by decoding the sentence again with CTranslate2's
target_prefix forced up to the term, so the model writes the rest of the
sentence around it; an engine that cannot force a prefix gets the term
inserted at the matching spot. From English, the particle after each inserted
Korean term is then made to agree with it (딥시크은 -> 딥시크는).
"""

from __future__ import annotations

import re

from .. import korean
from ..decisions import VERIFY, forms_of
from ..matcher import english_present
from .prepare import PreparedSentence

# How alike a span of the output must be to the expected term to count as a
# mangled rendering of it (Dipsik/DeepSeek 0.57, Andrisen/Andreessen 0.89) ...
MANGLED_SIMILARITY = 0.5
# ... and stand within this share of the sentence from where the term was.
MANGLED_POSITION_SLACK = 0.3
LATIN_WORD = re.compile(r"[A-Za-z0-9$€£¥][A-Za-z0-9'’.,-]*")


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
    import difflib  # only when a term is missing from an output: most runs never need it

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


def check_verified(prepared: list[PreparedSentence], outputs: list[str]) -> None:
    """Note on each `verify` decision whether an accepted rendering came out; never force it."""
    for sentence, output in zip(prepared, outputs, strict=True):
        for hit in sentence.hits:
            if hit.decision.action == VERIFY:
                hit.decision.found = any(find_in_output(s, output) for s in _accepted(hit))


def _accepted(hit) -> list[str]:
    term = hit.term
    if korean.contains_hangul(hit.check or ""):
        return [hit.check]
    return [term.en, *term.en_variants, *forms_of(term).values()]


def fix_particles(output: str, korean_terms: list[str]) -> str:
    """Make the particle after each inserted Korean term agree with it (딥시크은 -> 딥시크는)."""
    for term in sorted(set(korean_terms), key=len, reverse=True):
        pattern = re.compile(re.escape(term) + r"([\uac00-\ud7a3]+)")
        output = pattern.sub(lambda m, t=term: t + korean.agree_particle(t, m.group(1)), output)
    return output
