"""Regular expressions compiled when first used (the reader's take about 20 ms to compile)."""

from __future__ import annotations

import re


class LazyPattern:
    """A regular expression compiled when first used. This module's patterns take about
    20 ms to compile, which a command that reads no YAML (a warm lookup) should not pay."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0):
        self._source, self._flags, self._compiled = source, flags, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, name)
