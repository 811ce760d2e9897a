"""Hostile .argosmodel archives (issue 9): bombs by size and by count, mislabelled packages,
deeply nested metadata, and metadata holding control characters.

Every bomb here is small on disk: either real zeros deflated (a few KB), or sizes forged
in the central directory with no data behind them. The `no_extraction` fixture makes
sure such archives are refused from the directory alone, before anything is extracted.
"""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import pytest

from bilingo import models
from bilingo.errors import ModelError, NetworkError
from bilingo.models import store

from .tiny_argos import build_package, package_name

TOP = package_name("ko", "en", "1.0")
METADATA = f"{TOP}/metadata.json"
MiB = 1024**2


@pytest.fixture
def models_folder(isolated_home) -> Path:
    return isolated_home / "models"


@pytest.fixture(scope="module")
def package_files(tmp_path_factory) -> dict[str, bytes]:
    """The tiny ko->en package's files by archive name, to build hostile archives from."""
    archive = build_package(tmp_path_factory.mktemp("tiny"), "ko", "en", package_version="1.0")
    with zipfile.ZipFile(archive) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


@pytest.fixture
def no_extraction(monkeypatch):
    """Fail the test if extraction starts: these archives must be refused from the directory."""

    def extract(*args, **kwargs):
        raise AssertionError("extraction started: the archive was not refused beforehand")

    monkeypatch.setattr(store, "extract", extract)


def write_archive(path: Path, files: dict[str, bytes], declared=None) -> Path:
    """Zip `files`; `declared` maps names to (file_size, compress_size) forged into the
    central directory in place of the true ones (the data stays as small as it is)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        for name, (size, compressed) in (declared or {}).items():
            info = zf.getinfo(name)
            info.file_size, info.compress_size = size, compressed
    return path


def empty_entries_zip(path: Path, names: list[str]) -> Path:
    """A valid zip of empty stored entries, written directly (zipfile spends ~30 µs an
    entry); with zip64 end records, as zipfile writes them, for more than 65,535 entries."""
    local, central = bytearray(), bytearray()
    for name in names:
        encoded = name.encode()
        header = (0, 0, 0, len(encoded), 0)  # CRC, sizes, name length, extra length
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0x21, *header[:4],
                               0, 0, 0, 0, 0, len(local)) + encoded  # fmt: skip
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, *header) + encoded
    count, offset = len(names), len(local)
    end = bytearray()
    if count > 0xFFFF:
        zip64_end = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                                len(central), offset)  # fmt: skip
        locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, offset + len(central), 1)
        end += zip64_end + locator
    small = min(count, 0xFFFF)
    end += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, small, small, len(central), offset, 0)
    path.write_bytes(bytes(local + central + end))
    return path


def contents(folder: Path) -> list[str]:
    """Every path under folder (hidden work folders included), to see that nothing changed."""
    return (
        sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
        if folder.exists()
        else []
    )


def with_metadata(files: dict[str, bytes], **changes) -> dict[str, bytes]:
    metadata = {**json.loads(files[METADATA]), **changes}
    return {**files, METADATA: json.dumps(metadata).encode()}


# --------------------------------------------------------------------------- bombs


def test_many_medium_entries_refused_by_total_size(
    package_files, tmp_path, models_folder, no_extraction
):
    """20 entries of 99 MiB each (2 GB in all), each expanding only 99 times."""
    shards = {f"{TOP}/model/shard{i}.bin": bytes(1024) for i in range(20)}
    declared = {name: (99 * MiB, MiB) for name in shards}
    archive = write_archive(tmp_path / "shards.argosmodel", {**package_files, **shards}, declared)
    with pytest.raises(ModelError, match=r"more than 1\.25 GiB once extracted"):
        models.install_from_file(archive)
    assert contents(models_folder) == []


def test_twenty_entries_of_99_mib_zeros_refused(package_files, tmp_path, no_extraction):
    """As a bomb is made: deflated zeros, ~1000x each (sizes forged; 1 KiB written each)."""
    shards = {f"{TOP}/model/shard{i}.bin": bytes(1024) for i in range(20)}
    declared = {name: (99 * MiB, 99 * 1024) for name in shards}  # deflate shrinks zeros ~1000x
    archive = write_archive(tmp_path / "zeros.argosmodel", {**package_files, **shards}, declared)
    with pytest.raises(ModelError, match="refused"):
        models.install_from_file(archive)


def test_every_entry_over_one_mib_has_its_compression_ratio_checked(
    package_files, tmp_path, models_folder, no_extraction
):
    """2 MiB of real zeros deflates to ~2 KB: no model file expands 1000 times."""
    files = {**package_files, f"{TOP}/model/padding.bin": bytes(2 * MiB)}
    archive = write_archive(tmp_path / "zeros.argosmodel", files)
    with pytest.raises(ModelError, match=r"expands .* \(more than 200 times\)"):
        models.install_from_file(archive)
    assert contents(models_folder) == []


def test_small_compressible_files_still_install(package_files, tmp_path):
    """A vocabulary or metadata file of up to 1 MiB may compress as well as it likes."""
    files = {**package_files, f"{TOP}/model/shared_vocabulary.txt": bytes(MiB)}
    installed = models.install_from_file(write_archive(tmp_path / "ok.argosmodel", files))
    assert (installed.model_path / "shared_vocabulary.txt").stat().st_size == MiB


def test_too_many_entries_refused(package_files, tmp_path, models_folder, no_extraction):
    """5,000 empty files: a real package has a few dozen."""
    files = {**package_files, **{f"{TOP}/junk/{i}": b"" for i in range(5000)}}
    archive = write_archive(tmp_path / "many.argosmodel", files)
    with pytest.raises(ModelError, match="more than 4000 entries"):
        models.install_from_file(archive)
    assert contents(models_folder) == []


def test_hundred_thousand_entries_refused_before_the_directory_is_read(
    tmp_path, models_folder, no_extraction, monkeypatch
):
    """The entry count is read from the end record: zipfile would spend seconds and hundreds
    of MB parsing a directory of millions of entries before any check could run."""
    archive = empty_entries_zip(tmp_path / "count.argosmodel", [f"p/{i}" for i in range(100_000)])
    with zipfile.ZipFile(archive) as zf:  # the archive itself is valid
        assert len(zf.infolist()) == 100_000
    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", None)  # reading it would fail
    with pytest.raises(ModelError, match="more than 4000 entries"):
        models.install_from_file(archive)
    assert contents(models_folder) == []


def understated_count(archive: Path) -> Path:
    """Make the archive's end record claim one entry (zipfile reads all the directory holds)."""
    data = bytearray(archive.read_bytes())
    struct.pack_into("<2H", data, len(data) - 14, 1, 1)  # entries on this disk, in total
    archive.write_bytes(bytes(data))
    return archive


def test_entries_counted_whatever_the_end_record_says(tmp_path, no_extraction):
    names = [f"{TOP}/junk/{i}" for i in range(5000)]
    archive = understated_count(empty_entries_zip(tmp_path / "liar.argosmodel", names))
    with pytest.raises(ModelError, match="more than 4000 entries"):
        models.install_from_file(archive)


def test_directory_larger_than_its_declared_count_refused(tmp_path, no_extraction, monkeypatch):
    """60,000 entries under a record that claims one: refused before zipfile reads them."""
    names = [f"p/{i:06}" for i in range(60_000)]
    archive = understated_count(empty_entries_zip(tmp_path / "liar.argosmodel", names))
    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", None)
    with pytest.raises(ModelError, match="directory"):
        models.install_from_file(archive)


# --------------------------------------------------------------------------- mislabelled packages


def test_mislabelled_package_refused_and_installed_model_kept(tmp_path, models_folder):
    """An en->ko package in a folder named for ko->en must not replace the ko->en model."""
    models.install_from_file(build_package(tmp_path / "good", "ko", "en"))
    before = contents(models_folder)
    mislabelled = build_package(tmp_path / "bad", "en", "ko", name=TOP)
    with pytest.raises(ModelError) as caught:
        models.install_from_file(mislabelled)
    assert str(caught.value) == (
        f"{mislabelled} is refused: its folder {TOP} is named for ko\u2192en "
        "but its metadata.json says en\u2192ko"
    )
    assert contents(models_folder) == before
    assert models.find_model("ko", "en").name == TOP


@pytest.mark.parametrize(
    "name", ["translate-en_ko-1_0", "translate-ko_ja-1_0", "translate-ko_en_1_0", "translate-ko_e"]
)
def test_folder_named_for_another_pair_refused(name, tmp_path, models_folder):
    with pytest.raises(ModelError, match="is named for"):
        models.install_from_file(build_package(tmp_path, "ko", "en", name=name))
    assert contents(models_folder) == []


@pytest.mark.parametrize("name", ["translate-ko_en", "translate-ko_en-2_0_beta", "ko-en-news"])
def test_consistent_or_unusual_folder_names_install(name, tmp_path):
    installed = models.install_from_file(build_package(tmp_path, "ko", "en", name=name))
    assert installed.name == name


def test_install_never_replaces_a_model_of_another_pair(tmp_path, models_folder):
    """Two packages with the same unusual folder name: the second may not take the folder."""
    models.install_from_file(build_package(tmp_path / "a", "ko", "en", name="news-model"))
    before = contents(models_folder)
    other = build_package(tmp_path / "b", "en", "ko", name="news-model")
    with pytest.raises(ModelError) as caught:
        models.install_from_file(other)
    assert str(caught.value) == (
        f"{other} is refused: the folder news-model already holds the ko\u2192en model"
    )
    assert caught.value.remedy == "remove-model-first"
    assert caught.value.details == {"source_lang": "ko", "target_lang": "en"}
    assert contents(models_folder) == before
    assert [(m.source_lang, m.target_lang) for m in models.list_models()] == [("ko", "en")]


def test_reinstalling_a_pair_still_replaces_it(tmp_path, models_folder):
    models.install_from_file(build_package(tmp_path / "a", "ko", "en", name="news-model"))
    newer = build_package(tmp_path / "b", "ko", "en", name="news-model", package_version="2.0")
    assert models.install_from_file(newer).package_version == "2.0"
    assert [p.name for p in models_folder.iterdir()] == ["news-model"]


# --------------------------------------------------------------------------- metadata


HOSTILE_METADATA = {
    "escape-in-version": {"package_version": "\x1b]0;pwned\x07"},
    "newline-in-version": {"package_version": "1.0\nerror: fake"},
    "bidi-override-in-version": {"package_version": "1.0\u202e"},
    "version-not-text": {"package_version": {"major": 1}},
    "escape-in-from-code": {"from_code": "k\x1bo"},
    "escape-in-to-code": {"to_code": "en\x07"},
}


@pytest.mark.parametrize("case", HOSTILE_METADATA)
def test_control_characters_in_metadata_refused(case, package_files, tmp_path, models_folder):
    files = with_metadata(package_files, **HOSTILE_METADATA[case])
    with pytest.raises(ModelError) as caught:
        models.install_from_file(write_archive(tmp_path / "meta.argosmodel", files))
    message = str(caught.value)
    assert message.isprintable() and "pwned" not in message
    assert contents(models_folder) == []


@pytest.mark.parametrize("beside", [False, True], ids=["the-top-folder", "a-second-folder"])
def test_control_characters_in_folder_names_never_reach_the_message(
    beside, package_files, tmp_path
):
    evil = "evil\x1b]0;pwned\x07"
    if beside:
        files = {**package_files, f"{evil}/x": b"x"}
    else:
        files = {name.replace(TOP, evil): data for name, data in package_files.items()}
    with pytest.raises(ModelError) as caught:
        models.install_from_file(write_archive(tmp_path / "name.argosmodel", files))
    assert str(caught.value).isprintable()


def test_deeply_nested_metadata_refused(package_files, tmp_path, models_folder):
    files = {**package_files, METADATA: b"[" * 100_000}
    with pytest.raises(ModelError, match="nested too deeply"):
        models.install_from_file(write_archive(tmp_path / "deep.argosmodel", files))
    assert contents(models_folder) == []


@pytest.mark.parametrize(
    "metadata",
    [
        b"[" * 100_000,
        json.dumps({"from_code": "ko", "to_code": "en", "package_version": "\x1b[2J"}).encode(),
    ],
    ids=["nested-too-deeply", "escape-in-version"],
)
def test_list_skips_copied_in_folders_with_hostile_metadata(metadata, tmp_path, models_folder):
    """A folder copied in by hand is held to what install would accept."""
    installed = models.install_from_file(build_package(tmp_path, "ko", "en"))
    copied = models_folder / "copied-in"
    (copied / "model").mkdir(parents=True)
    (copied / "model" / "model.bin").write_bytes(b"x")
    (copied / "sentencepiece.model").write_bytes(b"x")
    (copied / "metadata.json").write_bytes(metadata)
    assert models.list_models() == [installed]


def test_index_nested_too_deeply_is_unreadable():
    with pytest.raises(NetworkError, match="could not be read"):
        models.parse_index(b"[" * 100_000)


def test_index_entries_with_control_characters_skipped():
    entry = {"from_code": "ko", "to_code": "en", "package_version": "1.0", "links": ["x"]}
    hostile = [{**entry, "package_version": "\x1b]0;pwned\x07"}, {**entry, "to_code": "e\x1bn"}]
    found = models.parse_index(json.dumps([entry, *hostile]).encode())
    assert [(m.source_lang, m.target_lang, m.package_version) for m in found] == [
        ("ko", "en", "1.0")
    ]


# --------------------------------------------------------------------------- damaged archives


def _unsupported_version(archive: Path) -> None:
    """zipfile raises NotImplementedError for a directory entry that needs zip version 9.9."""
    data = bytearray(archive.read_bytes())
    directory = data.index(b"PK\x01\x02")
    struct.pack_into("<H", data, directory + 6, 99)  # version needed to extract
    archive.write_bytes(bytes(data))


def _directory_offset_too_far(archive: Path) -> None:
    """zipfile then seeks entries before the start of the file: OSError (Invalid argument)."""
    data = bytearray(archive.read_bytes())
    (offset,) = struct.unpack_from("<L", data, len(data) - 6)
    struct.pack_into("<L", data, len(data) - 6, offset + 10_000)
    archive.write_bytes(bytes(data))


def _local_name_not_utf8(archive: Path) -> None:
    """The directory says UTF-8 names; the entry's own header holds bytes that are not."""
    data = archive.read_bytes()
    archive.write_bytes(data.replace("é".encode(), b"\xc9A", 1))  # the first is the local header


@pytest.mark.parametrize(
    "damage", [_unsupported_version, _directory_offset_too_far, _local_name_not_utf8]
)
def test_damage_zipfile_reports_oddly_is_a_model_error(damage, package_files, tmp_path):
    """Found by flipping header bytes of the tiny package: every failure is a ModelError."""
    files = {**package_files, f"{TOP}/LISEZ-MOI-é.md": b"x"}
    archive = write_archive(tmp_path / "damaged.argosmodel", files)
    damage(archive)
    with pytest.raises(ModelError, match="damaged"):
        models.install_from_file(archive)
