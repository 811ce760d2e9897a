"""Names a package offers but imports only when first used (PEP 562's module __getattr__).

`bilingo translate` and `bilingo scan` read the compiled cache and need
neither the YAML reader nor the extractor: the packages that hold those
offer their names through `lazy_names`, so importing the package costs only
what its callers use.
"""

from __future__ import annotations

import importlib
import sys
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
