"""The streaming reader (reader.iter_entries) reads what parse_yaml reads, one entry at a time."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bilingo.errors import GlossaryError
from bilingo.glossary import parse_yaml
from bilingo.glossary.reader import MAX_DEPTH, iter_entries

DATA = Path(__file__).parent / "data" / "glossary"

LAYOUTS = [
    "",
    "# only a comment\n",
    "terms:\n",
    "terms: []\ndomain: d\n",
    "domain: d\nterms:\n  - {ko: 가, en: g}\n  - ko: 나\n    en: n\n    variants: [니, '누']\n",
    "terms:\r\n- ko: 가\r\n  en: No\r\n  note: |\r\n    two\r\n    lines\r\n# end\r\n",
    "terms: ~\n",
    "terms: ''\n",
    "terms: [{ko: 가, en: g}]\n",
]


@pytest.mark.parametrize("text", LAYOUTS + [p.read_text("utf-8") for p in sorted(DATA.iterdir())])
def test_the_entries_are_those_parse_yaml_reads(text):
    document = parse_yaml(text, "g.yaml")
    whole = (document or {}).get("terms") or []
    assert list(iter_entries(text, "g.yaml")) == whole
    assert list(iter_entries(io.BytesIO(text.encode()), "g.yaml")) == whole


def test_each_entry_comes_before_the_rest_is_read():
    # Were the file parsed whole first, the error at its end would come before any entry.
    text = "terms:\n  - ko: 가\n    en: g\n" + "  - ko: 나\n    en: n\n" * 50_000 + "  - [\n"
    entries = iter_entries(text, "g.yaml")
    assert next(entries) == {"__line__": 2, "ko": "가", "en": "g"}
    with pytest.raises(GlossaryError) as raised:
        list(entries)
    assert raised.value.line == 100_005  # where the parser finds the list unclosed: the end
    assert raised.value.reason.startswith("malformed YAML")


BAD = [
    ("- ko: 가\n", 1, "a glossary file must be a mapping with a `terms:` list"),
    ("terms: {ko: 가}\n", 1, "`terms` must be a list of entries"),
    ("terms: word\n", 1, "`terms` must be a list of entries"),
    ("terms: []\n---\nterms: []\n", 3, "malformed YAML: a glossary file holds one YAML document"),
    ("terms:\n  - &a {ko: 가, en: g}\n  - *a\n", 3, "malformed YAML: anchors and aliases"),
    ("terms: !!python/list []\n", 1, "malformed YAML: tags such as !!python"),
    ("domain: !!python/str d\nterms: []\n", 1, "malformed YAML: tags such as !!python"),
    ("terms:\n  - ko: 가\n    en: [g\n", 4, "malformed YAML: while parsing"),
]


@pytest.mark.parametrize(("text", "line", "reason"), BAD)
def test_a_bad_file_is_refused_as_parse_yaml_refuses_it(text, line, reason):
    with pytest.raises(GlossaryError) as raised:
        list(iter_entries(text, "g.yaml"))
    assert raised.value.line == line
    assert raised.value.reason.startswith(reason)


def test_two_terms_lists_are_refused_naming_the_second():
    with pytest.raises(GlossaryError) as raised:
        list(iter_entries("terms: []\ndomain: d\nterms:\n  - {ko: 가, en: g}\n", "g.yaml"))
    assert raised.value.line == 3
    assert raised.value.reason == "the file has two `terms:` keys; merge them"


@pytest.mark.parametrize("read", [parse_yaml, lambda text, path: list(iter_entries(text, path))])
@pytest.mark.parametrize("opener, closer", [("[", "]"), ("{a: ", "}")])
def test_nesting_deeper_than_the_limit_is_refused_naming_the_line(read, opener, closer):
    # `en:` is 3 deep (file, terms, entry): its value may open MAX_DEPTH - 3 more levels.
    def nested(levels: int) -> str:
        middle = "b" if closer == "}" else ""
        return f"terms:\n  - ko: 가\n    en:\n      {opener * levels}{middle}{closer * levels}\n"

    read(nested(MAX_DEPTH - 3), "g.yaml")
    with pytest.raises(GlossaryError) as raised:
        read(nested(MAX_DEPTH - 2), "g.yaml")
    assert raised.value.line == 4
    assert raised.value.reason.startswith("lists and mappings are nested more than 50 deep")
