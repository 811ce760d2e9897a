"""The shortcuts of a cold load (issue 13) give exactly what the long ways give.

- validation.plain_rows: a file whose entries are all plain is read as rows directly,
  without parsing its entries; rows and problems must be those of parsing the file and
  checking entry by entry (reader.parse_yaml + validation.row_from_entry), on seeded
  random files in and near that layout.
- validation.rows_checked_across with no headword twice, cache.EncodedRows' JSON, and
  the first pass of matcher.build_automaton, each against the plain way of doing it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bilingo.glossary import reader, validation
from bilingo.glossary.cache import FORMAT, EncodedRows
from bilingo.glossary.load import load_glossary
from bilingo.matcher import ONE_SYLLABLE, PLACE, build_automaton
from bilingo.terms import ROW_KO, ROW_PATH, ROW_SENSE, ROW_TYPE, ROW_VARIANTS, without_spaces

ROOT = Path(__file__).parent.parent


def both_ways(path: Path, monkeypatch) -> tuple[tuple, tuple, bool]:
    """read_glossary_rows of `path` (rows, problems as text), the same without plain_rows,
    and whether plain_rows read it."""
    taken = []

    def plain_rows(*args):
        taken.append(validation.plain_rows(*args))
        return taken[-1]

    def shown(result):
        rows, problems = result
        return rows, [(str(problem), problem.line) for problem in problems]

    with monkeypatch.context() as patch:
        patch.setattr(reader, "plain_rows", plain_rows)
        fast = shown(reader.read_glossary_rows(path))
    with monkeypatch.context() as patch:
        patch.setattr(reader, "plain_rows", lambda *_: None)
        slow = shown(reader.read_glossary_rows(path))
    return fast, slow, bool(taken and taken[0])


# Values in and near what plain_rows takes (rendering.PLAIN_SCALAR): each must be read as
# parse_yaml and row_from_entry read it, taken or not.
PLAIN = ["가나", "Foo Bar", "a", "가", "SK하이닉스", "O'Neil", "A&B", "x-y", "a.b", "Arm 홀딩스"]
VALUES = PLAIN + [
    "Foo  Bar", "Foo Bar ", "(주)", "a/b", "a+b", "a_b", "null", "Null", "NULL", "nulls", "~", "No", "yes",
    "2024", "3M", "-a", "a -b", "a - b", "a:b", "a: b", "a #b", "a#b", "'가'", '"가"', "[가]",
    "{a: b}", "가\u00a0나", "가\u3000나", "ＡＩ", "e\u0301", "Café", "a,b", "a, b", "!a", "&a",
    "*a", "%a", "@a", "`a", "?a", "|", ">", "가나다라마바사", "A" * 300,
]  # fmt: skip
TYPES = ["org", "person", "place", "product", "media", "term", "event", "Org", "thing", "",
         "null", "'org'", "org  ", "[org]"]  # fmt: skip
HEADS = [
    "terms:\n", "# c\nterms:\n", "domain: synthetic\nterms:\n", "# a\n\ndomain: d e\nterms:\n",
    "domain: [a]\nterms:\n", "domain:\nterms:\n", "color: red\nterms:\n", "terms: []\nterms:\n",
    "domain: 'x'\n# c\nterms:\n", "terms:\nterms:\n", "---\nterms:\n", "domain: a: b\nterms:\n",
    "\ufeffterms:\n", "null: x\nterms:\n", "domain: d\n  x: y\nterms:\n",
]  # fmt: skip


def random_entry(rng: random.Random) -> str:
    ko, en = rng.choice(PLAIN), rng.choice(PLAIN)
    if rng.random() < 0.1:
        ko = rng.choice(VALUES)
    if rng.random() < 0.1:
        en = rng.choice(VALUES)
    lines = [f"  - ko: {ko}", f"    en: {en}"]
    if rng.random() < 0.8:
        lines.append(f"    type: {rng.choice(TYPES[:7] if rng.random() < 0.9 else TYPES)}")
    roll = rng.random()
    if roll < 0.02:
        lines.reverse()  # `type` or `en` first: not the layout
    elif roll < 0.04:
        lines.append(rng.choice(["    note: n", "    variants: [가]", "    sense:", "    ko: 나"]))
    elif roll < 0.06:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["", "  # c", "    # c", "  "]))
    elif roll < 0.07:
        lines[rng.randrange(len(lines))] += rng.choice([" ", "  # c", "\r", "\t"])
    return "\n".join(lines) + "\n"


def random_file(rng: random.Random) -> str:
    head = rng.choice(HEADS) if rng.random() < 0.3 else "domain: synthetic\nterms:\n"
    text = head + "".join(random_entry(rng) for _ in range(rng.randint(0, 6)))
    roll = rng.random()
    if roll < 0.05:
        text = text.rstrip("\n")
    elif roll < 0.1:
        text = text.replace("\n", "\r\n")
    elif roll < 0.15:
        text += rng.choice(["\n", "# end\n", "other: x\n", "  - 가\n"])
    return text


def test_plain_files_read_as_rows_directly_as_parsed_and_checked(tmp_path, monkeypatch):
    rng = random.Random(13)
    path = tmp_path / "g.yaml"
    taken = 0
    for _ in range(3000):
        text = random_file(rng)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        fast, slow, plain = both_ways(path, monkeypatch)
        assert fast == slow, text
        taken += plain
    assert 1000 < taken < 2500  # the short way is taken, and left for the rest


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("terms:\n", True),
        ("domain: d\nterms:\n  - ko: 가나\n    en: G\n  - ko: 나\n    en: N\n    type: org\n", True),
        ("domain: d\nterms:\n  - ko: 가나\n    en: G", True),  # no line break at the end
        ("terms:\n  - ko: 가나\n    en: null\n", False),  # a null: the entry's error
        ("terms:\n  - ko: 2024\n    en: g\n", False),  # no letter: the entry's error
        ("terms:\n  - ko: 가나\n    en: g\n    type: planet\n", False),
        ("terms:\n  - ko: 가나\n    en: g\n\n", False),
        ("terms:\n  - ko: 가나\n    en: a  b\n", False),  # spaces collapsed the long way
        ("terms:\n  - ko: 가나\n    en: g\nterms:\n  - ko: 다\n    en: d\n", False),
        ("color: red\nterms:\n  - ko: 가나\n    en: g\n", True),  # and the unknown key's problem
    ],
)  # fmt: skip
def test_which_files_are_read_as_rows_directly(tmp_path, monkeypatch, text, plain):
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    fast, slow, taken = both_ways(path, monkeypatch)
    assert (fast, taken) == (slow, plain)


def test_the_synthetic_100k_glossary_is_read_as_rows_directly(synthetic_100k, monkeypatch):
    path = synthetic_100k
    fast, slow, plain = both_ways(path, monkeypatch)
    assert plain and len(fast[0]) == 100_000
    assert fast == slow


# --------------------------------------------------------------------------- the other steps


def checked_across_one_by_one(rows):
    """rows_checked_across as it was: one pass, a dict of the first row of each headword."""
    first, unique, problems = {}, [], []
    for number, row in enumerate(rows):
        earlier = first.setdefault(without_spaces(row[ROW_KO]), number)
        if earlier == number:
            unique.append(row)
        elif rows[earlier][1] != row[1]:
            problems.append((number, earlier))
    return unique, problems


def test_rows_with_no_headword_twice_are_kept_as_they_are():
    rows = load_glossary([ROOT / "glossary"], use_cache=False).rows
    assert validation.rows_checked_across(rows) == (rows, [])
    assert checked_across_one_by_one(rows) == (rows, [])
    repeated = [*rows[:5], (*rows[2][:1], "other", *rows[2][2:]), rows[3]]
    unique, problems = validation.rows_checked_across(repeated)
    assert unique == rows[:5] and len(problems) == 1


def test_encoded_rows_are_json_dumps_of_the_part():
    rows = load_glossary([ROOT / "glossary"], use_cache=False).rows
    rows = [*rows, (*rows[0][:6], "다른", "other.yaml", *rows[0][8:])]  # a second path, domain
    header = {"format": FORMAT, "part": "rows", "key": "k"}
    document = json.loads(EncodedRows(rows).document(header, ["a.yaml"]))
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    dumped = json.dumps(document, **compact).encode()
    assert EncodedRows(rows).document(header, ["a.yaml"]) == dumped
    assert document["shared"]["path"]["values"][-1] == "other.yaml"
    assert document["shared"]["domain"]["values"][-1] == "다른"
    one_file = [row for row in rows if row[ROW_PATH] == rows[0][ROW_PATH]]  # one path, domain
    document = EncodedRows(one_file).document(header, [], paths=False)
    assert document == json.dumps(json.loads(document), **compact).encode()


def spelled_keys_one_by_one(rows) -> list[tuple]:
    """The first pass of build_automaton as it was: every spelling and its solid form."""
    numbers, key_values = {}, []
    for index, row in enumerate(rows):
        place = PLACE if row[ROW_TYPE] == "place" else 0
        suffixes = (row[ROW_SENSE] or {}).get("suffixes", ())
        spellings = [row[ROW_KO], *row[ROW_VARIANTS]]
        for form in spellings + [s + suffix for suffix in suffixes for s in spellings]:
            for key in dict.fromkeys((form, without_spaces(form))):
                if key and key not in numbers:
                    flags = place | (ONE_SYLLABLE if len(key) == 1 else 0)
                    flags |= 4 if key[0].isascii() and key[0].isalnum() else 0
                    flags |= 8 if key[-1].isascii() and key[-1].isalnum() else 0
                    numbers[key] = len(key_values)
                    key_values.append((key, index, len(key), flags))
    return key_values


def test_the_first_pass_numbers_every_spelling_as_one_by_one():
    odd = ["가", "A", "AI", "가A", "A가", "가 나", "가\u00a0나", "가\t나", "가나", "가나", "1가",
           "가1", "", "가\u3000", "é가", "가é"]  # fmt: skip
    rows = [
        (ko, "e", kind, (), (), None, None, None, None, None, None)
        for ko in odd
        for kind in ("place", "org")
    ]
    rows.append(("마 바", "e", "org", ("사아", "가"), (), None, None, None, None, None, None))
    rows.append(("자", "e", "place", (), (), None, None, None, None, None, {"suffixes": ["시"]}))
    builtin = load_glossary([ROOT / "glossary"], use_cache=False).rows
    for table in (rows, builtin):
        automaton, key_values = build_automaton(table)
        spelled = spelled_keys_one_by_one(table)
        assert key_values[: len(spelled)] == [value[1:] for value in spelled]
        assert all(automaton.get(key) == number for number, (key, *_) in enumerate(spelled))
