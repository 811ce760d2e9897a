"""Two rich modules typer's help imports but bilingo's help never uses, loaded only if used.

typer formats help and usage errors with typer.rich_utils, which imports
rich.markdown (with markdown-it and, through rich.syntax, pygments) and
rich.traceback at its top: about a third of `bilingo --help`'s time. Their
classes serve the "markdown" markup mode and pretty tracebacks, and bilingo
uses neither (markup mode "rich", pretty exceptions off). After `defer()`,
importing either module gives a stand-in; a stand-in's class or any other
name, when first really used, imports the real module, which then takes the
stand-in's place. Commands that never format help import neither, and pay
nothing. Only the `bilingo` console script calls `defer()`, in its own
process, before typer is imported.
"""

from __future__ import annotations

import importlib
import sys
import types
from importlib.machinery import ModuleSpec

# module -> the class typer.rich_utils imports from it
DEFERRED = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}


def defer() -> None:
    """From now on, importing a module of DEFERRED (not imported yet) gives its stand-in."""
    if not any(isinstance(finder, _StandInFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _StandInFinder())


class _StandInFinder:
    """Finds a stand-in for each module of DEFERRED, until the real one is asked for."""

    real: set[str] = set()  # modules imported for real since

    def find_spec(self, name: str, path=None, target=None) -> ModuleSpec | None:
        if name in DEFERRED and name not in self.real:
            return ModuleSpec(name, self)
        return None

    def create_module(self, spec: ModuleSpec) -> types.ModuleType:
        return _StandIn(spec.name, DEFERRED[spec.name])

    def exec_module(self, module: types.ModuleType) -> None:
        pass


def _real(name: str) -> types.ModuleType:
    """The real module, imported in the stand-in's place."""
    if isinstance(sys.modules.get(name), _StandIn):
        _StandInFinder.real.add(name)
        del sys.modules[name]
        module = importlib.import_module(name)
        parent, _, child = name.rpartition(".")
        setattr(sys.modules[parent], child, module)
    return sys.modules[name]


class _StandIn(types.ModuleType):
    """A module whose names are looked up in the real one, imported then."""

    def __init__(self, name: str, class_name: str):
        super().__init__(name)
        setattr(self, class_name, _DeferredClass(class_name, (), {"_module": name}))

    def __getattr__(self, attribute: str):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(_real(self.__name__), attribute)


class _DeferredClass(type):
    """Stands in for a class: calling it or reading a name from it uses the real class.

    Being a class itself, it serves in annotations (`Markdown | Text`); dunder names
    are not forwarded, so typing's look-ups import nothing.
    """

    def __call__(cls, *args, **kwargs):
        return cls._target()(*args, **kwargs)

    def __getattr__(cls, attribute: str):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(cls._target(), attribute)

    def _target(cls):
        return getattr(_real(cls._module), cls.__name__)
