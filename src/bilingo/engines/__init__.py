"""Translation engines, found by name through the `bilingo.engines` entry-point group.

Every engine, the built-in `argos` and `none` included, is registered in its
Python package's metadata (the `[project.entry-points."bilingo.engines"]`
table of pyproject.toml: `name = "module:Class"`), so another package can add
an engine without touching bilingo. The protocol an engine follows and how to
register one: docs/engines.md.

available_engines() reads only the installed packages' metadata, and that
only when a package was installed or removed since the last run (what it
found is remembered: bilingo.engines.registry); an engine's module is
imported by get_engine when that engine is asked for. So `import
bilingo.engines` and listing the engines stay cheap, and CTranslate2 and
SentencePiece are loaded only when the argos engine is used.
"""

from __future__ import annotations

from bilingo.engines.base import Engine
from bilingo.engines.registry import ENTRY_POINT_GROUP, EngineInfo, load_target, registered
from bilingo.errors import BilingoError, EngineError, UnknownEngineError


def available_engines() -> list[EngineInfo]:
    """Every registered engine, sorted by name, without importing any engine module.

    When two installed packages register the same name, the one found first
    on sys.path is used and listed (as importlib.metadata resolves names).
    """
    return sorted(registered().values(), key=lambda e: e.name)


def engine_names() -> list[str]:
    """The names `get_engine` accepts, sorted."""
    return sorted(registered())


def get_engine(name: str, source_lang: str, target_lang: str, **options: object) -> Engine:
    """Create the engine registered as `name` for a language pair.

    Options go to the engine's constructor (argos: threads, compute_type,
    beam_size, model). Raises UnknownEngineError (a UsageError whose details
    hold the `available` names) for a name nobody registers; EngineError
    naming the plugin when its module cannot be imported or its constructor
    fails with anything but a BilingoError; and the engine's own BilingoError
    when it cannot start (argos: ModelNotInstalled, ModelError).
    """
    engines = registered()
    info = engines.get(name)
    if info is None:
        if not engines:
            raise _nothing_registered()
        raise UnknownEngineError(name, sorted(engines))
    engine_class = _load(info)
    return _start(engine_class, info, source_lang, target_lang, options)


def _load(info: EngineInfo):
    """The engine class; any failure to import it becomes an EngineError naming the plugin."""
    try:
        return load_target(info.target)
    except Exception as error:  # a plugin's import may raise anything
        raise EngineError(
            f"the engine {info.name!r} ({info.registered_by}) cannot be loaded from "
            f"{info.target}: {_one_line(error)}",
            remedy="fix-engine-plugin",
            engine=info.name,
            distribution=info.distribution,
            version=info.version,
        ) from error


def _start(engine_class, info: EngineInfo, source_lang: str, target_lang: str, options: dict):
    """An engine instance; a constructor's unexpected failure becomes an EngineError."""
    try:
        engine = engine_class(source_lang, target_lang, **options)
    except BilingoError:
        raise  # the engine says itself what is wrong (argos: no model installed)
    except Exception as error:
        raise _not_started(info, _one_line(error)) from error
    if not callable(getattr(engine, "translate_batch", None)):
        raise _not_started(info, f"{info.target} has no translate_batch method")
    return engine


def _not_started(info: EngineInfo, why: str) -> EngineError:
    return EngineError(
        f"the engine {info.name!r} ({info.registered_by}) could not be started: {why}",
        engine=info.name,
        distribution=info.distribution,
        version=info.version,
    )


def _nothing_registered() -> EngineError:
    return EngineError(
        "no translation engine is registered, not even argos and none: bilingo's package "
        "metadata, which lists them, is missing (bilingo runs from a folder it was not "
        "installed from)"
    )


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


__all__ = [
    "ENTRY_POINT_GROUP",
    "Engine",
    "EngineInfo",
    "available_engines",
    "engine_names",
    "get_engine",
]
