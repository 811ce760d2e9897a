"""Names a package offers but imports only when first used (PEP 562's module __getattr__).

`bilingo translate` and `bilingo scan` read the compiled cache and need
neither the YAML reader nor the extractor: the packages that hold those
offer their names through `lazy_names`, so importing the package costs only
what its callers use. `import_deferring` does the like for a library bilingo
does not own: ctranslate2 imports asyncio (a third of its import time) for a
class bilingo never uses.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable


def lazy_names(package: str, modules: dict[str, str]) -> Callable[[str], object]:
    """A module __getattr__ for `package`: each name of `modules` (name -> the module that
    defines it, relative to the package: ".store") imported when first asked for, then
    kept in the package so later lookups skip this function."""

    def __getattr__(name: str):
        try:
            module = modules[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(module, package), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__


class _ModuleOnFirstUse(types.ModuleType):
    """Stands in for a module that is not imported yet: the first name read from it imports
    the real module (which then serves every later read too)."""

    def __init__(self, name: str):
        super().__init__(name)
        self.__dict__["_real"] = None

    def __getattr__(self, attribute: str):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        real = self.__dict__["_real"]
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = self.__dict__["_real"] = importlib.import_module(self.__name__)
        return getattr(real, attribute)


def import_deferring(module: str, unused: tuple[str, ...]) -> types.ModuleType:
    """Import `module`, letting it bind the modules of `unused` (top-level modules it
    imports at its top but uses only inside functions bilingo never calls) to stand-ins
    that import the real module when first used.

    Only `module`'s own import sees a stand-in: it leaves sys.modules when the import
    is done, so anything importing those modules later gets the real ones. A module
    imported already is used as it is.
    """
    if module in sys.modules:
        return sys.modules[module]
    stand_ins = {}
    for name in unused:
        if name not in sys.modules:
            stand_ins[name] = sys.modules[name] = _ModuleOnFirstUse(name)
    try:
        return importlib.import_module(module)
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
