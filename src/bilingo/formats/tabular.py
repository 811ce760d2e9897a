"""Glossaries as CSV or TSV tables.

Two forms:

* **two columns**, Korean then English, one entry per line: what DeepL,
  Google Cloud Translation and Amazon Translate take as a ko->en glossary.
  DeepL and Google read every line as an entry (Google's docs say the file
  must not have a header row), while Amazon wants a first row of language
  codes (`ko,en`). So the default is no header, and `header=True` writes
  `ko,en` for Amazon.
* **rich**: ko, en, type, variants, en_variants, note, with lists joined by
  "|"; it carries a whole entry, and has a header row by default.

Reading accepts either form, with or without its header row, and also the
four-column CSV that DeepL's glossary editor exports (source, target,
source language, target language). A `en,ko` header swaps the columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..errors import GlossaryError, GlossaryProblems
from ..files import NotTextError, decode_text
from ..glossary import LINE_KEY, term_from_entry
from ..terms import Term

__all__ = ["RICH_COLUMNS", "decode_table_bytes", "export_table", "import_table"]

RICH_COLUMNS = ("ko", "en", "type", "variants", "en_variants", "note")
LIST_SEPARATOR = "|"
LANGUAGE_COLUMNS = ("ko", "en")


def export_table(
    terms: Iterable[Term], delimiter: str = ",", rich: bool = False, header: bool | None = None
) -> str:
    """The terms as CSV (or TSV with delimiter "\\t"); header None means the form's default."""
    if header is None:
        header = rich
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(RICH_COLUMNS if rich else LANGUAGE_COLUMNS)
    for term in terms:
        if rich:
            writer.writerow(
                [
                    term.ko,
                    term.en,
                    term.type.value if term.type else "",
                    LIST_SEPARATOR.join(term.variants),
                    LIST_SEPARATOR.join(term.en_variants),
                    term.note or "",
                ]
            )
        else:
            writer.writerow([term.ko, term.en])
    return buffer.getvalue()


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
    """The terms of a CSV/TSV table; any bad row raises, naming its line.

    Every row must have as many columns as the first one (2, 4 or 6); empty
    lines are skipped. All rows are checked before anything is returned.
    """
    name = path or "table"
    rows = _rows(text.removeprefix("\ufeff"), delimiter, name)
    if not rows:
        return []
    first_line, first = rows[0]
    columns, swap, has_header = _layout(first, first_line, name, delimiter)
    terms, problems = [], []
    for line, row in rows[1:] if has_header else rows:
        if len(row) != columns:
            problems.append(
                GlossaryError(
                    f"has {len(row)} columns, but the table has {columns} "
                    f"({_column_names(columns)}); quote cells holding "
                    f"{'a comma' if delimiter == ',' else 'the delimiter'}",
                    name,
                    line,
                )
            )
            continue
        entry = _entry(row, columns, swap)
        entry[LINE_KEY] = line
        try:
            terms.append(term_from_entry(entry, name))
        except GlossaryError as error:
            problems.append(error)
    GlossaryProblems.raise_any(problems)
    return terms


def _rows(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    """(first line number, stripped cells) of each non-empty row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            if any(cells):
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise GlossaryError(f"malformed table: {error}", name, reader.line_num) from None
    return rows


def _layout(first: list[str], line: int, name: str, delimiter: str) -> tuple[int, bool, bool]:
    """(number of columns, whether en comes first, whether the first row is a header)."""
    lowered = [cell.casefold() for cell in first]
    if tuple(lowered) == RICH_COLUMNS:
        return 6, False, True
    languages = [cell.split("-")[0].split("_")[0] for cell in lowered]
    if len(first) == 2 and sorted(languages) == ["en", "ko"]:
        return 2, languages[0] == "en", True
    if len(first) == 2:
        return 2, False, False
    if len(first) == 4 and sorted(languages[2:]) == ["en", "ko"]:
        return 4, languages[2] == "en", False
    if len(first) == 6:
        return 6, False, False
    separator = "tab" if delimiter == "\t" else repr(delimiter)
    raise GlossaryError(
        f"has {len(first)} columns (separated by {separator}); a glossary table has 2 "
        f"(ko, en), 6 ({', '.join(RICH_COLUMNS)}) or DeepL's 4 (ko, en, KO, EN)",
        name,
        line,
    )


def _column_names(columns: int) -> str:
    if columns == 6:
        return ", ".join(RICH_COLUMNS)
    return "ko, en" if columns == 2 else "ko, en, source language, target language"


def _entry(row: list[str], columns: int, swap: bool) -> dict:
    ko, en = (row[1], row[0]) if swap else (row[0], row[1])
    entry: dict = {"ko": ko, "en": en}
    if columns == 6:
        kind, variants, en_variants, note = row[2:]
        if kind:
            entry["type"] = kind
        if variants:
            entry["variants"] = variants.split(LIST_SEPARATOR)
        if en_variants:
            entry["en_variants"] = en_variants.split(LIST_SEPARATOR)
        if note:
            entry["note"] = note
    return entry
