"""`bilingo glossary validate` and `bilingo glossary stats`."""

import json


def test_validate_ok(cli, sample_glossary):
    result = cli("glossary", "validate", sample_glossary)
    assert result.exit_code == 0
    assert result.stdout == "ok: 8 entries\n"


def test_validate_reports_every_problem_with_place(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "terms:\n  - ko: 딥시크\n  - en: x\n  - ko: 중\n    en: China\n", encoding="utf-8"
    )
    result = cli("glossary", "validate", bad)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {bad}:4: one-syllable headword `중` matches inside many words; prefer a longer form",
        f"error: {bad}:2: entry has no `en`; every entry needs ko and en",
        f"error: {bad}:3: entry has no `ko`; every entry needs ko and en",
    ]


def test_validate_the_default_glossary(cli):
    result = cli("glossary", "validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_stats(cli, sample_glossary):
    result = cli("glossary", "stats", "-g", sample_glossary, "-f", "json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    # The keys of before issue 11, as they were; tests/test_glossary_style.py checks the rest.
    assert {key: summary[key] for key in ("total", "files", "types")} == {
        "total": 8,
        "files": {str(sample_glossary / "ai.yaml"): 5, str(sample_glossary / "people.yaml"): 3},
        "types": {"org": 3, "person": 2, "place": 1, "term": 2},
    }
    table = cli("glossary", "stats", "-g", sample_glossary)
    assert table.stdout.splitlines()[-1] == "total: 8 entries in 2 files"
