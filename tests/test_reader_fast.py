"""The fast path of parse_yaml (reader._plain_layout_document) reads exactly what the event
reader reads, and leaves everything else to it (issue 13).

Whenever the fast path gives a value, the event reader, with libyaml and with PyYAML's own
Python parser, must give the same value, key order and line numbers included; whenever it
would refuse the text, the fast path must not give one. Checked on every YAML file of the
project, on the 100,000-term glossary of bench/bench_scan.py, on tricky values in every
position, and on seeded random documents and mutations of them. Also the other shortcuts
of a cold load: the rows part encoded once for two files, and the checks across files on rows.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml

from bilingo.errors import GlossaryError, GlossaryProblems
from bilingo.glossary import check_glossary, parse_yaml, read_glossary_file, reader
from bilingo.glossary.cache import EncodedRows, decode_rows
from bilingo.glossary.load import load_glossary
from bilingo.terms import ROW_PATH

ROOT = Path(__file__).parent.parent
YAML_FILES = sorted(
    path
    for folder in (ROOT / "glossary", ROOT / "tests" / "data")
    for path in folder.glob("**/*.yaml")
)
FAST_LOADERS = [None, yaml.SafeLoader]  # None: the reader's own choice (libyaml when present)


def event_read(text: str, loader=None, line_offset: int = 0):
    """What parse_yaml gave before the fast path: the event reader alone."""
    events = reader._events(text) if loader is None else yaml.parse(text, Loader=loader)
    with reader._yaml_errors(text, "g.yaml", line_offset):
        return reader._EventReader(events, "g.yaml", line_offset).document()


def ordered(value):
    """A value with its mappings' key order made part of it (== on dicts ignores the order)."""
    if isinstance(value, dict):
        return ("mapping", [(key, ordered(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [ordered(item) for item in value])
    return (type(value).__name__, value)


def fast_read(text: str, line_offset: int = 0):
    return reader._plain_layout_document(text, line_offset)


def assert_same_or_left_alone(text: str) -> bool:
    """The fast path's value is the event reader's (both parsers'); True when it gave one."""
    fast = fast_read(text)
    if fast is reader.NOT_PLAIN_LAYOUT:
        return False
    # PyYAML's Python parser too (used where libyaml is missing), on texts it reads in time.
    for loader in FAST_LOADERS if len(text) < 100_000 else FAST_LOADERS[:1]:
        try:
            expected = event_read(text, loader)
        except GlossaryError as error:
            message = f"fast path read what the event reader refuses: {error}\n{text!r}"
            raise AssertionError(message) from None
        assert ordered(fast) == ordered(expected), text
    assert ordered(fast_read(text, 7)) == ordered(event_read(text, line_offset=7)), text
    return True


# --------------------------------------------------------------------------- real files


def assert_read_as_before(text: str) -> None:
    """parse_yaml gives what the event reader gives: the same value, or the same error."""
    try:
        expected = event_read(text)
    except GlossaryError as error:
        with pytest.raises(GlossaryError) as raised:
            parse_yaml(text, "g.yaml")
        assert (raised.value.line, raised.value.reason) == (error.line, error.reason)
    else:
        assert ordered(parse_yaml(text, "g.yaml")) == ordered(expected)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_yaml_file_of_the_project_reads_the_same(path):
    text = reader.read_text(path)
    assert_same_or_left_alone(text)
    assert_read_as_before(text)


def test_the_fast_path_reads_files_in_the_layout_bilingo_writes():
    fast = [
        p.name for p in YAML_FILES if fast_read(reader.read_text(p)) is not reader.NOT_PLAIN_LAYOUT
    ]
    assert {"people.yaml", "loanwords.yaml", "ai.yaml", "matcher.yaml"} <= set(fast)


def test_the_synthetic_100k_glossary_reads_the_same_and_fast(synthetic_100k):
    path = synthetic_100k
    text = reader.read_text(path)
    fast, expected = fast_read(text), event_read(text)
    assert fast is not reader.NOT_PLAIN_LAYOUT
    assert fast == expected  # and in the same order (ordered() is slow on 100,000 entries):
    assert [list(entry) for entry in fast["terms"]] == [list(e) for e in expected["terms"]]
    assert list(fast) == list(expected)


def test_problems_in_a_plain_file_are_reported_as_before(tmp_path, monkeypatch):
    path = tmp_path / "g.yaml"
    path.write_text(
        "domain: d\nterms:\n  - ko: 2024\n    en: No\n  - ko: 가\n    en: ~\n"
        "  - ko: 나\n    en: n\n    type: thing\n  - ko: 다\n    en: d\n    sense:\n"
        "      confirm: [~, a]\n      nope: x\n  - ko: 라\n    en: l\n    forms: {short: ''}\n",
        encoding="utf-8",
    )
    assert fast_read(reader.read_text(path)) is not reader.NOT_PLAIN_LAYOUT
    terms, problems = read_glossary_file(path)
    assert [(p.line, p.reason) for p in problems][:2] == [
        (3, "ko `2024` holds no Hangul and no Latin letter"),
        (5, "entry has no `en`; every entry needs ko and en"),
    ]
    monkeypatch.setattr(reader, "_plain_layout_document", lambda *_: reader.NOT_PLAIN_LAYOUT)
    before_terms, before_problems = read_glossary_file(path)
    assert terms == before_terms
    assert [(p.line, p.reason) for p in problems] == [(p.line, p.reason) for p in before_problems]


# --------------------------------------------------------------------------- tricky values

VALUES = [
    "a", "No", "2024", "~", "null", "Null", "NULL", "nUll", "'null'", '"~"', "''", '""',
    "a b", "a  b", "a b  ", "a:b", "a: b", "a:", ":a", "a :b", "a::b", "http://x.y/z", "a#b",
    "a #b", "#a", "a# b", "a'b", "'a'b", "'a''b'", "'a' # c", '"a\\"b"', '"a\\nb"', "'a\nb'",
    "-a", "- a", "-", "?a", "? a", ",a", "a,b", "[a", "a]", "[a, b]", "[a,b]", "[ a , b ]",
    "[a,]", "[a, , b]", "[]", "[ ]", "[a b, 'c, d', \"e\"]", "[~, null, '']", "[a: b]",
    "[a?b]", "[a#b]", "[[a]]", "[{a: b}]", "{a: b}", "{a: b, c: [d, e]}", "{}", "{a}",
    "{a: }", "{a: b,}", "{null: b}", "{a: {b: c}}", "{a: {b: {c: d}}}", "{a:b}", "&x a",
    "*x", "!!str a", "!a a", "|", ">", "%a", "@a", "`a", "a\tb", "\ta", "a\u00a0", "\u3000a",
    "a\ufeff", "\u2028", "a\x85b", "a\x7fb", "a\x00", "가나", "ＡＩ", "e\u0301", "a ... b",
    "...", "---", "a " * 200, "x" * 2000,
]  # fmt: skip
PLACES = [
    "domain: {v}\nterms: []\n",
    "terms:\n  - ko: 가\n    en: {v}\n",
    "terms:\n- ko: {v}\n  en: g\n",
    "terms:\n  - ko: 가\n    en: g\n    sense:\n      confirm: {v}\n",
    "terms:\n  - ko: 가\n    en: g\n    variants: [{v}]\n",
    "terms:\n  - ko: 가\n    en: g\n    forms: {{short: {v}}}\n",
    "terms:\n  - {{ko: 가, en: {v}}}\n",
    "terms:\n  - ko: 가\n    {v}: g\n",
    "{v}\n",
]


@pytest.mark.parametrize("place", PLACES)
def test_tricky_values_in_every_place(place):
    for value in VALUES:
        assert_same_or_left_alone(place.format(v=value))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms:\n  - ko: 가\n    en: No\n    note: 2024\n", {"ko": "가", "en": "No", "note": "2024"}),
        ("terms:\n  - ko: 가\n    en: ~\n", {"ko": "가", "en": None}),
        ("terms:\n  - ko: 가\n    en: 'it''s'  # c\n", {"ko": "가", "en": "it's"}),
        ("terms:\n  - ko: 가\n    en: g\n    variants: [a b, '~', ~]\n",
         {"ko": "가", "en": "g", "variants": ["a b", "~", None]}),
    ],
)  # fmt: skip
def test_values_stay_text_as_before(text, expected):
    entry = fast_read(text)["terms"][0]
    assert {key: value for key, value in entry.items() if key != "__line__"} == expected
    assert ordered(entry) == ordered(event_read(text)["terms"][0])


LEFT_ALONE = [
    "terms:\n  - ko: 가\n    en: !!python/object:os.system x\n",
    "terms:\n  - &a {ko: 가, en: g}\n  - *a\n",
    "terms:\n  - ko: 가\n\ten: g\n",
    "terms:\n  - ko: 가\n    en: a\x00b\n",
    "terms:\n  - ko: 가\n    en: a\ufeffb\n",
    "terms:\n  - ko: 가\n    en: a: b\n",
    "terms:\n  - ko: 가\n     en: g\n",
    "terms:\n  - ko: 가\n   en: g\n",
    "terms:\n  - ko: 가\n    en: g\n   - ko: 나\n",
    "terms: []\n---\nterms: []\n",
    "terms:\n  - ko: 가\n    en: [g\n",
    "terms:\n  - ko: 가\n    en: " + "[" * 60 + "]" * 60 + "\n",
    "terms:\n  - ko: 가\n    en: |\n      g\n",
    "terms:\n  - ko: 가\n    en: g\n      h\n",
    "terms:\n  - ko: 가\r    en: g\r",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_what_the_fast_path_does_not_read_is_read_or_refused_as_before(text):
    assert fast_read(text) is reader.NOT_PLAIN_LAYOUT
    assert_read_as_before(text)


# --------------------------------------------------------------------------- random documents

ALPHABET = [*"abcXYZ가나다 " * 4, *":#'\"-?,[]{}&*!|>%@`~\\.", "\xa0", "1", " #", ": ", "null"]
ALPHABET += ["No", "~", "''", '""', "\t", "\ufeff", "\r", "\x85", "\u2028", "\x00"]
KEYS = ["ko", "en", "type", "variants", "en_variants", "note", "forms", "sense"]
ODD_KEYS = ["null", "NULL", "__line__", "x_1", "a" * 101, "ko ", "'ko'", "k-o", "한"]
ODD_LINES = ["", "  ", "# x", "    # y", "---", "...", "  - ", "\t", "? a", " : b", "  -"]


def random_text(rng: random.Random, most: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, most)))


def random_value(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        return random_text(rng, 8)
    if kind < 0.75:
        quote = rng.choice("'\"")
        return quote + random_text(rng, 6) + quote
    if kind < 0.9:
        separator = rng.choice([", ", ",", " , "])
        items = [random_value(rng) if rng.random() < 0.2 else random_text(rng, 5)]
        items += [random_text(rng, 5) for _ in range(rng.randint(0, 3))]
        return "[" + separator.join(items[: rng.randint(0, 4)]) + "]"
    pairs = [
        f"{rng.choice(KEYS + ODD_KEYS)}: {random_value(rng)}" for _ in range(rng.randint(0, 3))
    ]
    return "{" + ", ".join(pairs) + "}"


def random_entry(rng: random.Random, indent: str, dash: str) -> list[str]:
    lines = []
    for number, key in enumerate(rng.sample(KEYS, rng.randint(1, 4))):
        prefix = indent + (dash if number == 0 else " " * len(dash))
        key = rng.choice(ODD_KEYS) if rng.random() < 0.1 else key
        if rng.random() < 0.15:  # a nested mapping
            lines.append(f"{prefix}{key}:" + rng.choice(["", " # c"]))
            inner = " " * len(prefix) + rng.choice(["  ", "    ", " "])
            lines += [
                f"{inner}{rng.choice(KEYS)}: {random_value(rng)}" for _ in range(rng.randint(0, 3))
            ]
        else:
            lines.append(
                f"{prefix}{key}: {random_value(rng)}" + rng.choice(["", " # c", "  ", "#c"])
            )
        if rng.random() < 0.1:
            lines.append(rng.choice(ODD_LINES))
    return lines


def random_document(rng: random.Random) -> str:
    lines = ["# a comment"] if rng.random() < 0.3 else []
    if rng.random() < 0.5:
        lines.append(f"domain: {random_value(rng)}")
    lines.append(rng.choice(["terms:", "terms: ", "terms:  # c"]))
    indent, dash = rng.choice(["", " ", "  ", "    "]), rng.choice(["- ", "- ", "-  "])
    for _ in range(rng.randint(0, 5)):
        if rng.random() < 0.15:
            lines.append(f"{indent}- {random_value(rng)}")
        else:
            lines += random_entry(rng, indent, dash)
    if rng.random() < 0.2:
        lines.append(f"{rng.choice(KEYS + ODD_KEYS)}: {random_value(rng)}")
    newline = rng.choice(["\n", "\n", "\r\n"])
    return newline.join(lines) + rng.choice([newline, ""])


def mutated(text: str, rng: random.Random) -> str:
    """The text with a few characters, indents or lines inserted, removed or repeated."""
    inserts = ALPHABET + ["\n", "\n  ", "- ", ": ", "&a ", "*a", "!!str ", "|", ">", "---\n", "{"]
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.4:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(inserts) + text[at:]
        elif roll < 0.6 and text:
            at = rng.randrange(len(text))
            text = text[:at] + text[at + 1 :]
        else:
            lines = text.split("\n")
            at = rng.randrange(len(lines))
            change = rng.choice(["indent", "dedent", "repeat", "remove", "indent two"])
            if change == "indent":
                lines[at] = " " + lines[at]
            elif change == "dedent":
                lines[at] = lines[at][1:]
            elif change == "repeat":
                lines.insert(at, rng.choice(lines))
            elif change == "remove":
                del lines[at]
            else:
                lines[at] = "  " + lines[at]
            text = "\n".join(lines)
    return text


def test_random_documents_and_mutations_read_the_same():
    rng = random.Random(13)
    sample = (ROOT / "tests" / "data" / "glossary" / "ai.yaml").read_text(encoding="utf-8")
    fast = 0
    for _ in range(1500):
        document = random_document(rng)
        for text in (document, mutated(document, rng), mutated(sample, rng)):
            fast += assert_same_or_left_alone(text)
    assert fast > 500  # the fast path is exercised, not only left alone


# --------------------------------------------------------------------------- the parts it saves


def test_encoded_rows_read_back_as_the_rows(tmp_path):
    rows = load_glossary([ROOT / "glossary"], use_cache=False).rows
    encoded = EncodedRows(rows)
    header = {"format": 5, "part": "rows", "key": "k"}
    document = json.loads(encoded.document(header, ["a.yaml"]))
    assert list(document)[:4] == ["format", "part", "key", "files"]
    assert decode_rows(document)["rows"] == rows
    without_paths = json.loads(encoded.document(header, [], paths=False))
    assert decode_rows(without_paths, path="b.yaml")["rows"] == [
        (*row[:ROW_PATH], "b.yaml", *row[ROW_PATH + 1 :]) for row in rows
    ]
    assert json.loads(EncodedRows([]).document(header, []))["count"] == 0


def test_a_load_checks_rows_across_files_as_check_glossary_checks_terms(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("terms:\n  - ko: 가 나\n    en: g\n  - ko: 다\n    en: d\n", encoding="utf-8")
    second.write_text("terms:\n  - ko: 가나\n    en: g\n  - ko: 다\n    en: e\n", encoding="utf-8")
    with pytest.raises(GlossaryProblems) as raised:
        load_glossary([first, second])
    _terms, problems, _warnings = check_glossary([first, second])
    assert [str(p) for p in raised.value.problems] == [str(p) for p in problems]
    assert [str(p) for p in problems] == [
        f"{second}:4: `다` is `e` here but `d` at {first}:4; keep one"
    ]
    second.write_text("terms:\n  - ko: 가나\n    en: g\n", encoding="utf-8")
    glossary = load_glossary([first, second])  # the repeat is dropped, the first kept
    assert [(row[0], row[ROW_PATH]) for row in glossary.rows] == [
        ("가 나", str(first)),
        ("다", str(first)),
    ]


# --------------------------------------------------------------------------- rows made directly

ODD_TEXTS = ["딥시크", " 딥  시크 ", "", "  ", "Arm", "e\u0301clair", "\u1104\u1175\u11b8시크", "3분기",
             "!!", "딥시크\n", "A", 7, None, ["딥시크"], "ＡＩ"]  # fmt: skip
ODD_TYPES = [None, "org", "person", "planet", "", 3, "Org"]


def test_rows_made_directly_equal_rows_of_terms():
    """A load's rows skip the Term for plain entries (validation.row_from_entry): each entry
    gives the same row, or the same error, as term_from_entry does."""
    from bilingo.glossary.validation import row_from_entry, term_from_entry
    from bilingo.terms import term_to_row

    rng = random.Random(13)
    entries = [{"ko": ko, "en": en} for ko in ODD_TEXTS for en in ODD_TEXTS]
    for _ in range(400):
        entry = {"ko": rng.choice(ODD_TEXTS), "en": rng.choice(ODD_TEXTS), "__line__": 4}
        if rng.random() < 0.7:
            entry["type"] = rng.choice(ODD_TYPES)
        if rng.random() < 0.1:
            entry["note"] = "a note"
        entries.append(entry)
    for entry in entries:
        try:
            expected = term_to_row(term_from_entry(dict(entry), "g.yaml", "ai"))
        except GlossaryError as error:
            expected = str(error)
        try:
            got = row_from_entry(dict(entry), "g.yaml", "ai")
        except GlossaryError as error:
            got = str(error)
        assert got == expected, entry
