"""Reading, validating and looking up glossary files (the YAML contract of DESIGN.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingo import load_glossary
from bilingo.errors import GlossaryProblems, InputError
from bilingo.glossary import check_glossary, default_glossary_dir, resolve_glossary_paths

LOOKUP_CASES = [
    # query, expected headword
    ("딥시크", "딥시크"),
    ("딥시크의", "딥시크"),
    ("딥시크가", "딥시크"),
    ("딥시크에서는", "딥시크"),
    ("딥 시크", "딥시크"),  # a variant
    ("딥시크로부터", "딥시크"),
    ("엔비디아가", "엔비디아"),
    ("엔비디아의", "엔비디아"),
    ("엔비디아까지도", "엔비디아"),
    ("하이퍼스케일러들은", "하이퍼스케일러"),
    ("하이퍼스케일러들이", "하이퍼스케일러"),
    ("스푸트니크 모먼트", "스푸트니크 모먼트"),
    ("스푸트니크모먼트", "스푸트니크 모먼트"),
    ("스푸트니크모먼트라고", "스푸트니크 모먼트"),
    ("스푸트니크  모먼트의", "스푸트니크 모먼트"),
    ("샘 알트만", "샘 올트먼"),
    ("샘알트만이", "샘 올트먼"),
    ("마크 앤드리센은", "마크 앤드리센"),
    ("오픈AI는", "오픈AI"),
    ("오픈AI가", "오픈AI"),
    ("서울로", "서울"),
    ("서울에서", "서울"),
    ("  딥시크  ", "딥시크"),
]


@pytest.mark.parametrize("query, headword", LOOKUP_CASES)
def test_lookup_with_particles_and_spacing(sample_glossary, query, headword):
    found = load_glossary([sample_glossary]).lookup(query)
    assert [term.ko for term in found] == [headword]


@pytest.mark.parametrize("query", ["딥시크릿", "엔비디", "서울으로", "하이퍼", "딥시크은"])
def test_lookup_refuses_other_words(sample_glossary, query):
    assert load_glossary([sample_glossary]).lookup(query) == []


@pytest.mark.parametrize(
    "query, headword",
    [
        ("deepseek", "딥시크"),
        ("DEEPSEEK", "딥시크"),
        ("nvidia", "엔비디아"),
        ("Sam Altman", "샘 올트먼"),
    ],
)
def test_reverse_lookup_is_case_insensitive(sample_glossary, query, headword):
    assert [t.ko for t in load_glossary([sample_glossary]).lookup(query, reverse=True)] == [
        headword
    ]


def test_empty_query_is_an_input_error(sample_glossary):
    with pytest.raises(InputError):
        load_glossary([sample_glossary]).lookup("   ")


def test_entries_remember_file_and_line(sample_glossary):
    term = load_glossary([sample_glossary]).get("엔비디아")
    assert term.source == f"{sample_glossary / 'ai.yaml'}:16"
    assert term.domain == "ai"
    assert term.en_variants == ["NVIDIA"]


def test_suggestions_for_a_near_miss(sample_glossary):
    assert "딥시크" in load_glossary([sample_glossary]).suggest("딥시")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BAD_FILES = [
    # file text, expected message fragment, expected line
    ("terms:\n  - ko: 딥시크\n    en: [DeepSeek\n", "malformed YAML", 4),
    ("terms:\n  - ko: 딥시크\n    en: DeepSeek\n    colour: red\n", "unknown key `colour`", 2),
    ("terms:\n  - ko: 딥시크\n", "no `en`", 2),
    ("terms:\n  - en: DeepSeek\n", "no `ko`", 2),
    ("terms:\n  - ko: ''\n    en: DeepSeek\n", "no `ko`", 2),
    ("terms:\n  - ko: [딥시크, 딥 시크]\n    en: DeepSeek\n", "single string", 2),
    ("terms:\n  - ko: 딥시크\n    en: DeepSeek\n    note: [a, b]\n", "single string", 2),
    ("terms:\n  - ko: 딥시크\n    en: DeepSeek\n    variants: {a: b}\n", "list of strings", 2),
    ("terms:\n  - ko: '123'\n    en: x\n", "no Hangul and no Latin", 2),
    ("terms:\n  - ko: 딥시크\n    en: DeepSeek\n    type: company\n", "type `company`", 2),
    ("terms:\n  - !!python/object/apply:os.system [echo hi]\n", "!!python", 2),
    ("terms: !!python/name:os.system\n", "!!python", 1),
    ("terms:\n  - &a {ko: 딥시크, en: DeepSeek}\n  - *a\n", "anchors and aliases", 3),
    ("terms: []\n---\nterms: []\n", "one YAML document", 3),
    ("- ko: 딥시크\n  en: DeepSeek\n", "must be a mapping", 1),
    ("terms: 딥시크\n", "must be a list", 1),
    (
        "terms:\n  - ko: 딥시크\n    en: DeepSeek\n  - ko: 딥시크\n    en: Deep Seek\n",
        "`DeepSeek` at",
        4,
    ),
]


@pytest.mark.parametrize("text, message, line", BAD_FILES)
def test_bad_files_name_file_and_line(tmp_path, text, message, line):
    path = write(tmp_path / "bad.yaml", text)
    _, problems, _ = check_glossary([path])
    assert problems, "the problem was not found"
    assert message in str(problems[0])
    assert str(problems[0]).startswith(f"{path}:{line}: ")


def test_not_utf8_names_file_and_line(tmp_path):
    path = tmp_path / "cp949.yaml"
    path.write_bytes("terms:\n  - ko: 딥시크\n".encode("cp949"))
    _, problems, _ = check_glossary([path])
    assert str(problems[0]) == f"{path}:2: file is not UTF-8 text; save it as UTF-8"


def test_same_ko_with_two_english_across_files_names_both(tmp_path):
    first = write(tmp_path / "a.yaml", "terms:\n  - ko: 딥시크\n    en: DeepSeek\n")
    second = write(tmp_path / "b.yaml", "# other\nterms:\n  - ko: 딥 시크\n    en: Deepseek AI\n")
    with pytest.raises(GlossaryProblems) as raised:
        load_glossary([tmp_path])
    message = str(raised.value)
    assert f"{second}:3:" in message and f"{first}:2" in message


def test_every_problem_is_reported_at_once(tmp_path):
    write(
        tmp_path / "a.yaml", "terms:\n  - ko: 딥시크\n  - en: x\n  - ko: y\n    en: z\n    bad: 1\n"
    )
    _, problems, _ = check_glossary([tmp_path])
    assert len(problems) == 3


def test_one_syllable_headword_warns(tmp_path):
    write(tmp_path / "a.yaml", "terms:\n  - ko: 중\n    en: China\n")
    _, problems, warnings = check_glossary([tmp_path])
    assert not problems
    assert "one-syllable headword `중`" in warnings[0]


@pytest.mark.parametrize("character", ["\x07", "\x1b"])
def test_control_characters_name_file_and_line(tmp_path, character):
    path = write(
        tmp_path / "bell.yaml", f"# top\nterms:\n  - ko: 딥시크\n    en: Deep{character}Seek\n"
    )
    _, problems, _ = check_glossary([path])
    code = f"U+{ord(character):04X}"
    assert str(problems[0]).startswith(f"{path}:4: "), problems
    assert code in str(problems[0]) and "position" not in str(problems[0])


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffterms:\n  - ko: 딥시크\n    en: DeepSeek\n".encode())
    assert load_glossary([path]).get("딥시크").en == "DeepSeek"


def test_yaml_nulls_are_nothing_and_quoted_ones_are_text(tmp_path):
    write(tmp_path / "a.yaml", "terms:\n  - ko: 노\n    en: 'null'\n    note: ~\n    type:\n")
    term = load_glossary([tmp_path]).get("노")
    assert (term.en, term.note, term.type) == ("null", None, None)


def test_yaml_booleans_stay_strings(tmp_path):
    write(tmp_path / "a.yaml", "terms:\n  - ko: 노\n    en: No\n")
    assert load_glossary([tmp_path]).get("노").en == "No"


# --------------------------------------------------------------------------- file selection


def test_explicit_paths_replace_the_default(sample_glossary):
    files = resolve_glossary_paths([sample_glossary / "people.yaml"])
    assert files == [sample_glossary / "people.yaml"]


def test_environment_variable_lists_paths(sample_glossary, monkeypatch, tmp_path):
    extra = write(tmp_path / "extra.yaml", "terms:\n  - ko: 테스트어\n    en: test word\n")
    monkeypatch.setenv("BILINGO_GLOSSARY", f"{sample_glossary}:{extra}")
    glossary = load_glossary()
    assert glossary.get("테스트어") and glossary.get("딥시크")
    assert not any(default_glossary_dir() in p.parents for p in glossary.files)


def test_default_set_is_builtin_plus_user_file(isolated_home):
    user_file = isolated_home / "xdg_data_home" / "bilingo" / "my-glossary.yaml"
    user_file.parent.mkdir(parents=True)
    write(user_file, "terms:\n  - ko: 테스트어\n    en: test word\n")
    glossary = load_glossary()
    assert glossary.get("테스트어").source == f"{user_file}:2"
    assert glossary.get("딥시크").en == "DeepSeek"


def test_user_file_overrides_a_builtin_entry(isolated_home):
    user_file = isolated_home / "xdg_data_home" / "bilingo" / "my-glossary.yaml"
    user_file.parent.mkdir(parents=True)
    write(user_file, "terms:\n  - ko: 딥시크\n    en: Deepseek Inc\n")
    assert load_glossary().get("딥시크").en == "Deepseek Inc"


def test_missing_glossary_path_is_an_error(tmp_path):
    with pytest.raises(Exception, match="no such glossary file"):
        load_glossary([tmp_path / "nope.yaml"])


# --------------------------------------------------------------------------- the default glossary


def test_default_glossary_validates_and_is_large():
    terms, problems, _warnings = check_glossary([default_glossary_dir()])
    assert problems == []
    assert len(terms) >= 400
    assert all(term.type is not None for term in terms)


@pytest.mark.parametrize(
    "ko, en",
    [
        ("딥시크", "DeepSeek"),
        ("엔비디아", "Nvidia"),
        ("마크 앤드리센", "Marc Andreessen"),
        ("스푸트니크 모먼트", "Sputnik moment"),
        ("하이퍼스케일러", "hyperscaler"),
        ("SK하이닉스", "SK Hynix"),
        ("샘 알트만", "Sam Altman"),
    ],
)
def test_default_glossary_knows_the_news(ko, en):
    assert load_glossary([default_glossary_dir()]).get(ko).en == en


def test_the_fingerprint_follows_the_entries_after_an_edit(sample_glossary):
    from bilingo.glossary.validation import term_from_entry

    glossary = load_glossary([sample_glossary], use_cache=False)
    before = glossary.fingerprint()
    assert glossary.fingerprint() == before  # asked again: the same
    new_entry = {"ko": "테스트코프", "en": "Testcorp", "type": "org"}
    glossary.add(term_from_entry(new_entry), sample_glossary / "ai.yaml")
    assert glossary.fingerprint() != before
    assert glossary.fingerprint() == glossary._hashed_rows()  # not the one kept from before
