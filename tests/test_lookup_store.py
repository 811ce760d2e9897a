"""The compiled cache's lookup part: `bilingo lookup` answers from a few rows of a SQLite file,
exactly as the loaded glossary would, and any damage means the glossary answers and a rebuild."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from bilingo.glossary.load import load_glossary, lookup_source
from bilingo.glossary.lookup_store import LookupStore
from bilingo.paths import cache_dir

from .conftest import run_bilingo

PARTICLES = ("", "의", "가", "는", "에서는", "까지", "들은")


def stored_part() -> Path:
    (path,) = cache_dir().glob("lookup-*.sqlite")
    return path


def sample_queries(glossary, count: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """Korean and English queries drawn from the glossary: hits with particles, variants,
    casing changes, and near misses (a letter dropped or doubled), which ask for suggestions."""
    rng = random.Random(seed)
    terms = rng.sample(list(glossary), count)
    korean, english = [], []
    for term in terms:
        spelling = rng.choice([term.ko, *term.variants])
        korean.append(spelling + rng.choice(PARTICLES))
        korean.append(spelling[:-1] or spelling + "크")  # mostly a miss
        english.append(rng.choice([term.en, term.en.upper(), *term.en_variants]))
        english.append(term.en[:-1] + "zz")  # a miss
    return korean, english


def answers(source, korean: list[str], english: list[str]) -> list:
    found = [[t.to_dict() for t in source.lookup(q)] for q in korean]
    found += [[t.to_dict() for t in source.lookup(q, reverse=True)] for q in english]
    hints = [source.suggest(q) for q in korean] + [source.suggest(q, reverse=True) for q in english]
    return found + hints


def test_the_stored_part_answers_as_the_built_in_glossary_does():
    glossary = lookup_source()  # no part yet: the glossary answers and stores it
    assert not isinstance(glossary, LookupStore)
    store = lookup_source()
    assert isinstance(store, LookupStore)
    korean, english = sample_queries(load_glossary(), 150)
    expected = answers(load_glossary(), korean, english)
    assert any(expected[: len(korean)]) and not all(expected[: len(korean)])  # hits and misses
    assert answers(store, korean, english) == expected


def test_the_command_prints_the_same_from_the_stored_part(sample_glossary):
    commands = [
        ("lookup", "딥시크의", "-g", sample_glossary),
        ("lookup", "nvidia", "--reverse", "-g", sample_glossary, "-f", "json"),
        ("lookup", "딥시", "-g", sample_glossary),  # not found: did you mean
        ("lookup", "DeepSeek", "-g", sample_glossary),  # English without --reverse
    ]
    first = [run_bilingo(*command) for command in commands]  # the first builds the part
    assert stored_part().exists()
    again = [run_bilingo(*command) for command in commands]
    assert [(r.returncode, r.stdout, r.stderr) for r in again] == [
        (r.returncode, r.stdout, r.stderr) for r in first
    ]
    assert first[0].returncode == 0 and b"DeepSeek" in first[0].stdout
    assert first[2].returncode == 1 and b"did you mean: " in first[2].stderr


def test_an_edited_glossary_is_never_answered_from_an_old_part(sample_glossary):
    run_bilingo("lookup", "딥시크", "-g", sample_glossary)
    path = sample_glossary / "ai.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("  - ko: 새단어\n    en: new word\n")
    result = run_bilingo("lookup", "새단어는", "-g", sample_glossary)
    assert result.returncode == 0 and b"new word" in result.stdout


def _sql(statement: str):
    def damage() -> None:
        connection = sqlite3.connect(stored_part())
        connection.execute(statement)
        connection.commit()
        connection.close()

    return damage


DAMAGE = {
    "garbage bytes": lambda: stored_part().write_bytes(b"\x80 not sqlite \xff" * 100),
    "empty file": lambda: stored_part().write_bytes(b""),
    "another key": _sql("UPDATE meta SET key = '000000000000000000000000'"),
    "an older format": _sql("UPDATE meta SET format = 1"),
    "a blob for a string": _sql("UPDATE rows SET en = X'80ff'"),
    "an unknown type value": _sql("UPDATE rows SET type = 'planet'"),
    "variants not a list": _sql("UPDATE rows SET variants = '\"딥 시크\"'"),
    "an index pointing past the rows": _sql("UPDATE korean SET n = n + 100000"),
    "a table missing": _sql("DROP TABLE columns"),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_part_is_rebuilt_with_a_warning(sample_glossary, damage, cli):
    queries = ("딥시크의", "딥시")  # a hit, then a miss that reads the suggestion keys

    def lookups() -> list[tuple]:
        found = [cli("lookup", query, "-g", sample_glossary) for query in queries]
        return [(result.exit_code, result.stdout, result.stderr) for result in found]

    lookups()  # stores the part
    expected = lookups()  # answered from it
    DAMAGE[damage]()
    got = lookups()
    assert "warning: ignoring unreadable cache" in got[0][2] + got[1][2]
    assert [answer[:2] for answer in got] == [answer[:2] for answer in expected]
    assert lookups() == expected  # rebuilt: the next run is quiet and still right
