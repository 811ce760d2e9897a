"""Parsed files: each glossary file parsed once per version of its contents, built-in ones shipped."""

from __future__ import annotations

import json
import warnings

import pytest

from bilingo import load_glossary
from bilingo.errors import BilingoWarning, GlossaryProblems
from bilingo.glossary import parsed_files
from bilingo.glossary.locations import default_glossary_dir
from bilingo.glossary.parsed_files import SHIPPED_FOLDER, contents_key, part_path
from bilingo.paths import cache_dir

from .conftest import written

ENTRY = "terms:\n  - ko: {ko}\n    en: {en}\n    type: org\n"


@pytest.fixture
def parse_count(monkeypatch):
    """How many times each file was parsed from YAML (by path name)."""
    counts: dict[str, int] = {}

    def counted(real):
        def counting(path, data=None):
            counts[path.name] = counts.get(path.name, 0) + 1
            return real(path, data)

        return counting

    for reader in ("read_glossary_file", "read_glossary_rows"):  # as Terms, or as a load's rows
        monkeypatch.setattr(parsed_files, reader, counted(getattr(parsed_files, reader)))
    return counts


def test_every_builtin_file_ships_its_current_part():
    folder = default_glossary_dir() / SHIPPED_FOLDER
    expected = {
        part_path(folder, contents_key(path.read_bytes())).name: path.name
        for path in default_glossary_dir().glob("*.yaml")
    }
    shipped = {path.name for path in folder.glob("file-*.json")}
    refresh = "run `python -m bilingo.glossary.shipped` after changing the built-in glossary"
    assert set(expected) <= shipped, f"{refresh}: stale for " + ", ".join(
        expected[name] for name in set(expected) - shipped
    )
    assert shipped <= set(expected), f"{refresh}: parts of no current file are left"


def test_a_cold_load_parses_no_builtin_yaml_and_gives_the_same_glossary(parse_count):
    assert not (cache_dir() / "files").exists()
    from_parts = load_glossary()
    assert parse_count == {}
    parsed = load_glossary(use_cache=False)
    assert from_parts.compiled() == parsed.compiled()  # rows, paths and lines alike
    assert from_parts.get("딥시크").path == str(default_glossary_dir() / "companies.yaml")


def test_an_edit_reparses_only_the_file_that_changed(tmp_path, parse_count):
    first = written(tmp_path, ENTRY.format(ko="딥시크", en="DeepSeek"), "a.yaml")
    second = written(tmp_path, ENTRY.format(ko="엔비디아", en="Nvidia"), "b.yaml")
    assert len(load_glossary([first, second])) == 2
    assert parse_count == {"a.yaml": 1, "b.yaml": 1}
    written(tmp_path, ENTRY.format(ko="엔비디아", en="NVIDIA"), "b.yaml")
    glossary = load_glossary([first, second])
    assert parse_count == {"a.yaml": 1, "b.yaml": 2}
    assert glossary.get("엔비디아").en == "NVIDIA"
    assert glossary.get("딥시크").line == 2


def test_the_same_contents_elsewhere_are_named_by_their_own_path(tmp_path, parse_count):
    text = ENTRY.format(ko="딥시크", en="DeepSeek")
    (tmp_path / "x").mkdir()
    load_glossary([written(tmp_path, text)])
    moved = written(tmp_path / "x", text)
    assert load_glossary([moved]).get("딥시크").path == str(moved)
    assert parse_count == {"g.yaml": 1}


def test_a_file_with_problems_is_reported_on_every_load(tmp_path, parse_count):
    broken = written(tmp_path, "terms:\n  - ko: 딥시크\n")  # no en
    for _ in range(2):
        with pytest.raises(GlossaryProblems) as raised:
            load_glossary([broken])
        assert "g.yaml:2" in str(raised.value)
    assert parse_count == {"g.yaml": 2}
    assert not list((cache_dir() / "files").glob("*.json"))


def test_a_damaged_part_is_reported_once_and_the_file_parsed(tmp_path, parse_count):
    glossary_file = written(tmp_path, ENTRY.format(ko="딥시크", en="DeepSeek"))
    load_glossary([glossary_file], use_cache=True)
    (part,) = (cache_dir() / "files").glob("*.json")
    data = json.loads(part.read_text(encoding="utf-8"))
    data["columns"]["en"] = [7]  # not a string: never trusted
    part.write_text(json.dumps(data), encoding="utf-8")
    for cached in cache_dir().glob("rows-*.json"):
        cached.unlink()  # so the load reaches the part
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load_glossary([glossary_file]).get("딥시크").en == "DeepSeek"
    assert [str(w.message) for w in caught if w.category is BilingoWarning] == [
        f"ignoring unreadable cache {part} (a wrong type); rebuilding it"
    ]
    assert parse_count == {"g.yaml": 2}


def test_the_folder_keeps_only_the_most_recently_used_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(parsed_files, "KEEP_FILES", 2)
    for number in range(4):
        load_glossary([written(tmp_path, ENTRY.format(ko="딥시크", en=f"V{number}"))])
    assert len(list((cache_dir() / "files").glob("*.json"))) == 2


# ---------------------------------------------------------------- kept spacing alignments


def built_keys(glossary) -> list[tuple]:
    """Every key of a glossary's matcher with its row, length and flags."""
    automaton, key_values = glossary.matcher().automaton, glossary.matcher().key_values
    return sorted((key, key_values[number]) for key, number in automaton.items())


def test_the_shipped_alignments_are_current():
    from bilingo.glossary.cuts_memo import memo_path
    from bilingo.matcher import build_automaton
    from bilingo.spacing import PartFinder

    shipped = memo_path(default_glossary_dir() / SHIPPED_FOLDER)
    assert shipped.is_file(), "run `python -m bilingo.glossary.shipped` (spacing code changed?)"
    rows = load_glossary([default_glossary_dir()], use_cache=False).rows
    finder = PartFinder(rows)
    build_automaton(rows, finder)
    entries = json.loads(shipped.read_text(encoding="utf-8"))["entries"]
    kept = {(s, e, p, tuple(w)): tuple(c) for s, e, p, w, c in entries}
    assert kept == finder.english_cuts_used


def test_a_matcher_built_from_kept_alignments_is_the_one_worked_out():
    kept = load_glossary()
    assert len(built_keys(kept)) > len(kept)  # spaced keys are there
    assert built_keys(kept) == built_keys(load_glossary(use_cache=False))


def test_alignments_a_build_worked_out_are_kept_for_the_next(tmp_path, monkeypatch):
    from bilingo import spacing
    from bilingo.glossary.cuts_memo import memo_path

    # not in the built-in glossary, so no shipped answer covers it
    glossary_file = written(tmp_path, ENTRY.format(ko="스카이브리지", en="Sky Bridge"))
    first = load_glossary([glossary_file])
    assert first.matcher().find("스카이 브리지가")[0].term.ko == "스카이브리지"
    assert memo_path(cache_dir()).is_file()

    def never(*args):
        raise AssertionError("worked out again")

    monkeypatch.setattr(spacing, "english_cuts", never)
    for cached in cache_dir().glob("matcher-*"):
        cached.unlink()
    again = load_glossary([glossary_file])
    assert again.matcher().find("스카이 브리지가")[0].term.ko == "스카이브리지"


def test_a_damaged_alignment_file_is_reported_and_worked_out_again(tmp_path):
    from bilingo.glossary.cuts_memo import memo_path

    glossary_file = written(tmp_path, ENTRY.format(ko="스카이브리지", en="Sky Bridge"))
    load_glossary([glossary_file]).matcher()
    memo = memo_path(cache_dir())
    data = json.loads(memo.read_text(encoding="utf-8"))
    data["entries"][0][4] = [99]  # a cut outside the spelling
    memo.write_text(json.dumps(data), encoding="utf-8")
    for cached in cache_dir().glob("matcher-*"):
        cached.unlink()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = load_glossary([glossary_file]).matcher().find("스카이 브리지가")
    assert [m.term.ko for m in found] == ["스카이브리지"]
    assert [str(w.message) for w in caught if w.category is BilingoWarning] == [
        f"ignoring unreadable cache {memo} (a cut out of range); rebuilding it"
    ]
