"""bilingo: a Korean-English glossary and offline translation aid.

    >>> import bilingo
    >>> glossary = bilingo.load_glossary()
    >>> [term.en for term in glossary.lookup("엔비디아가")]
    ['Nvidia']
    >>> [m.term.en for m in bilingo.find_terms("딥시크의 하이퍼스케일러들은", glossary)]
    ['DeepSeek', 'hyperscaler']
    >>> bilingo.translate("딥시크의 개발비는 557만6000달러였다.", glossary, engine="none").text
    'DeepSeek의 개발비는 $5.576 million였다.'

The public API, all of which the `bilingo` command is a thin layer over:

- glossaries: load_glossary, check_glossary, Glossary (lookup, suggest, add,
  update, remove, stats, matcher), Term, TermType, Match, find_terms
- translation: translate (text), translate_file, translate_folder,
  TranslationResult; engines: available_engines, get_engine, Engine
- translator's tools: check (terminology QA), extract (proposed entries),
  import_terms, merge_into, export_tbx, export_table
- models: the bilingo.models module (list_models, install_from_file,
  install_from_index, remove_model, ...)
- errors: BilingoError and its children in bilingo.errors; each carries its
  data and a `remedy` key rather than command-line advice

Everything but the errors is imported on first use, so `import bilingo`
stays cheap (`bilingo --help` loads no glossary code) and `bilingo lookup`
never loads CTranslate2.
Importing or calling the library changes no process-wide state. See
docs/design.md for the layout and the contracts.
"""

from __future__ import annotations

import importlib

from .errors import BilingoError, GlossaryError, ModelNotInstalled
from .version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from .terms import Match

# name -> (module, attribute): imported when first used.
_LAZY = {
    "Match": ("bilingo.terms", "Match"),
    "Term": ("bilingo.terms", "Term"),
    "TermType": ("bilingo.terms", "TermType"),
    "Glossary": ("bilingo.glossary", "Glossary"),
    "load_glossary": ("bilingo.glossary", "load_glossary"),
    "check_glossary": ("bilingo.glossary", "check_glossary"),
    "translate": ("bilingo.translation", "translate_text"),
    "translate_file": ("bilingo.translation", "translate_file"),
    "translate_folder": ("bilingo.translation", "translate_folder"),
    "TranslationResult": ("bilingo.translation", "TranslationResult"),
    "available_engines": ("bilingo.engines", "available_engines"),
    "get_engine": ("bilingo.engines", "get_engine"),
    "Engine": ("bilingo.engines", "Engine"),
    "check": ("bilingo.qa", "check"),
    "extract": ("bilingo.extraction", "extract"),
    "import_terms": ("bilingo.formats", "import_terms"),
    "merge_into": ("bilingo.formats", "merge_into"),
    "export_tbx": ("bilingo.formats", "export_tbx"),
    "export_table": ("bilingo.formats", "export_table"),
}


def __getattr__(name: str):
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'bilingo' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value  # later lookups skip this function
    return value


def find_terms(text: str, glossary=None) -> list[Match]:
    """Every glossary term in Korean `text`, particles allowed (the default glossary if none)."""
    if glossary is None:
        glossary = __getattr__("load_glossary")()
    return glossary.matcher().find(text)


__all__ = [
    "BilingoError",
    "Engine",
    "Glossary",
    "GlossaryError",
    "Match",
    "ModelNotInstalled",
    "Term",
    "TermType",
    "TranslationResult",
    "__version__",
    "available_engines",
    "check",
    "check_glossary",
    "export_table",
    "export_tbx",
    "extract",
    "find_terms",
    "get_engine",
    "import_terms",
    "load_glossary",
    "merge_into",
    "translate",
    "translate_file",
    "translate_folder",
]
