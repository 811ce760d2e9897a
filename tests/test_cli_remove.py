"""`bilingo remove`: the counterpart of `add`; only the entry's own lines go, writes are atomic."""

from __future__ import annotations

from bilingo import load_glossary


def test_remove_deletes_only_that_entry_keeping_comments(cli, sample_glossary):
    target = sample_glossary / "ai.yaml"
    before = target.read_text(encoding="utf-8")
    result = cli("remove", "하이퍼스케일러", "-g", sample_glossary)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"removed 하이퍼스케일러 \u2192 hyperscaler ({target}:10)\n"
    entry = "  - ko: 하이퍼스케일러\n    en: hyperscaler\n    type: term\n"
    assert target.read_text(encoding="utf-8") == before.replace(entry, "")
    assert "  # loanwords\n" in target.read_text(encoding="utf-8")
    assert load_glossary([sample_glossary]).get("하이퍼스케일러") is None
    assert cli("lookup", "하이퍼스케일러", "-g", sample_glossary).exit_code == 1


def test_remove_from_a_named_file(cli, tmp_path):
    target = tmp_path / "team.yaml"
    target.write_text(
        "terms:\n  - ko: 첫째\n    en: first\n  - ko: 둘째\n    en: second  # keep me\n",
        encoding="utf-8",
    )
    result = cli("remove", "첫째", "--from", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == "terms:\n  - ko: 둘째\n    en: second  # keep me\n"
    assert cli("remove", "첫째", "--from", target).exit_code == 1


def test_remove_from_a_flow_list_is_refused_and_never_rewritten(cli, tmp_path):
    text = "# top\nterms: [{ko: 하나, en: one}, {ko: 노어, en: No}]  # flow\n"
    target = tmp_path / "flow.yaml"
    target.write_text(text, encoding="utf-8")
    result = cli("remove", "하나", "--from", target)
    assert result.exit_code == 1
    assert "writes its terms as a flow list" in result.stderr
    assert target.read_text(encoding="utf-8") == text


def test_remove_refuses_a_variant_a_missing_entry_and_the_builtin_glossary(cli, sample_glossary):
    target = sample_glossary / "ai.yaml"
    before = target.read_text(encoding="utf-8")
    variant = cli("remove", "샘 알트만", "-g", sample_glossary)
    assert variant.exit_code == 1
    assert "is a variant of `샘 올트먼`, not a headword" in variant.stderr
    missing = cli("remove", "없는말", "-g", sample_glossary)
    assert missing.stderr == "error: `없는말` is not in the glossary\n"
    builtin = cli("remove", "딥시크")
    assert builtin.exit_code == 1
    assert "is in the built-in glossary" in builtin.stderr
    assert "`bilingo add 딥시크 EN --update`" in builtin.stderr
    assert target.read_text(encoding="utf-8") == before


def test_remove_an_override_brings_the_builtin_entry_back(cli, isolated_home):
    assert cli("add", "딥시크", "Deepseek Inc.", "--update").exit_code == 0
    assert load_glossary().get("딥시크").en == "Deepseek Inc."
    result = cli("remove", "딥시크")
    assert result.exit_code == 0, result.stderr
    assert load_glossary().get("딥시크").en == "DeepSeek"


def test_add_into_is_the_new_name_of_to(cli, tmp_path):
    target = tmp_path / "team.yaml"
    target.write_text("terms: []\n", encoding="utf-8")
    assert cli("add", "바이링고", "Bilingo", "--into", target, "-g", target).exit_code == 0
    assert cli("add", "바이링고2", "Bilingo 2", "--to", target, "-g", target).exit_code == 0
    assert [t.ko for t in load_glossary([target])] == ["바이링고", "바이링고2"]


def test_bilingo_home_holds_the_user_glossary_and_cache(cli, tmp_path, monkeypatch):
    home = tmp_path / "bilingo-home"
    monkeypatch.setenv("BILINGO_HOME", str(home))
    monkeypatch.delenv("BILINGO_MODELS_DIR")
    assert cli("add", "바이링고", "Bilingo").exit_code == 0
    assert (home / "my-glossary.yaml").is_file()
    assert cli("lookup", "바이링고의").exit_code == 0
    assert list((home / "cache").glob("rows-*"))

    from bilingo import paths

    assert paths.models_dir() == home / "models"


def test_remove_writes_through_a_symlink_and_keeps_crlf_and_the_bom(cli, tmp_path):
    real = tmp_path / "shared" / "team.yaml"
    real.parent.mkdir()
    text = "\ufeffterms:\r\n  - ko: 첫째\r\n    en: first\r\n  - ko: 둘째\r\n    en: second\r\n"
    real.write_bytes(text.encode())
    link = tmp_path / "team.yaml"
    link.symlink_to(real)
    result = cli("remove", "첫째", "--from", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert real.read_bytes() == "\ufeffterms:\r\n  - ko: 둘째\r\n    en: second\r\n".encode()
    assert sorted(p.name for p in real.parent.iterdir()) == ["team.yaml"]
