"""`bilingo add`: entries land in the file with its comments kept; writes are locked and atomic."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from bilingo import load_glossary

from .conftest import run_bilingo

NEW_ENTRY = (
    "  - ko: 하이퍼클로바X\n    en: HyperCLOVA X\n    type: product\n    note: Naver's LLM\n"
)


def test_add_appends_after_the_last_entry_keeping_comments(cli, sample_glossary):
    target = sample_glossary / "ai.yaml"
    before = target.read_text(encoding="utf-8")
    result = cli(
        "add",
        "하이퍼클로바X",
        "HyperCLOVA X",
        "--type",
        "product",
        "--note",
        "Naver's LLM",
        "--to",
        target,
        "-g",
        sample_glossary,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"added 하이퍼클로바X \u2192 HyperCLOVA X ({target}:23)\n"
    after = target.read_text(encoding="utf-8")
    anchor = "    en: OpenAI\n    type: org\n"
    assert after == before.replace(anchor, anchor + NEW_ENTRY)


def test_add_creates_the_user_glossary_on_first_use(cli, isolated_home):
    result = cli("add", "테스트어", "test word", "--variant", "테스트 어", "--type", "term")
    assert result.exit_code == 0, result.stderr
    user_file = isolated_home / "xdg_data_home" / "bilingo" / "my-glossary.yaml"
    assert yaml.safe_load(user_file.read_text(encoding="utf-8"))["terms"] == [
        {"ko": "테스트어", "en": "test word", "type": "term", "variants": ["테스트 어"]}
    ]
    assert cli("lookup", "테스트어가", "-f", "json").exit_code == 0


def test_duplicate_headword_is_refused_with_its_place(cli, sample_glossary):
    target = sample_glossary / "people.yaml"
    before = target.read_text(encoding="utf-8")
    result = cli("add", "딥 시크", "Deepseek", "--to", target, "-g", sample_glossary)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: `딥 시크` is already in the glossary as `딥시크` \u2192 `DeepSeek` "
        f"({sample_glossary / 'ai.yaml'}:4); use --update to replace it\n"
    )
    assert target.read_text(encoding="utf-8") == before


def test_update_replaces_in_place_and_keeps_other_fields(cli, sample_glossary):
    target = sample_glossary / "ai.yaml"
    before = target.read_text(encoding="utf-8")
    result = cli("add", "엔비디아", "NVIDIA Corp", "--update", "-g", sample_glossary)
    assert result.exit_code == 0, result.stderr
    after = target.read_text(encoding="utf-8")
    old = "    en: Nvidia\n    type: org\n    en_variants: [NVIDIA]\n"
    new = "    en: NVIDIA Corp\n    type: org\n    en_variants: [NVIDIA]\n"
    assert after == before.replace(old, new)
    assert load_glossary([sample_glossary]).get("엔비디아").en == "NVIDIA Corp"


def test_update_of_a_builtin_entry_overrides_it_in_the_user_file(cli, isolated_home):
    result = cli("add", "딥시크", "DeepSeek AI", "--update")
    assert result.exit_code == 0, result.stderr
    assert "my-glossary.yaml" in result.stdout
    assert load_glossary().get("딥시크").en == "DeepSeek AI"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--type", "company"], "type `company` is not one of"),
        (["--to", "{dir}"], "is a folder"),
        (["--to", "{dir}/x.txt"], "is not a .yaml file"),
    ],
)
def test_bad_add_writes_nothing(cli, sample_glossary, args, message):
    args = [a.replace("{dir}", str(sample_glossary)) for a in args]
    before = {p: p.read_bytes() for p in sample_glossary.iterdir()}
    result = cli("add", "새단어", "new word", *args, "-g", sample_glossary)
    assert result.exit_code == 1
    assert message in result.stderr
    assert {p: p.read_bytes() for p in sample_glossary.iterdir()} == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_target_is_refused(cli, sample_glossary, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    result = cli("add", "새단어", "new word", "--to", locked / "g.yaml", "-g", sample_glossary)
    assert result.exit_code == 1
    assert "permission denied" in result.stderr


def test_unwritable_path_under_a_file_is_refused(cli, sample_glossary):
    inside_a_file = sample_glossary / "ai.yaml" / "g.yaml"
    result = cli("add", "새단어", "new word", "--to", inside_a_file, "-g", sample_glossary)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_add_to_an_empty_list_and_a_file_without_terms(cli, tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("# my terms\ndomain: misc\nterms: []\n# bottom\n", encoding="utf-8")
    assert cli("add", "첫단어", "first", "--to", empty, "-g", empty).exit_code == 0
    assert empty.read_text(encoding="utf-8") == (
        "# my terms\ndomain: misc\nterms:\n  - ko: 첫단어\n    en: first\n# bottom\n"
    )
    bare = tmp_path / "bare.yaml"
    bare.write_text("# only a comment\n", encoding="utf-8")
    assert cli("add", "둘째단어", "second", "--to", bare, "-g", bare).exit_code == 0
    assert load_glossary([bare]).get("둘째단어").en == "second"


def test_interrupted_write_leaves_the_old_file(cli, sample_glossary, monkeypatch):
    target = sample_glossary / "ai.yaml"
    before = target.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = cli("add", "새단어", "new word", "--to", target, "-g", sample_glossary)
    assert result.exit_code == 1
    # The full disk also stops the glossary cache from being saved: a warning, not an error.
    *warnings, error = result.stderr.splitlines()
    assert warnings and all(w.startswith("warning: cannot write cache ") for w in warnings)
    assert (
        error
        == f"error: {target}: cannot write (No space left on device); the file was not changed"
    )
    assert target.read_bytes() == before
    assert sorted(p.name for p in sample_glossary.iterdir()) == ["ai.yaml", "people.yaml"]


def test_twenty_concurrent_adds_all_land(sample_glossary):
    target = sample_glossary / "ai.yaml"

    def add(index: int):
        return run_bilingo(
            "add", f"동시어{index:02d}", f"word {index}", "--to", target, "-g", target
        )

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(add, range(20)))
    assert [r.returncode for r in results] == [0] * 20, [r.stderr for r in results]
    glossary = load_glossary([target])
    assert all(glossary.get(f"동시어{i:02d}").en == f"word {i}" for i in range(20))
    assert len(glossary) == 25
    assert "# loanwords" in target.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- issue 9: hardening

FLOW = "# team terms\nterms: [{ko: 노어, en: No}, {ko: 버전, en: 1.10}]  # flow\n"


@pytest.mark.parametrize("args", [["새말", "new word"], ["노어", "Noah", "--update"]])
def test_a_flow_list_is_refused_and_never_rewritten(cli, tmp_path, args):
    target = tmp_path / "flow.yaml"
    target.write_text(FLOW, encoding="utf-8")
    result = cli("add", *args, "--into", target, "-g", target)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {target}:2: this file writes its terms as a flow list (`terms: [...]`); "
        "write them as a block list (one `- ko:` per entry) to let bilingo edit it\n"
    )
    assert target.read_text(encoding="utf-8") == FLOW


def test_add_writes_through_a_symlink(cli, tmp_path):
    real = tmp_path / "shared" / "team.yaml"
    real.parent.mkdir()
    real.write_text("terms:\n  - ko: 가나\n    en: ga na\n", encoding="utf-8")
    link = tmp_path / "mine" / "team.yaml"
    link.parent.mkdir()
    link.symlink_to(real)
    result = cli("add", "새말", "new word", "--into", link, "-g", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real
    assert load_glossary([real]).get("새말").en == "new word"
    assert sorted(p.name for p in real.parent.iterdir()) == ["team.yaml"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["team.yaml"]


def test_add_keeps_crlf_line_ends_and_the_bom(cli, tmp_path):
    target = tmp_path / "windows.yaml"
    target.write_bytes("\ufeff# 팀\r\nterms:\r\n  - ko: 가나\r\n    en: ga na\r\n".encode())
    result = cli("add", "새말", "new word", "--note", "a note", "--into", target, "-g", target)
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# ")
    assert data.count(b"\n") == data.count(b"\r\n") == 7
    assert data.endswith("  - ko: 새말\r\n    en: new word\r\n    note: a note\r\n".encode())
    assert load_glossary([target]).get("새말").note == "a note"


def test_no_lock_or_temporary_file_is_left_beside_the_glossary(cli, sample_glossary):
    target = sample_glossary / "ai.yaml"
    orphan = sample_glossary / ".ai.yaml.k1ll3d.tmp"  # left by a writer that was killed
    orphan.write_text("half an entry", encoding="utf-8")
    other = sample_glossary / ".people.yaml.x.tmp"  # another file's: not ours to remove here
    other.write_text("", encoding="utf-8")
    (sample_glossary / "ai.yaml.lock").touch()  # where bilingo used to keep its lock
    for args in (
        ["add", "새말", "new word", "--into", target],
        ["add", "새말", "newer word", "--update", "--into", target],
        ["remove", "새말", "--from", target],
    ):
        result = cli(*args, "-g", sample_glossary)
        assert result.exit_code == 0, result.stderr
        assert sorted(p.name for p in sample_glossary.iterdir()) == [
            ".people.yaml.x.tmp",
            "ai.yaml",
            "people.yaml",
        ]


MALFORMED = {
    "malformed": "terms:\n  - ko: 가나\n    en: [ga na\n",
    "tab-indented": "terms:\n\t- ko: 가나\n\t  en: ga na\n",
    "nul byte": "terms:\n  - ko: 가나\n    en: ga\0na\n",
    "nul byte after 8 KB": "# " + "x" * 9000 + "\nterms:\n  - ko: 가나\n    en: ga\0na\n",
    "two documents": "terms:\n  - ko: 가나\n    en: ga na\n---\nterms: []\n",
    "control character": "terms:\n  - ko: 가나\n    en: ga\x1bna\n",
}


@pytest.mark.parametrize("flag", ["--to", "--into"])
@pytest.mark.parametrize("kind", list(MALFORMED))
def test_add_to_a_broken_file_is_one_plain_error(cli, tmp_path, kind, flag):
    target = tmp_path / "broken.yaml"
    target.write_bytes(MALFORMED[kind].encode("utf-8"))
    result = cli("add", "새말", "new word", flag, target)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert 1 <= len(lines) <= 2 and lines[0].startswith(f"error: {target}"), lines
    assert target.read_bytes() == MALFORMED[kind].encode("utf-8")
