"""The automaton as the compiled cache stores it: its nodes as bytes, rebuilt without pickle."""

from __future__ import annotations

import ahocorasick
import pytest

from bilingo.glossary.automaton_file import automaton_blocks, automaton_from_blocks

WORDS = ["딥시크", "딥시크의", "엔비디아", "하이퍼스케일러", "마크 앤드리센", "앤드리센"]
TEXT = "딥시크의 하이퍼스케일러들은 엔비디아가 아니라 마크 앤드리센에게 물었다"


def automaton_of(words: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for number, word in enumerate(words):
        automaton.add_word(word, number * 7 + 3)
    if words:
        automaton.make_automaton()
    return automaton


def stored(automaton: ahocorasick.Automaton) -> tuple[bytes, dict]:
    """The automaton as the cache stores it: its blocks end to end, and their description."""
    blocks, shape = automaton_blocks(automaton)
    return b"".join(blocks), shape


def test_the_rebuilt_automaton_finds_what_the_original_finds():
    original = automaton_of(WORDS)
    rebuilt = automaton_from_blocks(*stored(original))

    assert len(rebuilt) == len(WORDS)
    assert list(rebuilt.iter(TEXT)) == list(original.iter(TEXT))
    assert list(rebuilt.iter_long(TEXT)) == list(original.iter_long(TEXT))
    assert sorted(rebuilt.items()) == sorted(original.items())


def test_a_large_automaton_spans_several_blocks_and_round_trips():
    words = [f"{number:07d}딥시크" for number in range(120_000)]  # > 16 MiB of nodes
    original = automaton_of(words)
    data, shape = stored(original)
    rebuilt = automaton_from_blocks(data, shape)

    assert len(shape["blocks"]) > 1
    text = " ".join(words[::997])
    assert list(rebuilt.iter_long(text)) == list(original.iter_long(text))
    assert [rebuilt.get(word) for word in words[-3:]] == [original.get(w) for w in words[-3:]]


def test_an_automaton_without_keys_round_trips_as_empty():
    data, shape = stored(automaton_of([]))
    rebuilt = automaton_from_blocks(data, shape)
    assert (data, len(rebuilt), rebuilt.kind) == (b"", 0, ahocorasick.EMPTY)


def test_an_automaton_of_python_objects_is_refused_when_saving():
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    automaton.add_word("딥시크", object())
    automaton.make_automaton()
    with pytest.raises(TypeError):
        automaton_blocks(automaton)


def _cut(data: bytes, shape: dict) -> tuple[bytes, dict]:
    return data[:-40], {**shape, "blocks": [shape["blocks"][0] - 40]}


@pytest.mark.parametrize(
    "damage",
    [
        lambda data, shape: (data[:-1], shape),  # shorter than its blocks
        lambda data, shape: (data, {**shape, "blocks": [len(data), 0]}),  # a block too small
        lambda data, shape: (data, {**shape, "blocks": "all"}),
        lambda data, shape: (data, {**shape, "words": "6"}),
        lambda data, shape: (data, {**shape, "longest": -1}),
        lambda data, shape: (data, {**shape, "words": 0}),  # words but no count
        _cut,  # sizes agreeing with cut-short nodes: pyahocorasick's own check
        lambda data, shape: (b"\xff" * len(data), shape),  # links to nodes that do not exist
    ],
    ids=[
        "short",
        "tiny block",
        "not a list",
        "words as text",
        "negative longest",
        "no words",
        "nodes cut short",
        "garbage",
    ],
)
def test_blocks_that_do_not_fit_their_description_raise_value_error(damage):
    data, shape = damage(*stored(automaton_of(WORDS)))
    with pytest.raises(ValueError):
        automaton_from_blocks(data, shape)
