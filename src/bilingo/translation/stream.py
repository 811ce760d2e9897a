"""Translating a document of any size in bounded memory: read, translate and write part by part.

The input is read line by line and cut into parts of about PART_CHARACTERS,
only where a paragraph surely ends, so each part splits into the same
paragraphs and sentences as the whole would; each part goes through the
pipeline (one engine batch per part) and its translation is written out
before the next part is read. Memory is bounded by the largest part plus the
model. The JSON form is written as it goes too: the translation string
first, piece by piece, the segments spooled to a temporary file meanwhile.
The output is byte for byte what translating the whole text at once gives.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..normalize import normalize_with_offsets
from ..sentences import paragraph_ends_between
from .pipeline import run_pipeline
from .result import AppliedTerm, TranslationResult

# Text per pipeline run. Big enough that CTranslate2 still batches well (a few
# thousand sentences), small enough that a 100 MB input never sits in memory.
PART_CHARACTERS = 200_000

Write = Callable[[str], object]


def document_parts(lines: Iterable[str], size: int = PART_CHARACTERS) -> Iterator[str]:
    """Consecutive lines joined into parts of about `size` characters, cut between paragraphs."""
    part: list[str] = []
    length = 0
    for line in lines:
        if length >= size and paragraph_ends_between(part[-1], line):
            yield "".join(part)
            part, length = [], 0
        part.append(line)
        length += len(line)
    if part:
        yield "".join(part)


@dataclass
class StreamSummary:
    """What a streamed translation did, without its text (that was written out)."""

    source_lang: str = ""
    target_lang: str = ""
    engine: str = ""
    applied: Counter = field(default_factory=Counter)  # (ko, en) -> count, first seen first
    repairs: int = 0
    signature: dict = field(default_factory=dict)
    segments: int = 0
    actions: Counter = field(default_factory=Counter)  # insert / verify / skip -> count
    unconfirmed: int = 0  # verify decisions whose English the engine did not write

    def add(self, result: TranslationResult) -> None:
        self.source_lang, self.target_lang = result.source_lang, result.target_lang
        self.engine, self.signature = result.engine, result.signature
        for term in result.applied_terms:
            self.applied[(term.ko, term.en)] += term.count
        self.repairs += result.repairs
        self.segments += len(result.segments)
        self.actions.update(decision.action for decision in result.decisions)
        self.unconfirmed += sum(decision.found is False for decision in result.decisions)

    @property
    def applied_terms(self) -> list[AppliedTerm]:
        return [AppliedTerm(ko, en, count) for (ko, en), count in self.applied.items()]


def translate_stream(
    lines: Iterable[str],
    glossary,
    engine,
    write: Write,
    output_format: str = "text",
    *,
    progress: Callable[[int], None] | None = None,
    part_size: int = PART_CHARACTERS,
) -> StreamSummary:
    """Translate text given line by line, writing `output_format` through `write` as it goes.

    progress(bytes_done) is called after each part, counting the input's UTF-8 bytes.
    """
    writer = _WRITERS[output_format](write)
    summary = StreamSummary()
    done = 0
    parts = document_parts(lines, part_size)
    # An empty input still goes through once, so the summary names engine and pair.
    at = 0  # where the part starts in the document, for the decisions' offsets
    for part in itertools.chain([next(parts, "")], parts):
        normalized, to_given = normalize_with_offsets(part)
        result = run_pipeline(normalized, glossary, engine)
        for decision in result.decisions:
            decision.start, decision.end = (
                at + to_given(decision.start),
                at + to_given(decision.end),
            )
        at += len(part)
        summary.add(result)
        writer.part(result)
        done += len(part.encode("utf-8"))
        if progress:
            progress(done)
    writer.close(summary)
    return summary


class _TextWriter:
    def __init__(self, write: Write):
        self.write = write

    def part(self, result: TranslationResult) -> None:
        self.write(result.text)

    def close(self, summary: StreamSummary) -> None:
        pass


class _BilingualWriter(_TextWriter):
    """Each source paragraph, then its translation; a blank line between pairs."""

    started = False

    def part(self, result: TranslationResult) -> None:
        for block in result.bilingual_blocks():
            self.write(("\n\n" if self.started else "") + block)
            self.started = True

    def close(self, summary: StreamSummary) -> None:
        self.write("\n")


class _JsonWriter(_TextWriter):
    """The `translate --format json` object, exactly as json.dumps(indent=2) lays it out."""

    def __init__(self, write: Write):
        super().__init__(write)
        self.write('{\n  "translation": "')
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed at the end
        self.decisions = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - likewise

    def part(self, result: TranslationResult) -> None:
        self.write(json.dumps(result.text, ensure_ascii=False)[1:-1])
        for segment in result.segments:  # one compact line each, laid out when written
            self.spool.write(json.dumps(segment.to_dict(), ensure_ascii=False) + "\n")
        for decision in result.decisions:
            self.decisions.write(json.dumps(decision.to_dict(), ensure_ascii=False) + "\n")

    def close(self, summary: StreamSummary) -> None:
        self.write('",\n')
        for key in ("source_lang", "target_lang", "engine"):
            self.write(f"  {json.dumps(key)}: {json.dumps(getattr(summary, key))},\n")
        self.write('  "segments": ')
        self._write_spooled_list(self.spool)
        terms = [term.to_dict() for term in summary.applied_terms]
        self.write(',\n  "terms": ' + _indented(terms, 2).lstrip())
        self.write(f',\n  "repairs": {summary.repairs},\n')
        self.write('  "decisions": ')
        self._write_spooled_list(self.decisions)
        self.write(',\n  "signature": ' + _indented(summary.signature, 2).lstrip() + "\n}\n")

    def _write_spooled_list(self, spool) -> None:
        spool.seek(0)
        first = spool.readline()
        if not first:
            self.write("[]")
            spool.close()
            return
        self.write("[\n" + _indented(json.loads(first), 4))
        for line in spool:
            self.write(",\n" + _indented(json.loads(line), 4))
        self.write("\n  ]")
        spool.close()


def _indented(value, indent: int) -> str:
    """json.dumps(indent=2) of a value nested `indent` spaces deep."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "\n".join(" " * indent + line for line in text.splitlines())


_WRITERS = {"text": _TextWriter, "bilingual": _BilingualWriter, "json": _JsonWriter}
