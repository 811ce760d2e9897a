"""The `none` engine: glossary and number rules only; sentences come back unchanged."""

from __future__ import annotations

from bilingo.engines.base import Engine


class NoneEngine(Engine):
    """Returns each sentence as given (the caller has already applied the glossary)."""

    name = "none"

    def translate_batch(
        self, sentences: list[str], target_prefixes: list[str] | None = None
    ) -> list[str]:
        return list(sentences)
