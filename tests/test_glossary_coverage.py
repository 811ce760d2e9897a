"""The built-in glossary finds its entries in running news text, particles and spacing and all.

tests/data/glossary_coverage holds news-style sentences of our own, one file
per part of the glossary, each naming the headwords the built-in glossary
must find in it (issue 11: a sample of the entries, in running text).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bilingo import find_terms, load_glossary

COVERAGE = Path(__file__).parent / "data" / "glossary_coverage"


def _sentences() -> list[tuple[str, str, list[str]]]:
    found = []
    for path in sorted(COVERAGE.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found.append((path.stem, entry["text"], list(entry["expect"])))
    return found


SENTENCES = _sentences()


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_the_sample_is_large_and_spread_over_the_glossary():
    assert len(SENTENCES) >= 200
    assert len({part for part, _, _ in SENTENCES}) >= 4


@pytest.mark.parametrize(
    "text, expected", [(text, expected) for _, text, expected in SENTENCES], ids=str
)
def test_every_expected_entry_is_found(glossary, text, expected):
    found = {match.term.ko for match in find_terms(text, glossary)}
    assert not set(expected) - found, f"not found: {sorted(set(expected) - found)}"
