"""Engines as plugins: the `bilingo.engines` entry-point group, built-in engines included.

The third-party tests install nothing: a folder on PYTHONPATH holds a module and
a `*.dist-info` folder (METADATA and entry_points.txt), which is all
importlib.metadata needs to find an installed distribution's entry points.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bilingo import __version__
from bilingo.engines import EngineInfo, available_engines, engine_names, get_engine, registry
from bilingo.engines.base import Engine
from bilingo.engines.none import NoneEngine
from bilingo.errors import BilingoError, EngineError, UnknownEngineError, UsageError

from .conftest import run_bilingo

UPPER_ENGINE = '''
"""A third-party engine for bilingo's tests: it upper-cases Latin letters."""

from bilingo.engines.base import Engine


class UpperEngine(Engine):
    name = "upper"

    def translate_batch(self, sentences, target_prefixes=None):
        return [sentence.upper() for sentence in sentences]
'''


def write_plugin(folder: Path, distribution: str, modules: dict[str, str], engines: dict) -> Path:
    """A plugin as pip would leave it: its modules and a dist-info folder naming its engines."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in modules.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
    info = folder / f"{distribution.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 0.1\n", encoding="utf-8"
    )
    lines = [f"{name} = {target}" for name, target in engines.items()]
    (info / "entry_points.txt").write_text(
        "[bilingo.engines]\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def upper_plugin(tmp_path) -> dict[str, str]:
    """The environment that puts the `bilingo-upper` plugin on the path of a subprocess."""
    folder = write_plugin(
        tmp_path / "plugins",
        "bilingo-upper",
        {"bilingo_upper": UPPER_ENGINE},
        {"upper": "bilingo_upper:UpperEngine"},
    )
    return {"PYTHONPATH": str(folder)}


# --------------------------------------------------------------------------- a real third-party plugin


def test_third_party_engine_translates(upper_plugin):
    article = "딥시크의 모델이 공개됐다. The model is cheap.\n"
    result = run_bilingo("translate", "--engine", "upper", input=article, env=upper_plugin)
    assert result.returncode == 0, result.stderr.decode()
    # The glossary is applied first (딥시크 -> DeepSeek, 모델 -> model), then the engine runs.
    assert result.stdout.decode() == "DEEPSEEK의 MODEL이 공개됐다. THE MODEL IS CHEAP.\n"

    as_json = run_bilingo("translate", "-e", "upper", "-f", "json", input=article, env=upper_plugin)
    data = json.loads(as_json.stdout)
    assert data["engine"] == data["signature"]["engine"] == "upper"


def test_model_list_shows_registered_engines(upper_plugin):
    result = run_bilingo("model", "list", env=upper_plugin)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert lines[0].split() == ["engine", "provided", "by", "version"]
    rows = [line.split() for line in lines[2:]]
    assert ["argos", "bilingo", __version__] in rows
    assert ["none", "bilingo", __version__] in rows
    assert ["upper", "bilingo-upper", "0.1"] in rows
    assert result.stderr.decode().startswith("no models installed in ")
    # The JSON output is the list of installed models, as before engines were listed.
    listed = run_bilingo("model", "list", "--format", "json", env=upper_plugin)
    assert json.loads(listed.stdout) == []


def test_unknown_engine_lists_the_registered_ones(upper_plugin):
    result = run_bilingo("translate", "--engine", "deepl", input="x\n", env=upper_plugin)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "error: unknown engine 'deepl'; choose one of: argos, none, upper\n"
    )


BROKEN_IMPORT = "raise ImportError('needs the frobnicator library')\n"
BROKEN_CONSTRUCTOR = """
class Engine:
    name = "fails"

    def __init__(self, source_lang, target_lang, **options):
        raise RuntimeError("no API key\\nsecond line")
"""
NOT_AN_ENGINE = """
class Engine:
    name = "mute"

    def __init__(self, source_lang, target_lang, **options):
        pass
"""


@pytest.fixture
def broken_plugins(tmp_path) -> dict[str, str]:
    folder = write_plugin(
        tmp_path / "broken",
        "bilingo-broken",
        {"broken_import": BROKEN_IMPORT, "broken_init": BROKEN_CONSTRUCTOR, "mute": NOT_AN_ENGINE},
        {
            "frob": "broken_import:Engine",
            "fails": "broken_init:Engine",
            "mute": "mute:Engine",
            "missing": "mute:NoSuchClass",
        },
    )
    return {"PYTHONPATH": str(folder)}


@pytest.mark.parametrize(
    "engine, message",
    [
        (
            "frob",
            "error: the engine 'frob' (bilingo-broken 0.1) cannot be loaded from "
            "broken_import:Engine: ImportError: needs the frobnicator library; reinstall the "
            "Python package bilingo-broken that registers it, or uninstall that package to "
            "drop the engine\n",
        ),
        (
            "missing",
            "error: the engine 'missing' (bilingo-broken 0.1) cannot be loaded from "
            "mute:NoSuchClass: AttributeError: module 'mute' has no attribute 'NoSuchClass'; "
            "reinstall the Python package bilingo-broken that registers it, or uninstall that "
            "package to drop the engine\n",
        ),
        (
            "fails",
            "error: the engine 'fails' (bilingo-broken 0.1) could not be started: "
            "RuntimeError: no API key\n",
        ),
        (
            "mute",
            "error: the engine 'mute' (bilingo-broken 0.1) could not be started: "
            "mute:Engine has no translate_batch method\n",
        ),
    ],
)
def test_broken_plugin_is_one_clear_error(broken_plugins, engine, message):
    result = run_bilingo("translate", "--engine", engine, input="x\n", env=broken_plugins)
    assert result.returncode == 1
    assert result.stderr.decode() == message


def test_broken_plugin_does_not_break_listing(broken_plugins):
    result = run_bilingo("model", "list", env=broken_plugins)
    assert result.returncode == 0, result.stderr.decode()
    assert "frob" in result.stdout.decode()


# --------------------------------------------------------------------------- the registry in-process


def test_built_in_engines_are_registered_like_any_other():
    found = {info.name: info for info in available_engines()}
    assert found["argos"] == EngineInfo(
        "argos", "bilingo", __version__, "bilingo.engines.argos:ArgosEngine"
    )
    assert found["none"] == EngineInfo(
        "none", "bilingo", __version__, "bilingo.engines.none:NoneEngine"
    )
    assert {"argos", "none"} <= set(engine_names())
    assert engine_names() == sorted(engine_names())


def test_get_engine_builds_the_registered_class():
    engine = get_engine("none", "en", "ko", threads=4, compute_type="int8")
    assert isinstance(engine, NoneEngine)
    assert (engine.name, engine.source_lang, engine.target_lang) == ("none", "en", "ko")


def test_unknown_engine_error_carries_the_names():
    with pytest.raises(UnknownEngineError) as caught:
        get_engine("bogus", "ko", "en")
    assert isinstance(caught.value, UsageError) and caught.value.exit_code == 2
    assert str(caught.value).startswith("unknown engine 'bogus'; choose one of: argos, none")
    assert caught.value.remedy == "list-engines"
    assert {"argos", "none"} <= set(caught.value.details["available"])


def test_engine_errors_are_bilingo_errors():
    assert issubclass(EngineError, BilingoError)


def test_engine_base_keeps_the_pair_and_ignores_options():
    engine = Engine("ko", "en", threads=2, anything="else")
    assert (engine.source_lang, engine.target_lang) == ("ko", "en")
    assert engine.describe() == {"engine": "", "source_lang": "ko", "target_lang": "en"}
    with pytest.raises(NotImplementedError):
        engine.translate_batch(["x"])

    class FixedPair(Engine):  # an engine made by hand for one pair, as tests do
        name, source_lang, target_lang = "fixed", "en", "ko"

    assert (FixedPair().source_lang, FixedPair().target_lang) == ("en", "ko")


def test_listing_engines_imports_no_engine_module():
    code = (
        "import sys\n"
        "from bilingo.engines import available_engines\n"
        "names = [info.name for info in available_engines()]\n"
        "assert {'argos', 'none'} <= set(names), names\n"
        "loaded = [m for m in ('bilingo.engines.argos', 'bilingo.engines.none', 'ctranslate2',"
        " 'sentencepiece') if m in sys.modules]\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------- the remembered registry


def _aged(path: Path, seconds: float = 60) -> None:
    """Set `path`'s modification time `seconds` into the past (older than FRESH_SECONDS)."""
    past = time.time() - seconds
    os.utime(path, (past, past))


@pytest.fixture
def plugin_on_path(tmp_path, monkeypatch) -> Path:
    """The upper plugin in a folder on sys.path, old enough for the registry to be remembered."""
    folder = write_plugin(
        tmp_path / "plugins",
        "bilingo-upper",
        {"bilingo_upper": UPPER_ENGINE},
        {"upper": "bilingo_upper:UpperEngine"},
    )
    for path in [*folder.rglob("*"), folder]:
        _aged(path)
    monkeypatch.syspath_prepend(str(folder))
    return folder


def test_registry_is_remembered_between_runs(plugin_on_path, monkeypatch):
    first = registry.registered()
    assert first["upper"] == EngineInfo(
        "upper", "bilingo-upper", "0.1", "bilingo_upper:UpperEngine"
    )
    assert (registry._cache_path()).is_file()

    def no_scan():
        raise AssertionError("the metadata was read again")

    monkeypatch.setattr(registry, "_scan", no_scan)
    assert registry.registered() == first
    assert isinstance(get_engine("upper", "ko", "en"), Engine)


def test_an_installed_package_is_seen_at_once(plugin_on_path):
    assert "other" not in registry.registered()
    write_plugin(plugin_on_path, "bilingo-other", {"other_engine": UPPER_ENGINE},
                 {"other": "other_engine:UpperEngine"})  # fmt: skip
    assert "other" in registry.registered()  # the folder changed just now: read again
    _aged(plugin_on_path, seconds=30)  # an older time, but not the one remembered
    assert "other" in engine_names()


def test_an_entry_point_file_edited_in_place_is_seen(plugin_on_path):
    assert registry.registered()["upper"].target == "bilingo_upper:UpperEngine"
    entry_points = next(plugin_on_path.glob("*.dist-info")) / "entry_points.txt"
    entry_points.write_text("[bilingo.engines]\nupper = bilingo_upper:Other\n", encoding="utf-8")
    _aged(entry_points, seconds=30)  # the folder's time stays; the file's changes
    assert registry.registered()["upper"].target == "bilingo_upper:Other"


def test_a_damaged_registry_file_is_read_again(plugin_on_path):
    registry.registered()
    registry._cache_path().write_text("{not json", encoding="utf-8")
    assert "upper" in registry.registered()
    assert json.loads(registry._cache_path().read_text(encoding="utf-8"))["format"] == 1


def test_load_target_resolves_as_entry_points_do():
    from importlib.metadata import EntryPoint

    for target in ("bilingo.engines.none:NoneEngine", "bilingo.engines:EngineInfo.registered_by",
                   "bilingo.engines.none", "bilingo.engines.none:NoneEngine [extra]"):  # fmt: skip
        expected = EntryPoint("x", target, "g").load()
        assert registry.load_target(target) is expected


def test_each_python_path_is_remembered_apart(plugin_on_path, tmp_path, monkeypatch):
    assert "upper" in registry.registered()
    other = tmp_path / "elsewhere"
    other.mkdir()
    _aged(other)
    monkeypatch.setattr(sys, "path", [str(other), *sys.path])
    assert "upper" in registry.registered()
    stored = json.loads(registry._cache_path().read_text(encoding="utf-8"))["entries"]
    assert [entry["key"][0][0] for entry in stored] == [str(other), str(plugin_on_path)]


@pytest.mark.parametrize(
    "damage",
    ['{"format": 1, "entries": 7}', '{"format": 1, "entries": [{"key": 1}]}', "[]",
     '{"format": 1, "entries": [{"key": KEY, "engines": [[1, 2, 3, 4]], "files": []}]}'],
)  # fmt: skip
def test_a_damaged_registry_is_read_again(plugin_on_path, damage):
    registry.registered()
    key = json.dumps(registry._with_times(sys.path))
    registry._cache_path().write_text(damage.replace("KEY", key), encoding="utf-8")
    assert registry.registered()["upper"].target == "bilingo_upper:UpperEngine"
