"""bilingo: a Korean-English glossary and offline translation aid.

    >>> import bilingo
    >>> glossary = bilingo.load_glossary()
    >>> [term.en for term in glossary.lookup("엔비디아가")]
    ['Nvidia']
    >>> [m.term.en for m in bilingo.find_terms("딥시크의 하이퍼스케일러들은", glossary)]
    ['DeepSeek', 'hyperscaler']
    >>> bilingo.translate("딥시크의 개발비는 557만6000달러였다.", glossary, engine="none").text
    'DeepSeek의 개발비는 $5.576 million였다.'

The heavier parts (matcher, engines, translation) are imported on first use,
so `import bilingo` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import BilingoError, GlossaryError, ModelNotInstalled  # noqa: E402
from .glossary import Glossary, load_glossary  # noqa: E402
from .terms import Match, Term, TermType  # noqa: E402


def find_terms(text: str, glossary: Glossary | None = None) -> list[Match]:
    """Every glossary term in Korean `text`, particles allowed (the default glossary if none)."""
    from .matcher import find_terms as find

    return find(text, glossary)


def translate(
    text: str,
    glossary: Glossary | None = None,
    *,
    engine="argos",
    source_lang: str = "ko",
    target_lang: str = "en",
    **engine_options,
):
    """Translate `text` with the glossary enforced; returns a pipeline.TranslationResult.

    `engine` is an engine name ("argos", "none") or an Engine object;
    `glossary=None` loads the default glossary. engine_options go to the
    engine (argos: threads, compute_type, beam_size).
    """
    from .engines import get_engine
    from .pipeline import translate as run

    if isinstance(engine, str):
        engine = get_engine(engine, source_lang, target_lang, **engine_options)
    return run(text, glossary if glossary is not None else load_glossary(), engine)


__all__ = [
    "BilingoError",
    "Glossary",
    "GlossaryError",
    "Match",
    "ModelNotInstalled",
    "Term",
    "TermType",
    "__version__",
    "find_terms",
    "load_glossary",
    "translate",
]
