"""The matcher's automaton as the compiled cache stores it: its nodes as bytes, no pickle.

pyahocorasick's own file format (Automaton.save / ahocorasick.load) reads a
node at a time: 7 ms for the built-in glossary's 25,000 nodes, about 470 ms
at 200,000 keys. Its pickle support copies the nodes out in a few large
blocks of bytes and builds the automaton back from them in one constructor
call, 8 to 13 times faster. bilingo keeps those blocks, not the pickle: the
file holds the blocks end to end, and the matcher part's JSON their sizes and
the word count, so loading calls the constructor with bytes and integers
only; nothing in the cache is ever unpickled, and no stored value can be a
Python object (STORE_INTS is passed in, never read from the file).

The blocks follow pyahocorasick's C structs, which can change between
builds, so the part also names the build that wrote it (ahocorasick_build)
and is rebuilt under another. The constructor checks the blocks itself
(truncated nodes, links to missing nodes); the file's SHA-256 is checked
before that (bilingo.glossary.cache).
"""

from __future__ import annotations

from pathlib import Path

import ahocorasick

# The header of a block: how many nodes it holds (a C size_t).
BLOCK_HEADER_BYTES = 8


def ahocorasick_build() -> str:
    """Which pyahocorasick build wrote an automaton: its blocks follow the C structs."""
    library = Path(ahocorasick.__file__)
    stat = library.stat()
    return f"{library.name}:{stat.st_size}:{stat.st_mtime_ns}"


def automaton_blocks(automaton: ahocorasick.Automaton) -> tuple[list[bytes], dict]:
    """The automaton's nodes as blocks of bytes (to be stored end to end), and what
    rebuilding it needs besides (for the JSON)."""
    arguments = automaton.__reduce__()[1]
    if not arguments:  # an automaton without keys
        return [], {"blocks": [], "words": 0, "longest": 0}
    blocks, kind, store, key_type, words, longest, _values = arguments
    if (kind, store, key_type) != (
        ahocorasick.AHOCORASICK,
        ahocorasick.STORE_INTS,
        ahocorasick.KEY_STRING,
    ):
        raise TypeError("only searchable automata of text keys and integer values are stored")
    shape = {"blocks": [len(block) for block in blocks], "words": words, "longest": longest}
    return list(blocks), shape


def automaton_from_blocks(data: bytes, shape: dict) -> ahocorasick.Automaton:
    """The automaton automaton_blocks saw; ValueError when `data` and `shape` do not fit."""
    sizes, words, longest = shape["blocks"], shape["words"], shape["longest"]
    if not (
        type(sizes) is list
        and all(type(size) is int and size > BLOCK_HEADER_BYTES for size in sizes)
        and sum(sizes) == len(data)
        and type(words) is int
        and type(longest) is int
        and (words > 0) == bool(sizes)
        and longest >= 0
    ):
        raise ValueError("the automaton's blocks do not fit their description")
    if not sizes:
        return ahocorasick.Automaton(ahocorasick.STORE_INTS)
    blocks, start = [], 0
    for size in sizes:  # the constructor takes bytes only; one block (the usual case) is `data`
        blocks.append(data[start : start + size] if len(sizes) > 1 else data)
        start += size
    return ahocorasick.Automaton(
        blocks,
        ahocorasick.AHOCORASICK,
        ahocorasick.STORE_INTS,
        ahocorasick.KEY_STRING,
        words,
        longest,
        None,  # the values are integers inside the nodes: no list of Python objects
    )
