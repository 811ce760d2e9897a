"""Translation engines, found by name through the `bilingo.engines` entry-point group.

Every engine, the built-in `argos` and `none` included, is registered in its
Python package's metadata (the `[project.entry-points."bilingo.engines"]`
table of pyproject.toml: `name = "module:Class"`), so another package can add
an engine without touching bilingo. The protocol an engine follows and how to
register one: docs/engines.md.

available_engines() reads only the installed packages' metadata; an engine's
module is imported by get_engine when that engine is asked for. So
`import bilingo.engines` and listing the engines stay cheap, and CTranslate2
and SentencePiece are loaded only when the argos engine is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingo.engines.base import Engine
from bilingo.errors import BilingoError, EngineError, UnknownEngineError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

ENTRY_POINT_GROUP = "bilingo.engines"


@dataclass(frozen=True)
class EngineInfo:
    """A registered engine as its package's metadata declares it (nothing is imported)."""

    name: str  # what `--engine` takes
    distribution: str  # the Python package that registers it, e.g. "bilingo"
    version: str  # that package's version
    target: str  # where the engine class is, "module:Class"

    @property
    def registered_by(self) -> str:
        return f"{self.distribution} {self.version}".strip() or "an unknown package"


def available_engines() -> list[EngineInfo]:
    """Every registered engine, sorted by name, without importing any engine module.

    When two installed packages register the same name, the one found first
    on sys.path is used and listed (as importlib.metadata resolves names).
    """
    return sorted((_info(entry) for entry in _registered().values()), key=lambda e: e.name)


def engine_names() -> list[str]:
    """The names `get_engine` accepts, sorted."""
    return sorted(_registered())


def get_engine(name: str, source_lang: str, target_lang: str, **options: object) -> Engine:
    """Create the engine registered as `name` for a language pair.

    Options go to the engine's constructor (argos: threads, compute_type,
    beam_size, model). Raises UnknownEngineError (a UsageError whose details
    hold the `available` names) for a name nobody registers; EngineError
    naming the plugin when its module cannot be imported or its constructor
    fails with anything but a BilingoError; and the engine's own BilingoError
    when it cannot start (argos: ModelNotInstalled, ModelError).
    """
    registered = _registered()
    entry = registered.get(name)
    if entry is None:
        if not registered:
            raise _nothing_registered()
        raise UnknownEngineError(name, sorted(registered))
    info = _info(entry)
    engine_class = _load(entry, info)
    return _start(engine_class, info, source_lang, target_lang, options)


def _registered() -> dict[str, EntryPoint]:
    """Registered engines by name; the first registration of a name wins."""
    # Imported here: importlib.metadata costs ~15 ms that most commands never need.
    from importlib.metadata import entry_points

    found: dict[str, EntryPoint] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(entry.name, entry)
    return found


def _info(entry: EntryPoint) -> EngineInfo:
    dist = entry.dist
    return EngineInfo(
        name=entry.name,
        distribution=dist.name if dist is not None else "",
        version=dist.version if dist is not None else "",
        target=entry.value,
    )


def _load(entry: EntryPoint, info: EngineInfo):
    """The engine class; any failure to import it becomes an EngineError naming the plugin."""
    try:
        return entry.load()
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
