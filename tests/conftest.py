"""Shared fixtures: every user folder points at a temp folder, and no test reaches the network."""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from bilingo.cli import app

# No timing in tests: a loaded machine must not fail a property test on a deadline.
settings.register_profile("bilingo", deadline=None)
settings.load_profile("bilingo")

DATA = Path(__file__).parent / "data"
BILINGO = Path(sys.executable).parent / "bilingo"


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Refuse every outgoing connection made in the test process but to this machine's
    loopback address (where the server tests run `bilingo serve`)."""
    original = socket.socket.connect

    def loopback_only(self, address, *args, **kwargs):
        host = address[0] if isinstance(address, tuple) else None
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise OSError("network access is disabled in the tests")
        return original(self, address, *args, **kwargs)

    socket.socket.connect = loopback_only
    yield
    socket.socket.connect = original


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """User data, cache, config and model folders all live under tmp_path."""
    home = tmp_path / "home"
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        folder = home / variable.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(variable, str(folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("BILINGO_MODELS_DIR", str(home / "models"))
    monkeypatch.delenv("BILINGO_GLOSSARY", raising=False)
    return home


def written(folder, text: str, name: str = "g.yaml"):
    """A file of `text` (UTF-8, bytes exactly as given) in `folder`; its path."""
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def read_data(name: str) -> str:
    """A text file of tests/data (sample articles and translations written for the tests)."""
    return (DATA / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data_glossary():
    """The small test glossary, read-only and uncached (shared by a whole test module)."""
    from bilingo import load_glossary

    return load_glossary([DATA / "glossary"], use_cache=False)


@pytest.fixture
def synthetic_100k(tmp_path) -> Path:
    """bench/bench_scan.py's seeded 100,000-term glossary, written as bench_scan writes it."""
    bench = str(Path(__file__).parent.parent / "bench")
    sys.path.insert(0, bench)
    try:
        from bench_scan import make_terms, write_glossary
    finally:
        sys.path.remove(bench)
    path = tmp_path / "synthetic.yaml"
    write_glossary(path, make_terms(100_000, random.Random(0)))
    return path


@pytest.fixture
def sample_glossary(tmp_path) -> Path:
    """A writable copy of the small test glossary folder."""
    target = tmp_path / "glossary"
    shutil.copytree(DATA / "glossary", target)
    return target


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr


@pytest.fixture
def cli():
    """Run `bilingo ARGS` in-process; returns exit code, stdout and stderr."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None) -> Result:
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


def run_bilingo(*args, input: bytes | str | None = None, env=None, cwd=None):
    """Run the installed `bilingo` command as a real subprocess."""
    if isinstance(input, str):
        input = input.encode()
    return subprocess.run(
        [str(BILINGO), *map(str, args)],
        input=input,
        capture_output=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture(scope="session")
def tiny_packages(tmp_path_factory) -> dict[str, Path]:
    """Tiny real Argos packages (SentencePiece + CTranslate2) whose models copy their input."""
    from .tiny_argos import build_package

    folder = tmp_path_factory.mktemp("packages")
    return {
        "ko-en": build_package(folder, "ko", "en"),
        "en-ko": build_package(folder, "en", "ko"),
    }


@pytest.fixture
def installed_models(tiny_packages, isolated_home):
    """Both tiny packages installed into this test's model folder (through the library)."""
    from bilingo.models import install_from_file

    return {pair: install_from_file(path) for pair, path in tiny_packages.items()}
