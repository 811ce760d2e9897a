"""Glossaries as CSV or TSV tables.

Two forms:

* **two columns**, Korean then English, one entry per line: what DeepL,
  Google Cloud Translation and Amazon Translate take as a ko->en glossary.
  DeepL and Google read every line as an entry (Google's docs say the file
  must not have a header row), while Amazon wants a first row of language
  codes (`ko,en`). So the default is no header, and `header=True` writes
  `ko,en` for Amazon.
* **rich**: ko, en, type, variants, en_variants, note, with lists joined by
  "|"; it carries a whole entry, and has a header row by default. When any
  entry has forms or sense, five columns follow: attributive, title, plural,
  short (the forms) and sense (compact JSON, empty when none). A glossary
  without them is written exactly as before issue 10.

Reading accepts either form, with or without its header row, and also the
four-column CSV that DeepL's glossary editor exports (source, target,
source language, target language). A `en,ko` header swaps the columns.

Formula injection: Excel, LibreOffice and Google Sheets run a cell that starts
with = + - @ (or a tab or CR) as a formula, so `=HYPERLINK(...)` in a glossary
would run when the export is opened. Following OWASP's CSV-injection rule,
such a cell is written with a single quote in front (`'+82`); this applies to
legitimate values like "+82" or "-ish" too, and the MT services keep the quote
as part of the term. Reading takes one quote off a cell that starts with a
quote and then one of those characters, and export also quotes a cell that
already starts that way (`'=x` is written `''=x`), so export -> import gives
back every value exactly.

Reading streams: `read_table` takes the lines of a file one at a time and
yields terms as it goes, so a million-row file is never held whole.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator

from ..errors import GlossaryError, GlossaryProblems
from ..files import NotTextError, decode_text, read_bytes, text_lines
from ..glossary import FORM_KEYS, LINE_KEY, term_from_entry
from ..terms import LIST_SEPARATOR, Term

__all__ = [
    "FULL_COLUMNS",
    "RICH_COLUMNS",
    "decode_table_bytes",
    "export_table",
    "import_table",
    "read_table",
    "read_table_file",
]

RICH_COLUMNS = ("ko", "en", "type", "variants", "en_variants", "note")
FULL_COLUMNS = (*RICH_COLUMNS, *FORM_KEYS, "sense")  # rich, when an entry has forms or sense
LANGUAGE_COLUMNS = ("ko", "en")
LAYOUTS = {2: LANGUAGE_COLUMNS, len(RICH_COLUMNS): RICH_COLUMNS, len(FULL_COLUMNS): FULL_COLUMNS}
# A cell a spreadsheet would run as a formula, possibly behind quotes of our own escaping.
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralised(cell: str) -> str:
    """The cell as written to a table: a quote in front when it could start a formula."""
    return "'" + cell if FORMULA_START.match(cell) else cell


def restored(cell: str) -> str:
    """A read cell without the quote `neutralised` (or a spreadsheet user) put in front."""
    return cell[1:] if cell.startswith("'") and FORMULA_START.match(cell) else cell


def export_table(
    terms: Iterable[Term], delimiter: str = ",", rich: bool = False, header: bool | None = None
) -> str:
    """The terms as CSV (or TSV with delimiter "\\t"); header None means the form's default."""
    if header is None:
        header = rich
    columns = LANGUAGE_COLUMNS
    if rich:
        terms = list(terms)  # looked at twice: the columns depend on every entry
        columns = FULL_COLUMNS if any(t.forms or t.sense for t in terms) else RICH_COLUMNS
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    # csv quotes only the characters of its line terminator, so a lone CR in a
    # cell would go out bare, and every reader takes it for the end of a row.
    quote_all = csv.writer(buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if header:
        writer.writerow(columns)
    for term in terms:
        cells = [neutralised(cell) for cell in _cells(term, len(columns))]
        (quote_all if any("\r" in cell for cell in cells) else writer).writerow(cells)
    return buffer.getvalue()


def _cells(term: Term, columns: int) -> list[str]:
    if columns == len(LANGUAGE_COLUMNS):
        return [term.ko, term.en]
    cells = [
        term.ko,
        term.en,
        term.type.value if term.type else "",
        LIST_SEPARATOR.join(term.variants),
        LIST_SEPARATOR.join(term.en_variants),
        term.note or "",
    ]
    if columns == len(FULL_COLUMNS):
        cells += [term.forms.get(key, "") for key in FORM_KEYS]
        cells.append(
            json.dumps(term.sense, ensure_ascii=False, separators=(",", ":")) if term.sense else ""
        )
    return cells


def decode_table_bytes(data: bytes, name: str) -> str:
    """A table file's bytes as text: UTF-8, with or without a BOM; anything else is refused."""
    try:
        return decode_text(data, name)
    except NotTextError as error:
        raise GlossaryError(_NOT_TEXT_REASONS[error.kind], name, error.line) from None


_NOT_TEXT_REASONS = {
    "utf16": "is UTF-16 text (Excel's 'Unicode text'); save it as CSV UTF-8 and import that",
    "binary": "looks like a binary file, not a CSV/TSV table",
    "encoding": "is not UTF-8 text; save it as UTF-8 (for example `iconv -f cp949 -t utf-8 FILE`)",
}


def import_table(text: str, delimiter: str = ",", path: str | None = None) -> list[Term]:
    """The terms of a CSV/TSV table held as text; any bad row raises, naming its line."""
    lines = io.StringIO(text.removeprefix("\ufeff"), newline="")
    return list(read_table(lines, delimiter, path))


def read_table_file(path: str, delimiter: str = ",") -> Iterator[Term]:
    """The terms of a UTF-8 CSV/TSV file, read row by row (see `read_table`)."""
    try:
        with open(path, "rb") as raw:
            yield from read_table(text_lines(raw, path), delimiter, path)
    except NotTextError as error:
        raise GlossaryError(_NOT_TEXT_REASONS[error.kind], path, error.line) from None
    except OSError:
        read_bytes(path, "glossary file to import")  # words (and raises) it as for every format
        raise


def read_table(
    lines: Iterable[str], delimiter: str = ",", path: str | None = None
) -> Iterator[Term]:
    """The terms of a CSV/TSV table, yielded as its lines are read.

    Every row must have as many columns as the first one (2, 4, 6 or 11); empty
    lines are skipped. Bad rows are collected and raised together after the
    last row, so a caller that consumes everything before writing (as
    `merge_into` does) writes nothing from a bad table.
    """
    name = path or "table"
    rows = _rows(lines, delimiter, name)
    first = next(rows, None)
    if first is None:
        return
    columns, swap, has_header = _layout(first[1], first[0], name, delimiter)
    problems = []
    for line, row in rows if has_header else itertools.chain([first], rows):
        try:
            yield _term(row, line, columns, swap, name, delimiter)
        except GlossaryError as error:
            problems.append(error)
    GlossaryProblems.raise_any(problems)


def _term(row: list[str], line: int, columns: int, swap: bool, name: str, delimiter: str) -> Term:
    if len(row) != columns:
        raise GlossaryError(
            f"has {len(row)} columns, but the table has {columns} "
            f"({_column_names(columns)}); quote cells holding "
            f"{'a comma' if delimiter == ',' else 'the delimiter'}",
            name,
            line,
        )
    entry = _entry(row, columns, swap)
    if columns == len(FULL_COLUMNS):
        entry.update(_forms_and_sense(row[len(RICH_COLUMNS) :], name, line))
    entry[LINE_KEY] = line
    return term_from_entry(entry, name)


def _rows(lines: Iterable[str], delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each non-empty row, stripped and without escaping quotes.

    The reader is strict about quotes: a lenient one reads an unclosed quote
    on to the end of the file (or to the next stray quote) as one cell and
    silently swallows every row in between.
    """
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    line = 1
    try:
        for row in reader:
            cells = [restored(cell.strip()) for cell in row]
            if any(cells):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error:
        raise _unclosed_quote(line, reader.line_num, name, delimiter) from None


def _unclosed_quote(start: int, end: int, name: str, delimiter: str) -> GlossaryError:
    # Every error of a strict reader comes from a quote: the end of the file
    # inside one, text after a closing one, or a cell grown past csv's field
    # limit because its quote never closed.
    reach = f" (lines {start}-{end} would be read as one cell)" if end > start else ""
    separator = "comma" if delimiter == "," else "tab" if delimiter == "\t" else "delimiter"
    return GlossaryError(
        f"a quote opened here is not closed properly{reach}; a quoted cell ends with a quote "
        f'just before the {separator} or the line end, and a quote inside it is written ""',
        name,
        start,
    )


def _layout(first: list[str], line: int, name: str, delimiter: str) -> tuple[int, bool, bool]:
    """(number of columns, whether en comes first, whether the first row is a header)."""
    lowered = [cell.casefold() for cell in first]
    if tuple(lowered) in (RICH_COLUMNS, FULL_COLUMNS):
        return len(lowered), False, True
    languages = [cell.split("-")[0].split("_")[0] for cell in lowered]
    if len(first) == 2 and sorted(languages) == ["en", "ko"]:
        return 2, languages[0] == "en", True
    if len(first) == 2:
        return 2, False, False
    if len(first) == 4 and sorted(languages[2:]) == ["en", "ko"]:
        return 4, languages[2] == "en", False
    if len(first) in (len(RICH_COLUMNS), len(FULL_COLUMNS)):
        return len(first), False, False
    separator = "tab" if delimiter == "\t" else repr(delimiter)
    raise GlossaryError(
        f"has {len(first)} columns (separated by {separator}); a glossary table has 2 "
        f"(ko, en), 6 ({', '.join(RICH_COLUMNS)}), 11 (those, {', '.join(FULL_COLUMNS[6:])}) "
        "or DeepL's 4 (ko, en, KO, EN)",
        name,
        line,
    )


def _column_names(columns: int) -> str:
    if columns in LAYOUTS:
        return ", ".join(LAYOUTS[columns])
    return "ko, en, source language, target language"


def _entry(row: list[str], columns: int, swap: bool) -> dict:
    ko, en = (row[1], row[0]) if swap else (row[0], row[1])
    entry: dict = {"ko": ko, "en": en}
    if columns >= len(RICH_COLUMNS):
        kind, variants, en_variants, note = row[2 : len(RICH_COLUMNS)]
        if kind:
            entry["type"] = kind
        if variants:
            entry["variants"] = variants.split(LIST_SEPARATOR)
        if en_variants:
            entry["en_variants"] = en_variants.split(LIST_SEPARATOR)
        if note:
            entry["note"] = note
    return entry


def _forms_and_sense(cells: list[str], name: str, line: int) -> dict:
    """The forms and sense of the last five cells of a full rich row (empty cells are none)."""
    *forms, sense = cells
    entry: dict = {"forms": {key: form for key, form in zip(FORM_KEYS, forms, strict=True) if form}}
    if sense:
        try:
            entry["sense"] = json.loads(sense)
        except (ValueError, RecursionError) as error:
            reason = getattr(error, "msg", "nested too deeply")
            raise GlossaryError(
                f"the sense cell is not JSON ({reason}); write it as an object, such as "
                '{"otherwise":"verify"}',
                name,
                line,
            ) from None
    return entry
