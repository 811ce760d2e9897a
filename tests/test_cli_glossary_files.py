"""`bilingo glossary export` and `bilingo glossary import`: options, round trips, plain errors."""

from __future__ import annotations

import pytest

from bilingo import load_glossary

from .test_formats import content, nested


def test_export_csv_neutralises_formulas(cli, tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text(
        "terms:\n"
        "  - ko: 수식\n"
        '    en: \'=HYPERLINK("http://x","y")\'\n'
        "  - ko: 국가 번호\n"
        "    en: '+82'\n",
        encoding="utf-8",
    )
    csv = cli("glossary", "export", "-f", "csv", "-g", glossary)
    assert csv.stdout == '수식,"\'=HYPERLINK(""http://x"",""y"")"\n국가 번호,\'+82\n'
    tsv = cli("glossary", "export", "-f", "tsv", "-g", glossary)
    assert tsv.stdout == '수식\t"\'=HYPERLINK(""http://x"",""y"")"\n국가 번호\t\'+82\n'


@pytest.mark.parametrize(
    ("options", "root"),
    [((), "<martif "), (("--tbx-version", "2"), "<martif "), (("--tbx-version", "3"), "<tbx ")],
    ids=["default", "2", "3"],
)
def test_export_tbx_version(cli, sample_glossary, options, root):
    result = cli("glossary", "export", "-f", "tbx", *options, "-g", sample_glossary)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith(root)


@pytest.mark.parametrize("version", ["2", "3"])
def test_tbx_round_trip_through_the_commands(cli, sample_glossary, tmp_path, version):
    exported, back = tmp_path / "out.tbx", tmp_path / "back.yaml"
    result = cli(
        "glossary", "export", "-f", "tbx", "--tbx-version", version, "-o", exported,
        "-g", sample_glossary,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    result = cli("glossary", "import", exported, "--into", back)
    assert result.stdout == (
        f"added 8 entries to {back}; skipped 0 already there and 0 conflicting\n"
    )
    original = load_glossary([sample_glossary], use_cache=False)
    assert content(load_glossary([back], use_cache=False)) == content(original)


@pytest.mark.parametrize("format", ["csv", "tsv"])
def test_tbx_version_is_refused_for_tables(cli, sample_glossary, format):
    result = cli("glossary", "export", "-f", format, "--tbx-version", "3", "-g", sample_glossary)
    assert result.exit_code == 2
    assert result.stderr == "error: --tbx-version applies to tbx only\n"
    assert result.stdout == ""


def test_rich_is_still_refused_for_tbx(cli, sample_glossary):
    result = cli("glossary", "export", "-f", "tbx", "--rich", "-g", sample_glossary)
    assert result.exit_code == 2
    assert result.stderr == "error: --rich and --header/--no-header apply to csv and tsv only\n"


def test_importing_a_deeply_nested_tbx_is_one_plain_error(cli, sample_glossary, tmp_path):
    source = tmp_path / "deep.tbx"
    source.write_text(nested("descripGrp", 50_000), encoding="utf-8")
    target = sample_glossary / "ai.yaml"
    before = target.read_bytes()
    result = cli("glossary", "import", source, "--into", target)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        f"error: {source}:3: elements are nested more than 100 deep here; "
        "TBX needs about 10, so this is not a glossary\n"
    )
    assert target.read_bytes() == before


def test_importing_a_csv_with_an_unclosed_quote_writes_nothing(cli, tmp_path):
    source, target = tmp_path / "terms.csv", tmp_path / "new.yaml"
    source.write_text('딥시크,DeepSeek\n엔비디아,"Nvidia\n오픈AI,OpenAI\n', encoding="utf-8")
    result = cli("glossary", "import", source, "--into", target)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {source}:2: a quote opened here is not closed")
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists()
