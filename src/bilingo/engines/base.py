"""The engine protocol: a named translator for one language pair, sentences in, sentences out.

Engines are found through the `bilingo.engines` entry-point group
(bilingo.engines.get_engine). An engine need not subclass Engine, but it must
have what Engine has: the constructor signature, the four attributes,
translate_batch and describe. docs/engines.md explains the protocol for
authors of third-party engines, with a complete example.

An engine that translates in threads of its own may also have
`start_batch(sentences, target_prefixes=None)`, which starts translating and
returns at once a function that waits for translate_batch's outputs (argos
has it): the pipeline then prepares a document's other sentences while its
first ones are translated. Engines without it get the whole document in one
translate_batch call.
"""

from __future__ import annotations


class Engine:
    """Base class of translation engines.

    Constructed as `EngineClass(source_lang, target_lang, **options)`.

    Attributes:
        name: the engine's name as the user gives it (`--engine NAME`); the
            same name the engine is registered under.
        source_lang: language code of the input sentences, e.g. "ko".
        target_lang: language code of the output sentences, e.g. "en".
        supports_prefix: True when translate_batch honours target_prefixes.
    """

    name: str = ""
    source_lang: str = ""
    target_lang: str = ""
    # When True, the repair step re-decodes a sentence that dropped a glossary
    # term, forced up to the term (see translate_batch's target_prefixes).
    supports_prefix: bool = False

    def __init__(self, source_lang: str = "", target_lang: str = "", **options: object):
        """options: the engine's own settings. The command line passes `threads` and
        `compute_type` to every engine, so an engine ignores options it does not use
        (as this one does). Raise a bilingo.errors.BilingoError when the engine
        cannot start (a missing model, a missing key): its message is shown as is.

        get_engine always passes the pair; an engine made by hand for one fixed
        pair may set source_lang and target_lang as class attributes instead and
        be created with no arguments."""
        if source_lang:
            self.source_lang = source_lang
        if target_lang:
            self.target_lang = target_lang

    def translate_batch(
        self, sentences: list[str], target_prefixes: list[str] | None = None
    ) -> list[str]:
        """Translate every sentence (one output per input, same order).

        Pass all sentences of a document in one call: engines batch them.
        A sentence may be empty; it still gets an output (normally "").
        target_prefixes, when given, holds one string per sentence ("" for none)
        that the translation must start with; engines that cannot force a prefix
        (supports_prefix False) ignore it.
        """
        raise NotImplementedError

    def describe(self) -> dict:
        """What produced a translation, for the reproducibility signature.

        At least engine, source_lang and target_lang; an engine adds what else
        changes its output (a model's name and version, a beam size).
        """
        return {
            "engine": self.name,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
        }
