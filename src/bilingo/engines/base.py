"""The engine protocol: a named translator for one language pair, sentences in, sentences out."""

from __future__ import annotations


class Engine:
    """Base class of translation engines.

    Attributes:
        name: the engine's name as the user gives it (`--engine NAME`).
        source_lang: language code of the input sentences, e.g. "ko".
        target_lang: language code of the output sentences, e.g. "en".
    """

    name: str = ""
    source_lang: str = ""
    target_lang: str = ""
    # True when translate_batch honours target_prefixes; the repair step then
    # re-decodes a sentence that dropped a glossary term, forced up to the term.
    supports_prefix: bool = False

    def translate_batch(
        self, sentences: list[str], target_prefixes: list[str] | None = None
    ) -> list[str]:
        """Translate every sentence (one output per input, same order).

        Pass all sentences of a document in one call: engines batch them.
        target_prefixes, when given, holds one string per sentence ("" for none)
        that the translation must start with; engines that cannot force a prefix
        ignore it.
        """
        raise NotImplementedError

    def describe(self) -> dict:
        """What produced a translation, for the reproducibility signature."""
        return {
            "engine": self.name,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
        }
