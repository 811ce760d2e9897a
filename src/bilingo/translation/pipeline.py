"""The translation flow: the glossary before and after machine translation.

    text -> paragraphs -> sentences -> terms + money figures found
         -> decide each hit: insert which form, verify, or skip (wrong sense)
         -> prepare: each inserted term replaced by its target-language form,
            the particle kept (딥시크의 -> DeepSeek의); each figure by exact English
         -> engine.translate_batch(every sentence of the document at once; the
            first HEAD_SENTENCES started before the others are prepared)
         -> verify each inserted term is in its sentence's output; repair it
            where the engine mangled or dropped it, and count the repairs;
            note whether each verify term came out in an accepted form
         -> (en->ko) make the particle after each inserted Korean term agree
         -> reassemble paragraphs exactly -> TranslationResult

See docs/design.md, "Data flow of translate".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..sentences import Paragraph, reassemble, split_document
from .prepare import PreparedSentence, prepare_source
from .repair import check_verified, fix_particles, repair_outputs
from .result import AppliedTerm, Segment, TranslationResult

Progress = Callable[[int, int], None]

# Sentences per engine call when a progress bar is shown. Without one, the
# whole document goes in a single call, which lets CTranslate2 batch best...
PROGRESS_CHUNK = 64
# ... after its first sentences, which an engine that can start a batch and return
# (start_batch) gets on their own as soon as they are prepared: about one batch for
# one of its workers, translated while the rest are prepared on another core.
HEAD_SENTENCES = 16


def run_pipeline(
    text: str, glossary, engine, *, progress: Progress | None = None
) -> TranslationResult:
    """Translate a document with `engine`, the glossary enforced (None: figures only)."""
    from ..version import __version__

    source_lang, target_lang = engine.source_lang, engine.target_lang
    paragraphs = split_document(text, lang=source_lang)
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph.sentences]
    prepared, outputs = _prepare_and_translate(sentences, glossary, engine, progress)
    outputs, repairs = repair_outputs(prepared, outputs, engine)
    check_verified(prepared, outputs)
    if target_lang == "ko":
        outputs = [
            fix_particles(output, [i.target for i in sentence.insertions if i.is_term])
            for output, sentence in zip(outputs, prepared, strict=True)
        ]
    translated = _per_paragraph(paragraphs, outputs)
    return TranslationResult(
        text=reassemble(paragraphs, translated),
        source_lang=source_lang,
        target_lang=target_lang,
        engine=engine.name,
        segments=[Segment(s, t) for s, t in zip(sentences, outputs, strict=True)],
        applied_terms=_applied_terms(prepared, source_lang),
        repairs=repairs,
        decisions=_decisions(paragraphs, prepared),
        notes=_review_notes(paragraphs, prepared),
        signature={
            **engine.describe(),
            "glossary": glossary.fingerprint() if glossary is not None else None,
            "bilingo": __version__,
        },
        paragraphs=[
            (p.text, "".join(s + sep for s, sep in zip(t, p.separators, strict=True)).strip())
            for p, t in zip(paragraphs, translated, strict=True)
        ],
    )


def _decisions(paragraphs: list[Paragraph], prepared: list[PreparedSentence]) -> list:
    """Every sentence's decisions, their offsets made offsets into the whole text."""
    decisions, cursor = [], 0
    sentences = iter(prepared)
    for paragraph in paragraphs:
        for separator in paragraph.separators:
            sentence = next(sentences)
            for hit in sentence.hits:
                hit.decision.start += cursor
                hit.decision.end += cursor
                decisions.append(hit.decision)
            cursor += len(sentence.source) + len(separator)
        cursor += len(paragraph.break_after)
    return decisions


def _review_notes(paragraphs: list[Paragraph], prepared: list[PreparedSentence]) -> list[list[str]]:
    """Per paragraph, a line for each hit skipped and each verify the engine did not satisfy."""
    notes, sentences = [], iter(prepared)
    for paragraph in paragraphs:
        lines = []
        for _ in paragraph.sentences:
            lines += [note for hit in next(sentences).hits if (note := _note(hit))]
        notes.append(lines)
    return notes


def _note(hit) -> str | None:
    decision = hit.decision
    if decision.action == "skip" and hit.for_review:
        return f"[skip] {decision.text}: {decision.reason}"
    if decision.action == "verify" and decision.found is False:
        return f"[verify] {decision.text}: {hit.check} not in the translation ({decision.reason})"
    return None


def _per_paragraph(paragraphs: list[Paragraph], outputs: list[str]) -> list[list[str]]:
    translated, cursor = [], 0
    for paragraph in paragraphs:
        translated.append(outputs[cursor : cursor + len(paragraph.sentences)])
        cursor += len(paragraph.sentences)
    return translated


def _prepare_and_translate(
    sentences: list[str], glossary, engine, progress: Progress | None
) -> tuple[list[PreparedSentence], list[str]]:
    """Each sentence prepared, and the engine's output for it.

    With an engine that can start a batch (start_batch), the first
    HEAD_SENTENCES are translated while the others are prepared: preparing a
    document's sentences takes tens of ms, and the engine's workers would
    otherwise wait for all of them.
    """
    lang = engine.source_lang
    start_batch = getattr(engine, "start_batch", None)
    if progress is not None or start_batch is None or len(sentences) <= HEAD_SENTENCES:
        prepared = [prepare_source(sentence, glossary, lang) for sentence in sentences]
        return prepared, _translate_in_batches(engine, [p.text for p in prepared], progress)
    head = [prepare_source(sentence, glossary, lang) for sentence in sentences[:HEAD_SENTENCES]]
    head_outputs = start_batch([p.text for p in head])
    rest = [prepare_source(sentence, glossary, lang) for sentence in sentences[HEAD_SENTENCES:]]
    rest_outputs = start_batch([p.text for p in rest])
    return head + rest, head_outputs() + rest_outputs()


def _translate_in_batches(engine, texts: list[str], progress: Progress | None) -> list[str]:
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
