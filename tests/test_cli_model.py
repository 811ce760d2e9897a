"""`bilingo model list|install|remove` through the command line."""

from __future__ import annotations

import json
import zipfile

import pytest


def test_install_list_remove(cli, tiny_packages, isolated_home):
    result = cli("model", "install", "--file", tiny_packages["ko-en"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("installed ko→en 1.0 (")
    again = cli("model", "install", "--file", tiny_packages["ko-en"])
    assert again.exit_code == 0
    listed = json.loads(cli("model", "list", "--format", "json").stdout)
    assert [(m["pair"], m["version"]) for m in listed] == [("ko-en", "1.0")]
    assert listed[0]["path"].startswith(str(isolated_home / "models"))
    table = cli("model", "list").stdout.splitlines()
    assert table[0].split() == ["pair", "version", "size", "path"]
    assert table[2].split()[:2] == ["ko-en", "1.0"]
    assert table[3] == ""  # then the engines `translate --engine` takes
    assert table[4].split() == ["engine", "provided", "by", "version"]
    assert {row.split()[0] for row in table[6:]} >= {"argos", "none"}
    removed = cli("model", "remove", "ko", "en")
    assert removed.exit_code == 0
    assert json.loads(cli("model", "list", "-f", "json").stdout) == []
    again = cli("model", "remove", "ko", "en")
    assert again.exit_code == 1
    assert (
        again.stderr == "error: no ko→en model is installed; `bilingo model list` shows what is\n"
    )


def hostile_archives(folder):
    """Archives that must be refused, each with what the message says."""
    cases = {}
    slip = folder / "slip.argosmodel"
    with zipfile.ZipFile(slip, "w") as archive:
        archive.writestr("pkg/metadata.json", json.dumps({"from_code": "ko", "to_code": "en"}))
        archive.writestr("pkg/../../evil.txt", "x")
    cases["slip"] = slip
    no_metadata = folder / "nometa.argosmodel"
    with zipfile.ZipFile(no_metadata, "w") as archive:
        archive.writestr("pkg/model/model.bin", "x")
        archive.writestr("pkg/sentencepiece.model", "x")
    cases["no metadata"] = no_metadata
    not_zip = folder / "text.argosmodel"
    not_zip.write_text("hello", encoding="utf-8")
    cases["not a zip"] = not_zip
    return cases


@pytest.mark.parametrize("case", ["slip", "no metadata", "not a zip", "truncated"])
def test_hostile_and_broken_archives_install_nothing(
    cli, tiny_packages, tmp_path, isolated_home, case
):
    archives = hostile_archives(tmp_path)
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(tiny_packages["ko-en"].read_bytes()[:5000])
    archives["truncated"] = truncated
    result = cli("model", "install", "--file", archives[case])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) <= 2
    models = isolated_home / "models"
    assert not models.exists() or [p for p in models.iterdir() if not p.name.startswith(".")] == []
    assert not (tmp_path.parent / "evil.txt").exists()


def test_offline_download_names_the_file_option(cli, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    result = cli("model", "install", "ko", "en")
    assert result.exit_code == 1
    assert "bilingo model install --file PATH.argosmodel" in result.stderr
    assert "Traceback" not in result.stderr


def test_install_needs_a_pair_or_a_file(cli):
    result = cli("model", "install")
    assert result.exit_code == 2
    assert "give FROM TO" in result.stderr


def test_download_says_what_and_how_much(cli, tiny_packages, monkeypatch):
    """MOCK: the Argos package index cannot be reached here, so urllib serves the index and
    the tiny archive from memory (see test_models); the CLI's message and the install are real."""
    from bilingo import models

    from .test_models import _block_network, _index, _serve

    link = "https://example.invalid/translate-ko_en-1_0.argosmodel"
    archive = tiny_packages["ko-en"].read_bytes()
    _serve(monkeypatch, {models.DEFAULT_INDEX_URL: _index(link), link: archive})
    _block_network(monkeypatch)
    result = cli("model", "install", "ko", "en")
    assert result.exit_code == 0, result.stderr
    size = f"{len(archive) / 1_000_000:.1f} MB"
    assert result.stderr == f"downloading translate-ko_en 1.0 ({size}) from {link}\n"
    assert result.stdout.startswith("installed ko→en 1.0")


def _package_files(archive) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def _hostile_install_archive(case: str, package, folder):
    """The tiny ko->en package made hostile in one way that used to end in a traceback."""
    files = _package_files(package)
    top = next(iter(files)).split("/")[0]
    if case == "deeply nested metadata":  # RecursionError in json.loads
        files[f"{top}/metadata.json"] = b"[" * 100_000
    if case == "2,000 folders deep":  # too long a file name, or RecursionError in mkdir
        files[f"{top}/" + "d/" * 2000 + "x.txt"] = b"x"
    if case == "escape in version":
        metadata = json.loads(files[f"{top}/metadata.json"])
        metadata["package_version"] = "\x1b]0;pwned\x07"
        files[f"{top}/metadata.json"] = json.dumps(metadata).encode()
    archive = folder / "hostile.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        if case == "encrypted entry":  # RuntimeError: password required
            zf.getinfo(f"{top}/model/model.bin").flag_bits |= 0x1
    return archive


def _everything_in(folder) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize(
    "case",
    ["encrypted entry", "deeply nested metadata", "2,000 folders deep", "escape in version"],
)
def test_hostile_archive_gets_plain_lines_and_changes_nothing(
    cli, case, tiny_packages, installed_models, isolated_home, tmp_path
):
    models = isolated_home / "models"
    before = _everything_in(models)
    archive = _hostile_install_archive(case, tiny_packages["ko-en"], tmp_path)
    result = cli("model", "install", "--file", archive)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {archive} ")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) <= 2
    assert all(line.isprintable() and len(line) < 400 for line in result.stderr.splitlines())
    assert _everything_in(models) == before
