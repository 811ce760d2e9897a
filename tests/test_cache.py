"""The compiled cache: data-only files, never stale, bounded, and any damage means a rebuild."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import time
import warnings
from pathlib import Path

import pytest

from bilingo import load_glossary
from bilingo.errors import BilingoWarning
from bilingo.glossary import Glossary
from bilingo.glossary.cache import CACHE_FILE
from bilingo.paths import cache_dir

from .conftest import run_bilingo

PARTS = ("rows", "korean-index", "english-index", "matcher")


def warm_every_part(glossary_path: Path | None):
    """Load a glossary (None: the default one) and use every part, so each one is cached."""
    glossary = load_glossary([glossary_path] if glossary_path else None)
    glossary.lookup("딥시크")
    glossary.lookup("nvidia", reverse=True)
    glossary.matcher()
    glossary.fingerprint()
    return glossary


def assert_right_answers(glossary_path: Path) -> None:
    glossary = load_glossary([glossary_path])
    assert glossary.get("딥시크").en == "DeepSeek"
    assert [t.ko for t in glossary.lookup("엔비디아가")] == ["엔비디아"]
    assert glossary.fingerprint() == glossary._hashed_rows()
    assert [t.ko for t in glossary.lookup("nvidia", reverse=True)] == ["엔비디아"]
    found = glossary.matcher().find("딥시크의 하이퍼스케일러들은 엔비디아가")
    assert [(m.term.ko, m.particle) for m in found] == [
        ("딥시크", "의"),
        ("하이퍼스케일러", "들은"),
        ("엔비디아", "가"),
    ]


def cache_keys() -> set[str]:
    """The distinct glossary keys that have files in the cache folder."""
    keys = (re.search(r"-([0-9a-f]{24})(?![0-9a-f])", p.name) for p in cache_dir().iterdir())
    return {key[1] for key in keys if key}


def plant_automaton(data: bytes) -> None:
    """Replace the stored automaton by `data`, its digest and file name made to match."""
    (old,) = cache_dir().glob("matcher-*.automaton")
    digest = hashlib.sha256(data).hexdigest()
    old.unlink()
    key = re.search(r"-([0-9a-f]{24})-", old.name)[1]
    (cache_dir() / f"matcher-{key}-{digest[:16]}.automaton").write_bytes(data)
    _json_part("matcher", lambda d: d.update(sha256=digest))


# --------------------------------------------------------------------------- no code from the cache


class Planted:
    """Unpickling this creates the marker file: what a planted cache file could do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


def legacy_key(files: list[Path]) -> str:
    """The key the pickle cache (before format 2) named its files with."""
    from bilingo.version import __version__

    digest = hashlib.sha256(f"{__version__}|False".encode())
    for path in files:
        stat = path.stat()
        digest.update(f"|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def test_a_planted_pickle_never_runs(sample_glossary, tmp_path):
    marker = tmp_path / "planted-code-ran"
    glossary_args = ("-g", sample_glossary)
    assert run_bilingo("scan", *glossary_args, input="딥시크의").returncode == 0
    assert run_bilingo("lookup", "nvidia", "--reverse", *glossary_args).returncode == 0
    payload = pickle.dumps(Planted(marker))
    written = [path for path in cache_dir().rglob("*") if path.is_file()]
    assert any(path.parent.name == "files" for path in written)
    for path in written:  # every name this version writes (parsed files and kept cuts too)...
        path.write_bytes(payload)
    key = legacy_key(sorted(sample_glossary.glob("*.yaml")))
    for part in PARTS:  # ... and every name the pickle cache used
        (cache_dir() / f"{part}-{key}.pickle").write_bytes(payload)

    lookup = run_bilingo("lookup", "딥시크의", "--format", "json", *glossary_args)
    scan = run_bilingo("scan", "--format", "json", *glossary_args, input="엔비디아가")
    reverse = run_bilingo("lookup", "nvidia", "--reverse", "--format", "json", *glossary_args)

    assert not marker.exists()
    assert (lookup.returncode, scan.returncode, reverse.returncode) == (0, 0, 0)
    assert [entry["en"] for entry in json.loads(lookup.stdout)] == ["DeepSeek"]
    assert [match["ko"] for match in json.loads(scan.stdout)] == ["엔비디아"]
    assert [entry["ko"] for entry in json.loads(reverse.stdout)] == ["엔비디아"]
    assert b"warning: ignoring unreadable cache" in lookup.stderr
    assert not list(cache_dir().glob("*.pickle"))  # the old format is removed, never read


def test_an_automaton_holding_pickled_values_is_never_unpickled(sample_glossary, tmp_path):
    import ahocorasick

    marker = tmp_path / "planted-code-ran"
    warm_every_part(sample_glossary)
    planted = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    planted.add_word("딥시크", Planted(marker))
    planted.make_automaton()
    planted.save(str(tmp_path / "planted.automaton"), pickle.dumps)
    plant_automaton((tmp_path / "planted.automaton").read_bytes())

    with pytest.warns(BilingoWarning, match="ignoring unreadable cache"):
        assert_right_answers(sample_glossary)
    assert not marker.exists()


# --------------------------------------------------------------------------- damage means rebuild


def _json_part(part: str, change) -> None:
    (path,) = cache_dir().glob(f"{part}-*.json")
    data = json.loads(path.read_bytes())
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _automaton(change) -> None:
    (path,) = cache_dir().glob("matcher-*.automaton")
    path.write_bytes(change(path.read_bytes()))


def other_automaton() -> bytes:
    """A whole automaton of another word list, stored as bilingo stores them."""
    import ahocorasick

    from bilingo.glossary.automaton_file import automaton_blocks

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    automaton.add_word("딥시크", 0)
    automaton.make_automaton()
    blocks, shape = automaton_blocks(automaton)
    _json_part("matcher", lambda d: d.update(shape))
    return b"".join(blocks)


DAMAGE = {
    "rows: not an object": lambda: _json_part("rows", lambda d: d.clear()),
    "rows: a list": lambda: next(cache_dir().glob("rows-*.json")).write_text("[]"),
    "rows: an older format": lambda: _json_part("rows", lambda d: d.update(format=1)),
    "rows: another key": lambda: _json_part("rows", lambda d: d.update(key="0" * 24)),
    "rows: a short column": lambda: _json_part("rows", lambda d: d["columns"]["en"].pop()),
    "rows: a number for ko": lambda: _json_part(
        "rows", lambda d: d["columns"]["ko"].__setitem__(0, 7)
    ),
    "rows: unknown type": lambda: _json_part(
        "rows", lambda d: d["shared"]["type"]["values"].__setitem__(0, "planet")
    ),
    "rows: a string for a line": lambda: _json_part(
        "rows", lambda d: d["columns"]["line"].__setitem__(0, "4")
    ),
    "rows: a path number out of range": lambda: _json_part(
        "rows", lambda d: d["shared"]["path"]["rows"].__setitem__(0, -1)
    ),
    "rows: true for a line": lambda: _json_part(
        "rows", lambda d: d["columns"]["line"].__setitem__(0, True)
    ),
    "rows: a string for variants": lambda: _json_part(
        "rows", lambda d: d["sparse"]["variants"]["values"].__setitem__(0, "딥 시크")
    ),
    "index: a row out of range": lambda: _json_part(
        "korean-index", lambda d: d["first"].__setitem__(0, 10_000)
    ),
    "index: a float row": lambda: _json_part(
        "korean-index", lambda d: d["first"].__setitem__(0, 1.0)
    ),
    "index: a repeated key": lambda: _json_part(
        "english-index", lambda d: (d["keys"].append(d["keys"][0]), d["first"].append(0))
    ),
    "matcher: a row out of range": lambda: _json_part(
        "matcher", lambda d: d["values"].__setitem__(0, 10_000)
    ),
    "matcher: values not in threes": lambda: _json_part("matcher", lambda d: d["values"].pop()),
    "matcher: a bad digest": lambda: _json_part("matcher", lambda d: d.update(sha256="../x")),
    "fingerprint: not hex": lambda: _json_part("fingerprint", lambda d: d.update(fingerprint="x")),
    "fingerprint: a number": lambda: _json_part("fingerprint", lambda d: d.update(fingerprint=7)),
    "automaton: truncated": lambda: _automaton(lambda data: data[: len(data) // 2]),
    "automaton: garbage": lambda: _automaton(lambda data: os.urandom(len(data))),
    "automaton: empty file": lambda: _automaton(lambda data: b""),
    "automaton: truncated, digest matching": lambda: plant_automaton(
        next(cache_dir().glob("matcher-*.automaton")).read_bytes()[:-100]
    ),
    "automaton: of other words, digest matching": lambda: plant_automaton(other_automaton()),
    "every file: garbage bytes": lambda: [
        path.write_bytes(b"\x80\x00 not json \xff")
        for path in cache_dir().rglob("*")
        if path.is_file()
    ],
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_cache_is_rebuilt_with_a_warning(sample_glossary, damage):
    warm_every_part(sample_glossary)
    DAMAGE[damage]()
    with pytest.warns(BilingoWarning, match="ignoring unreadable cache") as caught:
        assert_right_answers(sample_glossary)
    assert all(issubclass(w.category, BilingoWarning) for w in caught)
    with warnings.catch_warnings():  # rebuilt: the next run is quiet and still right
        warnings.simplefilter("error")
        assert_right_answers(sample_glossary)


def test_a_missing_part_is_rebuilt_quietly(sample_glossary):
    warm_every_part(sample_glossary)
    for path in cache_dir().glob("matcher-*"):
        path.unlink()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert_right_answers(sample_glossary)
    assert len(list(cache_dir().glob("matcher-*"))) == 2


# --------------------------------------------------------------------------- never stale


def test_a_same_size_edit_with_the_old_times_restored_is_seen(sample_glossary):
    path = sample_glossary / "ai.yaml"
    assert warm_every_part(sample_glossary).get("딥시크").en == "DeepSeek"
    before = path.stat()
    time.sleep(0.05)  # an edit comes later than the read: let the clock tick
    path.write_text(
        path.read_text(encoding="utf-8").replace("en: DeepSeek\n", "en: DeepSeeK\n"),
        encoding="utf-8",
    )
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # what `touch -r` does
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    glossary = load_glossary([sample_glossary])
    assert glossary.get("딥시크").en == "DeepSeeK"
    assert [m.term.en for m in glossary.matcher().find("딥시크의")] == ["DeepSeeK"]


# --------------------------------------------------------------------------- bounded


def edit(path: Path, number: int) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"  - ko: 편집단어{number}\n    en: edit {number}\n")


def test_successive_edits_keep_at_most_three_keys(sample_glossary):
    path = sample_glossary / "ai.yaml"
    for number in range(5):
        edit(path, number)
        glossary = warm_every_part(sample_glossary)
    assert len(cache_keys()) <= 3
    assert glossary.cache_key in cache_keys()
    keyed = [path for path in cache_dir().iterdir() if CACHE_FILE.fullmatch(path.name)]
    assert len(keyed) <= 3 * 6  # five parts, the automaton in two files


def test_a_glossary_in_use_is_kept_while_another_is_edited(sample_glossary, tmp_path):
    other = tmp_path / "team.yaml"
    other.write_text("terms:\n  - ko: 팀단어\n    en: team word\n", encoding="utf-8")
    team_key = load_glossary([other]).cache_key
    for number in range(4):  # switching between two sets, one of them being edited
        edit(sample_glossary / "ai.yaml", number)
        warm_every_part(sample_glossary)
        load_glossary([other])
    assert team_key in cache_keys()
    assert len(cache_keys()) <= 3


def test_orphan_temp_files_are_removed_once_old(sample_glossary):
    folder = cache_dir()
    folder.mkdir(parents=True)
    old = folder / ".rows-0123456789abcdef01234567.json.k1l2m3.tmp"
    fresh = folder / ".matcher-0123456789abcdef01234567.x9y8z7.tmp"
    for orphan in (old, fresh):
        orphan.write_bytes(b"half a file")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(old, (two_hours_ago, two_hours_ago))
    warm_every_part(sample_glossary)
    assert not old.exists()
    assert fresh.exists()  # another writer may be busy with it


def test_an_automaton_left_by_a_concurrent_writer_is_removed_once_old(sample_glossary):
    warm_every_part(sample_glossary)
    (in_use,) = cache_dir().glob("matcher-*.automaton")
    key = re.search(r"-([0-9a-f]{24})-", in_use.name)[1]
    left = cache_dir() / f"matcher-{key}-{'0' * 16}.automaton"
    left.write_bytes(in_use.read_bytes())
    two_hours_ago = time.time() - 2 * 3600
    os.utime(left, (two_hours_ago, two_hours_ago))
    edit(sample_glossary / "ai.yaml", 1)
    warm_every_part(sample_glossary)  # saving the new key's parts sweeps the folder
    assert in_use.exists()
    assert not left.exists()


# --------------------------------------------------------------------------- faithful


def test_cached_rows_and_indexes_equal_freshly_parsed_ones():
    fresh = load_glossary(use_cache=False)  # the built-in glossary: variants, notes, domains
    warm_every_part(None)
    cached = load_glossary()
    assert cached.cache_key is not None
    assert cached.rows == fresh.rows
    assert all(type(row) is tuple and type(row[3]) is tuple for row in cached.rows)
    assert cached.fingerprint() == fresh.fingerprint()  # recorded in translation signatures
    assert cached._by_korean == fresh._by_korean
    assert cached._by_english == fresh._by_english
    assert cached.matcher().key_values == fresh.matcher().key_values


def test_the_fingerprint_is_kept_in_the_cache(monkeypatch):
    warm_every_part(None)
    expected = load_glossary(use_cache=False).fingerprint()

    def no_hashing(self):
        raise AssertionError("the rows were hashed again")

    monkeypatch.setattr(Glossary, "_hashed_rows", no_hashing)
    assert load_glossary().fingerprint() == expected
