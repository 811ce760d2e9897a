"""Glossary writes edit the text in place, on every layout, without parsing a whole big file.

Each layout case runs twice: as a small file is written (the whole file parsed before and
after the edit) and as a big one is (only the lines around the edit parsed).
"""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bilingo.errors import DuplicateTermError, GlossaryError
from bilingo.glossary import (
    load_glossary,
    reader,
    remove_term,
    rendering,
    write_term,
    write_terms,
    writer,
)
from bilingo.terms import Term, TermType

from .conftest import written


@pytest.fixture(params=["whole", "around-the-edit"])
def check_mode(request, monkeypatch):
    """Run a test as a small file is written, then as a big one (WHOLE_CHECK_CHARS = 0)."""
    if request.param == "around-the-edit":
        monkeypatch.setattr(writer, "WHOLE_CHECK_CHARS", 0)
    return request.param


NEW = Term(ko="새말", en="new word")
NEW_TEXT = "  - ko: 새말\n    en: new word\n"

COMMENTED = (
    "# top\n"
    "domain: tech\n"
    "terms:\n"
    "  - ko: 노어        # a comment on the headword\n"
    "    en: No\n"
    "  # between entries\n"
    "  - ko: 버전\n"
    "    en: '1.10'\n"
    "    note: a note\n"
    "      that runs on\n"
    "\n"
    "  # after the last entry\n"
    "# bottom\n"
)

# layout name, file text, the text after `add 새말 "new word"`
ADD_CASES = [
    (
        "comments between and after entries",
        COMMENTED,
        COMMENTED.replace("      that runs on\n", "      that runs on\n" + NEW_TEXT),
    ),
    (
        "nested indent",
        "terms:\n    - ko: 가나\n      en: ga na\n",
        "terms:\n    - ko: 가나\n      en: ga na\n    - ko: 새말\n      en: new word\n",
    ),
    (
        "list at the key's indent",
        "terms:\n- ko: 가나\n  en: ga na\ndomain: x\n",
        "terms:\n- ko: 가나\n  en: ga na\n- ko: 새말\n  en: new word\ndomain: x\n",
    ),
    (
        "last entry without a trailing newline",
        "terms:\n  - ko: 가나\n    en: ga na",
        "terms:\n  - ko: 가나\n    en: ga na\n" + NEW_TEXT,
    ),
    (
        "block-scalar note and a comment-like line inside it",
        "terms:\n  - ko: 가나\n    en: ga na\n    note: |\n      line one\n      # kept\n# end\n",
        "terms:\n  - ko: 가나\n    en: ga na\n    note: |\n      line one\n      # kept\n"
        + NEW_TEXT
        + "# end\n",
    ),
    (
        "flow-mapping entries in a block list",
        "terms:\n  - {ko: 노어, en: No}\n  - {ko: 버전, en: '1.10', variants: [v1]}\n",
        "terms:\n  - {ko: 노어, en: No}\n  - {ko: 버전, en: '1.10', variants: [v1]}\n" + NEW_TEXT,
    ),
    (
        "dash alone on its line",
        "terms:\n  -\n    ko: 가나\n    en: ga na\n",
        "terms:\n  -\n    ko: 가나\n    en: ga na\n" + NEW_TEXT,
    ),
    (
        "domain after the list",
        "terms:\n  - ko: 가나\n    en: ga na\n\ndomain: x  # d\n",
        "terms:\n  - ko: 가나\n    en: ga na\n" + NEW_TEXT + "\ndomain: x  # d\n",
    ),
    (
        "empty flow list with a comment",
        "# mine\nterms: []  # nothing yet\n# bottom\n",
        "# mine\nterms:  # nothing yet\n" + NEW_TEXT + "# bottom\n",
    ),
    ("null list", "terms: ~\n", "terms:\n" + NEW_TEXT),
    (
        "key without a value, then another key",
        "terms:\ndomain: x\n",
        "terms:\n" + NEW_TEXT + "domain: x\n",
    ),
    ("no terms key", "# only a comment", "# only a comment\nterms:\n" + NEW_TEXT),
]


@pytest.mark.parametrize("name, before, after", ADD_CASES, ids=[c[0] for c in ADD_CASES])
def test_add_on_every_layout(tmp_path, check_mode, name, before, after):
    path = written(tmp_path, before)
    term = write_term(NEW, path)
    assert path.read_text(encoding="utf-8") == after
    assert (term.ko, term.en, term.path) == ("새말", "new word", str(path))
    assert after.splitlines()[term.line - 1].lstrip(" -") == "ko: 새말"
    assert load_glossary([path], use_cache=False).get("새말").line == term.line


UPDATED_TEXT = "  - ko: 버전\n    en: version\n    type: term\n"

# layout name, file text, headword to update, the text after the update
UPDATE_CASES = [
    (
        "in the middle, keeping the comments around it",
        COMMENTED + "",
        "버전",
        COMMENTED.replace(
            "  - ko: 버전\n    en: '1.10'\n    note: a note\n      that runs on\n", UPDATED_TEXT
        ),
    ),
    (
        "first of three, spelled with other spacing and quoted",
        "terms:\n  - ko: '버 전'\n    en: x\n  - ko: 가\n    en: g\n  - ko: 나\n    en: n\n",
        "버전",
        "terms:\n" + UPDATED_TEXT + "  - ko: 가\n    en: g\n  - ko: 나\n    en: n\n",
    ),
    (
        "a flow-mapping entry",
        "terms:\n  - {ko: 가, en: g}\n  - {ko: 버전, en: x}  # old\n  - {ko: 나, en: n}\n",
        "버전",
        "terms:\n  - {ko: 가, en: g}\n" + UPDATED_TEXT + "  - {ko: 나, en: n}\n",
    ),
    (
        "headword also named in another entry's note",
        "terms:\n  - ko: 가\n    en: g\n    note: 'see ko: 버전'\n  - ko: 버전\n    en: x\n",
        "버전",
        "terms:\n  - ko: 가\n    en: g\n    note: 'see ko: 버전'\n" + UPDATED_TEXT,
    ),
    (
        "not there yet: appended",
        "terms:\n  - ko: 가\n    en: g\n",
        "버전",
        "terms:\n  - ko: 가\n    en: g\n" + UPDATED_TEXT,
    ),
]


@pytest.mark.parametrize("name, before, ko, after", UPDATE_CASES, ids=[c[0] for c in UPDATE_CASES])
def test_update_on_every_layout(tmp_path, check_mode, name, before, ko, after):
    path = written(tmp_path, before)
    write_term(Term(ko=ko, en="version", type=TermType.TERM), path, update=True)
    assert path.read_text(encoding="utf-8") == after


# layout name, file text, headword to remove, the text after
REMOVE_CASES = [
    (
        "in the middle, keeping the comments",
        COMMENTED,
        "노어",
        COMMENTED.replace("  - ko: 노어        # a comment on the headword\n    en: No\n", ""),
    ),
    (
        "the last entry, without a trailing newline",
        "terms:\n  - ko: 가\n    en: g\n  - ko: 나\n    en: n",
        "나",
        "terms:\n  - ko: 가\n    en: g\n",
    ),
    (
        "the only entry",
        "# top\nterms:\n  - ko: 가\n    en: g\n# bottom\n",
        "가",
        "# top\nterms:\n# bottom\n",
    ),
    (
        "list at the key's indent",
        "terms:\n- ko: 가\n  en: g\n- ko: 나\n  en: n\ndomain: x\n",
        "가",
        "terms:\n- ko: 나\n  en: n\ndomain: x\n",
    ),
]


@pytest.mark.parametrize("name, before, ko, after", REMOVE_CASES, ids=[c[0] for c in REMOVE_CASES])
def test_remove_on_every_layout(tmp_path, check_mode, name, before, ko, after):
    path = written(tmp_path, before)
    removed = remove_term(ko, path)
    assert removed.ko == ko
    assert path.read_text(encoding="utf-8") == after


def test_a_duplicate_is_found_however_it_is_spelled(tmp_path, check_mode):
    text = 'terms:\n  - ko: 가\n    en: g\n  - ko: "새 말"  # spaced\n    en: x\n'
    path = written(tmp_path, text)
    with pytest.raises(DuplicateTermError) as raised:
        write_term(NEW, path)
    assert raised.value.line == 4
    assert path.read_text(encoding="utf-8") == text


def test_decomposed_hangul_in_the_file_is_the_same_headword(tmp_path, check_mode):
    import unicodedata

    text = f"terms:\n  - ko: {unicodedata.normalize('NFD', '새말')}\n    en: x\n"
    path = written(tmp_path, text)
    with pytest.raises(DuplicateTermError):
        write_term(NEW, path)


def test_values_are_never_reinterpreted(tmp_path, check_mode):
    path = written(tmp_path, "terms:\n  - ko: 노어\n    en: No\n")
    write_term(Term(ko="버전", en="1.10", note="Yes"), path)
    write_term(Term(ko="노어", en="Off"), path, update=True)
    assert [(t.ko, t.en, t.note) for t in load_glossary([path], use_cache=False)] == [
        ("노어", "Off", None),
        ("버전", "1.10", "Yes"),
    ]


def test_write_terms_appends_all_or_none(tmp_path):
    path = written(tmp_path, "terms:\n  - ko: 가\n    en: g\n")
    added = write_terms([Term(ko="나", en="n"), Term(ko="다", en="d")], path)
    assert [(t.ko, t.line) for t in added] == [("나", 4), ("다", 6)]
    before = path.read_text(encoding="utf-8")
    with pytest.raises(DuplicateTermError):
        write_terms([Term(ko="라", en="r"), Term(ko="가", en="x")], path)
    assert path.read_text(encoding="utf-8") == before


# --------------------------------------------------------------------------- big files


def big_glossary(entries: int) -> str:
    lines = ["# generated\ndomain: bench\nterms:\n"]
    for number in range(entries):
        lines.append(
            f"  - ko: 단어{number}\n    en: word {number}\n    variants: [낱말{number}]\n"
            f"    note: entry {number}\n"
        )
        if number % 100 == 0:
            lines.append("  # a section\n")
    return "".join(lines)


@pytest.fixture
def parsed_sizes(monkeypatch):
    """The size of every text the writer hands to the YAML parser, whole or as a stream (the
    temporary file read back counts as its size)."""
    sizes = []

    def recording(real):
        def record(source, *args, **kwargs):
            is_text = isinstance(source, str)
            sizes.append(len(source) if is_text else os.fstat(source.descriptor).st_size)
            return real(source, *args, **kwargs)

        return record

    monkeypatch.setattr(writer, "parse_yaml", recording(reader.parse_yaml))
    monkeypatch.setattr(writer, "iter_entries", recording(reader.iter_entries))
    return sizes


def test_a_big_file_is_edited_without_parsing_all_of_it(tmp_path, monkeypatch, parsed_sizes):
    monkeypatch.setattr(writer, "WHOLE_CHECK_CHARS", 10_000)
    text = big_glossary(3000)
    path = written(tmp_path, text)
    write_term(NEW, path)
    write_term(Term(ko="단어1500", en="updated"), path, update=True)
    removed = remove_term("단어20", path)
    assert removed.en == "word 20"
    with pytest.raises(DuplicateTermError):
        write_term(Term(ko="단어2999", en="again"), path)
    assert parsed_sizes and max(parsed_sizes) < 1000, parsed_sizes
    glossary = load_glossary([path], use_cache=False)
    assert len(glossary) == 3000
    assert glossary.get("새말").en == "new word"
    assert glossary.get("단어1500").en == "updated"
    assert glossary.get("단어20") is None


MULTILINE_QUOTE = (
    "terms:\n"
    "  - ko: 가\n"
    "    en: g\n"
    '    note: "a note whose text\n'
    "  - ko: 가짜\n"
    '    en: runs on"\n'
    "  - ko: 나\n"
    "    en: n\n"
)


def test_a_quote_left_open_at_a_line_end_gets_the_whole_file_check(
    tmp_path, monkeypatch, parsed_sizes
):
    monkeypatch.setattr(writer, "WHOLE_CHECK_CHARS", 0)
    path = written(tmp_path, MULTILINE_QUOTE)
    for edit in (
        lambda: write_term(Term(ko="가짜", en="fake"), path, update=True),
        lambda: remove_term("가짜", path),
    ):
        with pytest.raises(GlossaryError):
            edit()
        assert path.read_text(encoding="utf-8") == MULTILINE_QUOTE
    write_term(NEW, path)
    assert path.read_text(encoding="utf-8") == MULTILINE_QUOTE + NEW_TEXT
    assert max(parsed_sizes) >= len(MULTILINE_QUOTE)


# --------------------------------------------------------------------------- random layouts

ENGLISH = ["No", "'1.10'", "plain text", '"quoted"', "Naver's LLM"]
EDITS = {
    "add": lambda path, term: write_term(term, path),
    "update": lambda path, term: write_term(term, path, update=True),
    "remove": lambda path, term: remove_term(term.ko, path),
}


def random_entry(rng, dash: str, ko: str) -> str:
    if rng.random() < 0.15:
        return f"{dash}- {{ko: {ko}, en: x}}\n"
    keys = dash + "  "
    spelled = rng.choice([ko, f"'{ko}'", f'"{ko}"', f"{ko[0]} {ko[1:]}", f"{ko}  # c"])
    block_note = f"{keys}note: |\n{keys}  line\n{keys}  # inside\n"
    return "".join(
        [
            rng.choice([f"{dash}- ko: {spelled}\n", f"{dash}-\n{keys}ko: {spelled}\n"]),
            f"{keys}en: {rng.choice(ENGLISH)}\n",
            rng.choice(["", f"{keys}variants: [{ko}2, '{ko}3']\n"]),
            rng.choice(["", block_note, f"{keys}note: a\n{keys}  b\n"]),
            rng.choice(["", "", f"{dash}# comment\n", "\n"]),
        ]
    )


def random_glossary(rng) -> tuple[str, list[str]]:
    dash = rng.choice(["", "  ", "    "])
    headwords = rng.sample(["가나", "다라", "마바", "사아", "자차", "카타"], rng.randint(0, 4))
    text = rng.choice(["", "# top\n", "domain: d\n"])
    heads = ["terms:\n", "terms:  # list\n"] if headwords else ["terms: []\n", "", "terms:\n"]
    text += rng.choice(heads) + "".join(random_entry(rng, dash, ko) for ko in headwords)
    text += rng.choice(["", "# end\n", "domain: z\n"])
    return (text.replace("\n", "\r\n") if rng.random() < 0.2 else text), headwords


def edit_result(path, text: str, edit, term):
    path.write_bytes(text.encode("utf-8"))
    try:
        edit(path, term)
    except GlossaryError as error:
        return type(error).__name__, error.reason
    return path.read_bytes()


def test_random_layouts_are_edited_alike_by_both_checks(tmp_path, monkeypatch):
    import random

    rng = random.Random(9)
    for _ in range(150):
        text, headwords = random_glossary(rng)
        ko = rng.choice([*headwords, "새말"])
        term = Term(ko=ko, en=rng.choice(["No", "1.10", "new"]), note=rng.choice([None, "a: b"]))
        edit = EDITS[rng.choice(list(EDITS))]
        monkeypatch.setattr(writer, "WHOLE_CHECK_CHARS", 10**9)
        whole = edit_result(tmp_path / "whole.yaml", text, edit, term)
        monkeypatch.setattr(writer, "WHOLE_CHECK_CHARS", 0)
        around = edit_result(tmp_path / "around.yaml", text, edit, term)
        assert whole == around, text
        if isinstance(whole, bytes):
            written = load_glossary([tmp_path / "whole.yaml"], use_cache=False)
            assert {t.ko.replace(" ", "") for t in written} <= {*headwords, ko}
            assert whole.count(b"\r\n") in (0, whole.count(b"\n"))


# --------------------------------------------------------------------------- the check of a bulk write


def test_a_bulk_write_checks_the_file_it_wrote(tmp_path, monkeypatch):
    # The check reads the temporary file back: an existing entry changed on its way there
    # is caught, and the glossary is left as it was.
    path = written(tmp_path, COMMENTED)
    real = writer._write_part

    def altering(out, text, start, end):
        real(out, text.replace("en: No", "en: Yes"), start, end)

    monkeypatch.setattr(writer, "_write_part", altering)
    with pytest.raises(GlossaryError, match="cannot edit this file safely"):
        write_terms([Term(ko="나", en="n")], path)
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert not list(tmp_path.glob(".g.yaml.*.tmp"))


def test_a_new_entry_that_reads_back_otherwise_writes_nothing(tmp_path, monkeypatch):
    path = written(tmp_path, COMMENTED)
    monkeypatch.setattr(rendering, "yaml_value", str)  # `a #b` unquoted reads back as `a`
    with pytest.raises(GlossaryError, match="could not be read back"):
        write_terms([Term(ko="나", en="n"), Term(ko="다", en="a #b")], path)
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_a_bulk_write_into_a_file_with_an_unusual_layout_is_checked_whole(tmp_path):
    text = MULTILINE_QUOTE.replace("\n", "\r\n")
    path = written(tmp_path, text)
    added = write_terms([Term(ko="다", en="d"), Term(ko="라", en="r", variants=["라아"])], path)
    assert [(t.ko, t.line, t.path) for t in added] == [("다", 9, str(path)), ("라", 11, str(path))]
    new = "  - ko: 다\r\n    en: d\r\n  - ko: 라\r\n    en: r\r\n    variants: [라아]\r\n"
    assert path.read_bytes() == (text + new).encode("utf-8")


PLAIN_LOOKING = st.text(
    alphabet=st.sampled_from(list("aZ09가힣 .,_'()/&+-:#?![]{}\"*|>%@`~=<\\\t") + ["\u00e9"]),
    max_size=8,
)


@given(st.one_of(PLAIN_LOOKING, st.sampled_from(["No", "null", "yes", "ON", "a b", "Naver's LLM"])))
def test_values_are_written_as_safe_dump_writes_them(value):
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    assert rendering.yaml_value(value) == dumped.removesuffix("\n...\n").strip()
