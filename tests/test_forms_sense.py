"""Issue 10: the optional `forms` and `sense` of a glossary entry, wherever the glossary goes.

Read and validated (every bad value one error naming file and line), warned about by
`glossary validate`, kept in rows and the compiled cache, and written back by `add`;
tests/test_forms_sense_exchange.py carries them through CSV/TSV (--rich) and TBX.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from bilingo import load_glossary
from bilingo.errors import BilingoWarning, GlossaryProblems
from bilingo.glossary import check_glossary, remove_term, write_term
from bilingo.korean.common_words import COMMON_WORDS
from bilingo.korean.hangul import is_hangul_word
from bilingo.paths import cache_dir
from bilingo.terms import ROW_FORMS, ROW_SENSE, Term, TermType, row_to_term, term_to_row

from .conftest import written

# The spec's own example entries (/tmp/issue10_schema.md), block and flow style mixed.
SPEC_GLOSSARY = """\
# issue 10 examples
terms:
  - ko: 중국
    en: China
    type: place
    forms:
      attributive: Chinese        # before a noun
  - ko: 미국
    en: United States
    type: place
    en_variants: [US, U.S., America]
    forms: {attributive: U.S.}
  - ko: 상원의원
    en: senator
    type: term
    forms: {title: Sen., plural: senators}
  - ko: 인도
    en: India
    type: place
    forms: {attributive: Indian}
    sense:
      confirm: [뉴델리, 모디, "~ 정부", "~ 총리", "~ 시장"]
      exclude: ["~에 흩어", "~ 위", 차도, 보행자, "~를 걷", "~ 받"]
      otherwise: verify
  - ko: 용인
    en: Yongin
    type: place
    sense:
      suffixes: [시]
      otherwise: skip
  - ko: 국방부
    en: Ministry of National Defense
    type: org
    sense:
      home: [한국, 대한민국]
  - ko: 원화
    en: won
    sense:
      en_confirm: ["# ~"]
      en_otherwise: skip
"""

INDIA = {
    "ko": "인도",
    "en": "India",
    "type": "place",
    "variants": [],
    "en_variants": [],
    "note": None,
    "forms": {"attributive": "Indian"},
    "sense": {
        "confirm": ["뉴델리", "모디", "~ 정부", "~ 총리", "~ 시장"],
        "exclude": ["~에 흩어", "~ 위", "차도", "보행자", "~를 걷", "~ 받"],
        "otherwise": "verify",
    },
}


@pytest.fixture
def spec_file(tmp_path) -> Path:
    return written(tmp_path, SPEC_GLOSSARY)


# --------------------------------------------------------------------------- reading


def test_forms_and_sense_show_in_lookup_json(cli, spec_file):
    result = cli("lookup", "인도의", "--format", "json", "-g", spec_file)
    assert result.exit_code == 0, result.stderr
    [entry] = json.loads(result.stdout)
    assert entry == {**INDIA, "source": f"{spec_file}:17"}


def test_an_entry_without_them_has_empty_mappings_in_json(cli, spec_file):
    result = cli("lookup", "China", "--reverse", "--format", "jsonl", "-g", spec_file)
    entry = json.loads(result.stdout)
    assert (entry["forms"], entry["sense"]) == ({"attributive": "Chinese"}, {})


def test_a_form_finds_its_entry_by_reverse_lookup(spec_file):
    glossary = load_glossary([spec_file], use_cache=False)
    assert [t.ko for t in glossary.lookup("Indian", reverse=True)] == ["인도"]
    assert [t.ko for t in glossary.lookup("sen.", reverse=True)] == ["상원의원"]


def test_values_are_normalized_and_empty_rules_dropped(tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 인도\n    en: India\n    forms: {attributive: '  Indian  '}\n"
        "    sense:\n      exclude: '~   위'\n      confirm: []\n      home: ~\n"
        "      otherwise: ' verify '\n      suffixes: ['', 시]\n",
    )
    term = load_glossary([path], use_cache=False).get("인도")
    assert term.forms == {"attributive": "Indian"}
    assert term.sense == {"exclude": ["~ 위"], "otherwise": "verify", "suffixes": ["시"]}
    assert list(term.sense) == ["exclude", "otherwise", "suffixes"]  # the contract's order


def test_the_reader_notes_key_lines_only_inside_forms_and_sense(tmp_path):
    from bilingo.glossary import parse_yaml
    from bilingo.glossary.validation import KEY_LINES

    document = parse_yaml(SPEC_GLOSSARY, "g.yaml")
    india = document["terms"][3]
    assert KEY_LINES not in india and KEY_LINES not in document
    assert india["sense"][KEY_LINES] == {"confirm": 22, "exclude": 23, "otherwise": 24}


# --------------------------------------------------------------------------- bad values

ENTRY = "terms:\n  - ko: 인도\n    en: India\n"
BAD = [
    # (text after the entry's en line, message fragment, line named)
    ("    forms: Indian\n", "`forms` must be a mapping with keys among: attributive", 2),
    (
        "    forms:\n      plural: Indias\n      adjective: Indian\n",
        "unknown forms key `adjective`",
        6,
    ),
    ("    forms:\n      attributive: [Indian]\n", "form `attributive` must be a single", 5),
    ("    forms: {short: ''}\n", "form `short` must be a single non-empty string", 4),
    ("    forms: {attributive: ~}\n", "form `attributive` must be a single", 4),
    ("    sense: [모디]\n", "`sense` must be a mapping with keys among: confirm, exclude", 2),
    (
        "    sense:\n      confirm: [모디]\n      ohterwise: skip\n",
        "unknown sense key `ohterwise`",
        6,
    ),
    (
        "    sense:\n      confirm: [모디]\n      otherwise: maybe\n",
        "`sense.otherwise` is `maybe`",
        6,
    ),
    ("    sense: {en_otherwise: Skip}\n", "one of: insert, verify, skip", 4),
    ("    sense:\n      exclude: {a: b}\n", "`sense.exclude` must be a list of strings", 5),
    ("    sense:\n      confirm: [[모디]]\n", "`sense.confirm` must be a list of strings", 5),
    ("    sense:\n      exclude: ['~ ~ 위']\n", "holds 2 `~`; a cue holds at most one", 5),
    ("    sense:\n      home: [한국]\n      suffixes: [City]\n", "suffix `City` must be Hangul", 6),
    ("    sense:\n      suffixes: [시 청]\n", "suffix `시 청` must be Hangul", 5),
]


@pytest.mark.parametrize("tail, message, line", BAD)
def test_a_bad_value_is_one_error_naming_file_and_line(cli, tmp_path, tail, message, line):
    path = written(tmp_path, ENTRY + tail)
    result = cli("glossary", "validate", path)
    assert result.exit_code == 1
    [error] = result.stderr.splitlines()
    assert error.startswith(f"error: {path}:{line}: "), error
    assert message in error


def test_a_bad_value_stops_loading_with_the_same_error(tmp_path):
    path = written(tmp_path, ENTRY + BAD[7][0])
    with pytest.raises(GlossaryProblems, match=r"g\.yaml:6: `sense.otherwise` is `maybe`"):
        load_glossary([path], use_cache=False)


# --------------------------------------------------------------------------- validate warnings


def test_an_everyday_word_without_sense_is_warned_about(cli, tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 인도\n    en: India\n  - ko: 파리\n    en: Paris\n    variants: [빠리]\n"
        "  - ko: 기아자동차\n    en: Kia\n    variants: [기아]\n  - ko: 중\n    en: China\n",
    )
    result = cli("glossary", "validate", path)
    assert result.exit_code == 0  # warnings never fail a glossary
    assert result.stdout == "ok: 4 entries\n"
    assert result.stderr.splitlines() == [
        f"warning: {path}:2: `인도` is also an everyday Korean word; add a `sense` (cues, or "
        "otherwise: verify) so that the everyday word is not rendered `India`",
        f"warning: {path}:4: `파리` is also an everyday Korean word; add a `sense` (cues, or "
        "otherwise: verify) so that the everyday word is not rendered `Paris`",
        f"warning: {path}:7: variant `기아` is also an everyday Korean word; add a `sense` (cues, "
        "or otherwise: verify) so that the everyday word is not rendered `Kia`",
        f"warning: {path}:10: one-syllable headword `중` matches inside many words; "
        "prefer a longer form",
    ]


def test_an_everyday_word_with_sense_is_not_warned_about(cli, spec_file):
    result = cli("glossary", "validate", spec_file)
    assert result.exit_code == 0, result.stderr
    assert "인도" not in result.stderr and "용인" not in result.stderr
    assert result.stderr == ""


def test_a_name_that_is_no_everyday_word_is_not_warned_about(tmp_path):
    path = written(
        tmp_path, "terms:\n  - ko: 엔비디아\n    en: Nvidia\n  - ko: 딥시크\n    en: x\n"
    )
    assert check_glossary([path])[2] == []


@pytest.mark.parametrize(
    "sense, warning",
    [
        ("{confirm: [모디]}", "`sense.confirm` changes nothing while `otherwise` is insert"),
        ("{en_confirm: [Delhi], en_otherwise: insert}", "`sense.en_confirm` changes nothing"),
        ("{en_exclude: [정부]}", "cue `정부` in `sense.en_exclude` holds Hangul"),
        ("{exclude: ['~']}", "cue `~` in `sense.exclude` speaks for every hit"),
    ],
)
def test_a_sense_that_cannot_work_is_warned_about(tmp_path, sense, warning):
    path = written(tmp_path, f"terms:\n  - ko: 인도\n    en: India\n    sense: {sense}\n")
    terms, problems, warnings_found = check_glossary([path])
    assert problems == [] and len(terms) == 1
    assert [w for w in warnings_found if warning in w] == [w for w in warnings_found], (
        warnings_found
    )
    assert len(warnings_found) == 1 and warnings_found[0].startswith(f"{path}:2: ")


def test_a_sense_that_works_is_not_warned_about(tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 인도\n    en: India\n    sense: {confirm: [모디], otherwise: skip, "
        "en_exclude: ['sidewalk ~'], exclude: ['~ 위']}\n",
    )
    assert check_glossary([path])[2] == []


def test_the_common_word_list_holds_everyday_hangul_words():
    assert 400 <= len(COMMON_WORDS) <= 700
    assert all(is_hangul_word(word) and len(word) <= 3 for word in COMMON_WORDS)
    assert {
        "인도",
        "대전",
        "선전",
        "파리",
        "용인",
        "기아",
        "시장",
        "정부",
        "윈도우",
    } <= COMMON_WORDS
    assert not {"유로", "한은", "엔비디아", "딥시크", "로봇", "골프", "관세"} & COMMON_WORDS


# --------------------------------------------------------------------------- rows and the cache


def test_rows_carry_forms_and_sense_and_none_when_empty():
    india = Term(
        "인도",
        "India",
        TermType.PLACE,
        forms={"attributive": "Indian"},
        sense={"otherwise": "skip", "home": ["한국"]},
    )
    row = term_to_row(india)
    assert (row[ROW_FORMS], row[ROW_SENSE]) == (
        {"attributive": "Indian"},
        {"otherwise": "skip", "home": ["한국"]},
    )
    assert row_to_term(row) == india
    plain = term_to_row(Term("딥시크", "DeepSeek"))
    assert len(plain) == 11 and (plain[ROW_FORMS], plain[ROW_SENSE]) == (None, None)
    back = row_to_term(row)
    back.sense["home"].append("미국")  # a Term's lists are its own, never the row's
    assert row[ROW_SENSE]["home"] == ["한국"]


def test_positional_construction_of_the_old_fields_still_works():
    term = Term("딥시크", "DeepSeek", TermType.ORG, ["딥 시크"], [], "note", "ai", "g.yaml", 3)
    assert (term.line, term.forms, term.sense) == (3, {}, {})


def test_forms_and_sense_survive_the_compiled_cache(spec_file, monkeypatch):
    fresh = [t.to_dict() for t in load_glossary([spec_file])]
    assert list(cache_dir().glob("rows-*.json"))

    def parse_again(*args):
        raise AssertionError("the glossary was parsed again instead of read from the cache")

    monkeypatch.setattr("bilingo.glossary.load.check_glossary", parse_again)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cached = load_glossary([spec_file])
        assert [t.to_dict() for t in cached] == fresh
        assert [t.ko for t in cached.lookup("U.S.", reverse=True)] == ["미국"]


def _damage_mappings(change) -> None:
    (path,) = cache_dir().glob("rows-*.json")
    data = json.loads(path.read_bytes())
    change(data["mappings"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m["forms"]["values"][0].update(attributive=["Chinese"]),
        lambda m: m["forms"]["values"][0].update(adjective="Chinese"),
        lambda m: m["sense"]["values"][0].update(confirm=[7]),
        lambda m: m["sense"]["values"][0].update(otherwise=["skip"]),
        lambda m: m["sense"]["values"].__setitem__(0, {}),
        lambda m: m["sense"]["rows"].__setitem__(0, 999),
        lambda m: m.pop("sense"),
    ],
    ids=["a list form", "an unknown form", "a number cue", "a list choice", "an empty sense",
         "a row out of range", "no sense column"],
)  # fmt: skip
def test_damaged_forms_or_sense_in_the_cache_mean_a_rebuild(spec_file, change):
    expected = [t.to_dict() for t in load_glossary([spec_file])]
    _damage_mappings(change)
    with pytest.warns(BilingoWarning, match="ignoring unreadable cache"):
        assert [t.to_dict() for t in load_glossary([spec_file])] == expected


def test_the_cache_format_is_bumped_for_the_new_columns():
    from bilingo.glossary import cache

    assert cache.FORMAT >= 3  # 3 added forms and sense; later formats keep them
    assert set(cache.SPARSE_MAPPINGS) == {"forms", "sense"}


def test_the_fingerprint_changes_with_forms_and_sense_only(tmp_path):
    def fingerprint(text: str) -> str:
        return load_glossary([written(tmp_path, text)], use_cache=False).fingerprint()

    plain = fingerprint(ENTRY)
    with_form = fingerprint(ENTRY + "    forms: {attributive: Indian}\n")
    with_sense = fingerprint(ENTRY + "    sense: {otherwise: skip}\n")
    other_sense = fingerprint(ENTRY + "    sense: {otherwise: verify}\n")
    assert len({plain, with_form, with_sense, other_sense}) == 4
    # An entry without them hashes as it did before issue 10 (translation signatures hold).
    import hashlib

    old = hashlib.sha256(repr(("인도", "India", None, (), (), None)).encode()).hexdigest()[:12]
    assert plain == old


# --------------------------------------------------------------------------- writing


def test_add_with_forms_writes_a_block_mapping_and_reads_it_back(cli, tmp_path):
    path = written(tmp_path, "# mine\nterms:\n  - ko: 중국\n    en: China\n")
    result = cli(
        "add", "미국", "United States", "--type", "place", "--en-variant", "US",
        "--form", "attributive=U.S.", "--form", "short=US", "--into", path, "-g", path,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == (
        "# mine\nterms:\n  - ko: 중국\n    en: China\n"
        "  - ko: 미국\n    en: United States\n    type: place\n    en_variants: [US]\n"
        "    forms:\n      attributive: U.S.\n      short: US\n"
    )
    looked_up = json.loads(cli("lookup", "미국", "-f", "json", "-g", path).stdout)
    assert looked_up[0]["forms"] == {"attributive": "U.S.", "short": "US"}


@pytest.mark.parametrize(
    "form", ["adjective=Chinese", "attributive", "attributive=", "=Chinese", "short=  "]
)
def test_a_bad_form_option_is_a_usage_error(cli, tmp_path, form):
    path = written(tmp_path, "terms:\n  - ko: 중국\n    en: China\n")
    before = path.read_text(encoding="utf-8")
    result = cli("add", "영국", "Britain", "--form", form, "--into", path, "-g", path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: --form `{form}` is not KEY=VALUE with KEY one of attributive, title, plural, "
        "short (for example --form attributive=Chinese)\n"
    )
    assert path.read_text(encoding="utf-8") == before


def test_update_merges_forms_and_keeps_the_sense(cli, spec_file):
    result = cli(
        "add", "인도", "Republic of India", "--form", "short=IN", "--update", "-g", spec_file
    )
    assert result.exit_code == 0, result.stderr
    term = load_glossary([spec_file], use_cache=False).get("인도")
    assert term.en == "Republic of India"
    assert term.forms == {"attributive": "Indian", "short": "IN"}
    assert term.sense == INDIA["sense"]
    text = spec_file.read_text(encoding="utf-8")
    assert (
        "    forms:\n      attributive: Indian\n      short: IN\n    sense:\n"
        "      confirm: [뉴델리, 모디, ~ 정부, ~ 총리, ~ 시장]\n"
        "      exclude: [~에 흩어, ~ 위, 차도, 보행자, ~를 걷, ~ 받]\n      otherwise: verify\n"
    ) in text
    assert "  - ko: 용인\n" in text and "# issue 10 examples" in text


@pytest.mark.parametrize("mode", ["whole", "around-the-edit"])
def test_a_sense_with_quotes_and_hashes_reads_back_exactly(tmp_path, monkeypatch, mode):
    from bilingo.glossary import writer

    if mode == "around-the-edit":
        monkeypatch.setattr(writer, "WHOLE_CHECK_CHARS", 0)
    path = written(tmp_path, SPEC_GLOSSARY)
    tricky = Term(
        "원", "won", forms={"plural": "won", "title": "No"},
        sense={"en_confirm": ["# ~", "'quoted' ~", '"x" ~', "~: y", "[~]"], "en_otherwise": "skip"},
    )  # fmt: skip
    written_term = write_term(tricky, path)
    assert (written_term.forms, written_term.sense) == (tricky.forms, tricky.sense)
    assert load_glossary([path], use_cache=False).get("원").sense == tricky.sense


def test_remove_takes_the_nested_lines_with_the_entry(cli, spec_file):
    removed = remove_term("인도", spec_file)
    assert removed.sense["otherwise"] == "verify"
    text = spec_file.read_text(encoding="utf-8")
    assert "인도" not in text and "뉴델리" not in text and "attributive: Indian" not in text
    assert len(load_glossary([spec_file], use_cache=False)) == 6
