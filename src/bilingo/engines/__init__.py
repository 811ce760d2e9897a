"""Translation engines, looked up by name and imported only when asked for.

`import bilingo.engines` stays cheap: CTranslate2 and SentencePiece are loaded by
the argos engine's module, which is imported the first time it is requested.
"""

from __future__ import annotations

import importlib

from bilingo.engines.base import Engine
from bilingo.errors import UsageError

ENGINE_NAMES = ("argos", "none")

# name -> (module, class); modules are imported lazily by get_engine
_ENGINE_CLASSES = {
    "argos": ("bilingo.engines.argos", "ArgosEngine"),
    "none": ("bilingo.engines.none", "NoneEngine"),
}


def get_engine(name: str, source_lang: str, target_lang: str, **options: object) -> Engine:
    """Create the engine called `name` for a language pair.

    Options go to the engine's constructor (for argos: threads, compute_type,
    beam_size, model). Raises UsageError for an unknown name, and whatever the
    engine raises when it cannot start (argos: ModelNotInstalled, ModelError).
    """
    try:
        module_name, class_name = _ENGINE_CLASSES[name]
    except KeyError:
        raise UsageError(
            f"unknown engine {name!r}; choose one of: {', '.join(ENGINE_NAMES)}"
        ) from None
    engine_class = getattr(importlib.import_module(module_name), class_name)
    return engine_class(source_lang, target_lang, **options)


__all__ = ["ENGINE_NAMES", "Engine", "get_engine"]
