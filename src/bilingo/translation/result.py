"""What a translation returns, and its three output forms (text, bilingual, JSON).

TranslationResult.to_dict() is the JSON contract of `translate --format json`
(docs/design.md, "JSON shapes").
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

OUTPUT_FORMATS = ("text", "bilingual", "json")


@dataclass
class AppliedTerm:
    """A glossary term written into the source before MT, and how many times."""

    ko: str
    en: str
    count: int

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)  # {"ko", "en", "count"}: the JSON contract


@dataclass
class Segment:
    """One translated sentence: the source as written and its translation."""

    source: str
    target: str

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)  # {"source", "target"}: the JSON contract


@dataclass
class TranslationResult:
    """What translate() returns; to_dict() is the JSON contract."""

    text: str
    source_lang: str
    target_lang: str
    engine: str
    segments: list[Segment]
    applied_terms: list[AppliedTerm]
    repairs: int
    signature: dict
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (source, translation)
    decisions: list = field(default_factory=list)  # decisions.Decision, in document order
    notes: list[list[str]] = field(default_factory=list)  # per paragraph: skips and checks failed

    def to_dict(self) -> dict:
        return {
            "translation": self.text,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "engine": self.engine,
            "segments": [s.to_dict() for s in self.segments],
            "terms": [t.to_dict() for t in self.applied_terms],
            "repairs": self.repairs,
            "decisions": [d.to_dict() for d in self.decisions],
            "signature": self.signature,
        }

    def render(self, output_format: str = "text") -> str:
        """The result as plain text, source/translation paragraph pairs, or the JSON contract."""
        if output_format == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if output_format == "bilingual":
            return "\n\n".join(self.bilingual_blocks()) + "\n"
        if output_format == "text":
            return self.text
        raise ValueError(f"unknown output format {output_format!r}; one of {OUTPUT_FORMATS}")

    def bilingual_blocks(self) -> list[str]:
        """Each source paragraph, its translation, and a line per decision a reviewer should see:
        a hit skipped as another sense, a verified term the engine did not render."""
        notes = self.notes or [[] for _ in self.paragraphs]
        return [
            "\n".join([source, target, *paragraph_notes])
            for (source, target), paragraph_notes in zip(self.paragraphs, notes, strict=True)
            if source.strip()
        ]
