"""Issue 10: `forms` and `sense` through CSV/TSV (--rich) and TBX, both ways and via the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bilingo import load_glossary
from bilingo.errors import GlossaryError
from bilingo.formats import export_table, export_tbx, import_table, import_tbx
from bilingo.terms import Term, TermType

from .conftest import written
from .test_forms_sense import INDIA, SPEC_GLOSSARY


@pytest.fixture
def spec_file(tmp_path) -> Path:
    return written(tmp_path, SPEC_GLOSSARY)


# --------------------------------------------------------------------------- tables


def test_rich_tables_carry_forms_and_sense_both_ways(spec_file):
    terms = list(load_glossary([spec_file], use_cache=False))
    for delimiter in (",", "\t"):
        for header in (True, False):
            text = export_table(terms, delimiter, rich=True, header=header)
            back = import_table(text, delimiter)
            assert [(t.ko, t.forms, t.sense) for t in back] == [
                (t.ko, t.forms, t.sense) for t in terms
            ]
    rows = list(csv.reader(io.StringIO(export_table(terms, rich=True))))
    assert rows[0] == [
        "ko", "en", "type", "variants", "en_variants", "note",
        "attributive", "title", "plural", "short", "sense",
    ]  # fmt: skip
    assert rows[4][6:] == [
        "Indian",
        "",
        "",
        "",
        json.dumps(INDIA["sense"], ensure_ascii=False, separators=(",", ":")),
    ]
    assert rows[1][6:] == ["Chinese", "", "", "", ""]


def test_a_rich_table_without_forms_or_sense_is_written_as_before():
    terms = [Term("딥시크", "DeepSeek", TermType.ORG, ["딥 시크"], ["Deepseek"], "start-up")]
    assert export_table(terms, rich=True) == (
        "ko,en,type,variants,en_variants,note\n딥시크,DeepSeek,org,딥 시크,Deepseek,start-up\n"
    )
    assert export_table(terms) == "딥시크,DeepSeek\n"


def test_a_bad_sense_cell_names_its_line():
    header = ",".join(("ko", "en", "type", "variants", "en_variants", "note", "attributive",
                       "title", "plural", "short", "sense"))  # fmt: skip
    table = f'{header}\n중국,China,,,,,Chinese,,,,\n인도,India,,,,,,,,,"{{""otherwise"":"\n'
    with pytest.raises(GlossaryError, match=r"table:3: the sense cell is not JSON"):
        import_table(table)
    bad_choice = f'{header}\n인도,India,,,,,,,,,"{{""otherwise"":""maybe""}}"\n'
    with pytest.raises(GlossaryError, match=r"table:2: `sense.otherwise` is `maybe`"):
        import_table(bad_choice)


def test_export_and_import_through_the_cli_keep_forms_and_sense(cli, spec_file, tmp_path):
    for fmt in ("csv", "tsv", "tbx"):
        exported = tmp_path / f"terms.{fmt}"
        args = ["glossary", "export", "-f", fmt, "-o", exported, "-g", spec_file]
        assert cli(*args, *(["--rich"] if fmt != "tbx" else [])).exit_code == 0
        target = tmp_path / f"from-{fmt}.yaml"
        result = cli("glossary", "import", exported, "--into", target)
        assert result.exit_code == 0, result.stderr
        looked_up = json.loads(cli("lookup", "인도", "-f", "json", "-g", target).stdout)
        assert {key: looked_up[0][key] for key in INDIA} == INDIA, fmt


# --------------------------------------------------------------------------- TBX


@pytest.mark.parametrize("version", [2, 3])
def test_tbx_round_trip_keeps_forms_and_sense(spec_file, version):
    terms = list(load_glossary([spec_file], use_cache=False))
    senator = Term(
        "상원의원",
        "senator",
        forms={"title": "Sen.", "plural": "senators", "short": "S.", "attributive": "senatorial"},
    )
    back = import_tbx(export_tbx([*terms, senator], version=version))
    fields = ("ko", "en", "type", "variants", "en_variants", "note", "forms", "sense")
    assert [tuple(getattr(t, f) for f in fields) for t in back] == [
        tuple(getattr(t, f) for f in fields) for t in [*terms, senator]
    ]


def test_tbx_marks_forms_with_tbx_basic_categories(spec_file):
    text = export_tbx(load_glossary([spec_file], use_cache=False))
    attributive = (
        "<term>Indian</term>\n"
        '            <termNote type="partOfSpeech">adjective</termNote>\n'
        '            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>\n'
    )
    assert attributive in text
    assert '<termNote type="grammaticalNumber">plural</termNote>' in text
    assert "<term>Sen.</term>" in text and "<note>title: written before a name</note>" in text
    sense = json.dumps(INDIA["sense"], ensure_ascii=False, separators=(",", ":"))
    assert f"<note>bilingo sense: {sense}</note>" in text


def test_tbx_of_an_entry_without_forms_or_sense_is_written_as_before():
    text = export_tbx([Term("딥시크", "DeepSeek", TermType.ORG, ["딥 시크"], [], "start-up")])
    body = text.split("<body>")[1]
    assert body == (
        '\n      <termEntry id="c1">\n'
        '        <descrip type="subjectField">org</descrip>\n'
        "        <note>start-up</note>\n"
        '        <langSet xml:lang="ko">\n'
        "          <tig>\n            <term>딥시크</term>\n"
        '            <termNote type="partOfSpeech">noun</termNote>\n'
        '            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>\n'
        "          </tig>\n"
        "          <tig>\n            <term>딥 시크</term>\n"
        '            <termNote type="partOfSpeech">noun</termNote>\n'
        '            <termNote type="termType">variant</termNote>\n'
        '            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>\n'
        "          </tig>\n        </langSet>\n"
        '        <langSet xml:lang="en">\n'
        "          <tig>\n            <term>DeepSeek</term>\n"
        '            <termNote type="partOfSpeech">noun</termNote>\n'
        '            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>\n'
        "          </tig>\n        </langSet>\n      </termEntry>\n    </body>\n  </text>\n</martif>\n"
    )


OTHER_TOOL = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en-US"><text><body>
  <termEntry id="t1">
    <langSet xml:lang="ko-KR"><tig><term>연방준비제도</term></tig></langSet>
    <langSet xml:lang="en-US">
      <tig><term>Federal Reserve</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <tig><term>Fed</term><termNote type="termType">acronym</termNote></tig>
      <tig><term>FRB</term><termNote type="termType">shortForm</termNote></tig>
      <tig><term>Federal Reserve System</term></tig>
      <tig><term>Reserves</term><termNote type="grammaticalNumber">plural</termNote></tig>
      <tig><term>Fedspeak</term><termNote type="partOfSpeech">adjective</termNote>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
  <termEntry id="t2">
    <langSet xml:lang="ko"><tig><term>중국</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>Chinese</term>
      <termNote type="partOfSpeech">adjective</termNote></tig></langSet>
  </termEntry>
  <termEntry id="t3">
    <langSet xml:lang="ko"><tig><term>상원의원</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>senator</term></tig>
      <tig><term>Senator</term><note>Title, before a name</note></tig></langSet>
  </termEntry>
</body></text></martif>
"""


def test_tbx_from_another_tool_gives_its_marked_terms_as_forms():
    fed, china, senator = import_tbx(OTHER_TOOL)
    assert (fed.en, fed.forms) == ("Federal Reserve", {"short": "Fed", "plural": "Reserves"})
    assert fed.en_variants == ["FRB", "Federal Reserve System"]  # a second short form, a variant
    assert (china.en, china.forms) == ("Chinese", {})  # a marked term alone is the English
    assert (senator.en, senator.forms) == ("senator", {"title": "Senator"})


def test_a_bad_sense_note_in_tbx_names_the_entry_line():
    text = export_tbx([Term("인도", "India", sense={"otherwise": "skip"})])
    broken = text.replace('{"otherwise":"skip"}', '{"otherwise":')
    with pytest.raises(GlossaryError, match=r"TBX input:\d+: the note `bilingo sense:` does not"):
        import_tbx(broken)


def test_translate_toolkit_still_reads_the_pairs(spec_file):
    from translate.storage.tbx import tbxfile

    terms = list(load_glossary([spec_file], use_cache=False))
    store = tbxfile.parsestring(export_tbx(terms).encode(), "ko", "en")
    units = [unit for unit in store.units if unit.istranslatable()]
    assert [(unit.source, unit.target) for unit in units] == [(t.ko, t.en) for t in terms]
