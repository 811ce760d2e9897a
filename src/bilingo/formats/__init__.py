"""Glossary interchange: TBX, CSV/TSV and YAML files in, merged into a glossary file.

    terms = import_terms("client-termbase.tbx")      # or .csv, .tsv, .yaml
    report = merge_into("my-glossary.yaml", terms)   # report.added/duplicates/conflicts

Every imported entry is validated before anything is written; the new
entries then go into the target file in one locked, atomic write that keeps
its comments (glossary.write_terms, the batch form of what `add` uses). An
entry whose headword the file already has is never overwritten: the same
English makes it a duplicate, a different English a conflict, and both are
reported.

`iter_terms` is the streaming form of `import_terms`: CSV/TSV rows are read
one at a time, and `merge_into` keeps only its index of headwords and the
report, so a million-row table is never held whole. A bad row raises after
the last one, before `merge_into` writes anything.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError, GlossaryProblems, UsageError
from ..files import read_bytes
from ..glossary import read_glossary_file, without_spaces, write_terms
from ..terms import Term
from .tabular import decode_table_bytes, export_table, import_table, read_table_file
from .tbx import export_tbx, import_tbx

__all__ = [
    "Conflict",
    "MergeReport",
    "decode_table_bytes",
    "export_table",
    "export_tbx",
    "import_table",
    "import_tbx",
    "import_terms",
    "iter_terms",
    "merge_into",
]

TBX_SUFFIXES = (".tbx", ".xml")
TABLE_DELIMITERS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
YAML_SUFFIXES = (".yaml", ".yml")


def import_terms(path: str | os.PathLike) -> list[Term]:
    """The terms of a TBX, CSV, TSV or YAML file, chosen by its suffix; bad input raises."""
    return list(iter_terms(path))


def iter_terms(path: str | os.PathLike) -> Iterator[Term]:
    """`import_terms` one term at a time; CSV/TSV files are read as they are consumed.

    A wrong suffix, and any problem of a TBX or YAML file (parsed whole), raise
    at once; a table's problems raise while iterating, bad rows after the last term.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    known = (*TBX_SUFFIXES, *TABLE_DELIMITERS, *YAML_SUFFIXES)
    if suffix not in known:
        raise UsageError(
            f"cannot tell the format of {path} from its name; "
            "import a .tbx (or .xml), .csv, .tsv or .yaml file"
        )
    if suffix in TABLE_DELIMITERS:
        return read_table_file(str(path), TABLE_DELIMITERS[suffix])
    return iter(_whole_file_terms(path, suffix))


def _whole_file_terms(path: Path, suffix: str) -> list[Term]:
    """The terms of a TBX or YAML file, which are parsed whole."""
    if suffix in YAML_SUFFIXES:
        if not path.is_file():
            read_bytes(path, "glossary file to import")  # the same message as the others
        terms, problems = read_glossary_file(path)
        GlossaryProblems.raise_any(problems)
        return terms
    return import_tbx(read_bytes(path, "glossary file to import"), str(path))


@dataclass(frozen=True)
class Conflict:
    """An imported entry whose headword the target has with another English."""

    imported: Term
    existing: Term

    def to_dict(self) -> dict:
        return {
            "ko": self.imported.ko,
            "en": self.imported.en,
            "existing_en": self.existing.en,
            "source": self.existing.source,
        }


@dataclass
class MergeReport:
    """What `merge_into` did: entries added, and entries skipped as duplicates or conflicts."""

    path: Path
    added: list[Term] = field(default_factory=list)
    duplicates: list[Term] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "added": [{"ko": t.ko, "en": t.en} for t in self.added],
            "duplicates": [{"ko": t.ko, "en": t.en} for t in self.duplicates],
            "conflicts": [conflict.to_dict() for conflict in self.conflicts],
        }


def _valid_entries_of(target: Path) -> list[Term]:
    """The entries of an import target (none when it does not exist yet); it must be valid."""
    if not target.exists():
        return []
    if target.is_dir():
        raise GlossaryError("is a folder; give a .yaml file to import into", str(target))
    existing, problems = read_glossary_file(target)
    if problems:
        first = problems[0]
        where = f"line {first.line}: " if first.line else ""
        raise GlossaryError(
            f"cannot import into a file with problems ({where}{first.reason})",
            str(target),
            remedy="validate-glossary",
            file=str(target),
        )
    return existing


def merge_into(path: str | os.PathLike, terms: Iterable[Term]) -> MergeReport:
    """Add `terms` to the glossary file at `path` (created if absent), never overwriting.

    A headword already in the file (or already earlier in `terms`) is a
    duplicate when the English is the same and a conflict when it is not;
    neither is written. The file must be a valid glossary before the merge,
    and it is written once, atomically, or not at all: `terms` may be an
    iterator (see `iter_terms`), consumed whole before the write, so an error
    it raises leaves the file as it was.
    """
    target = Path(path).expanduser()
    report = _sorted_out(terms, target)
    if report.added:
        report.added = write_terms(report.added, target)
    return report


def _sorted_out(terms: Iterable[Term], target: Path) -> MergeReport:
    """The report of the merge before the write: which terms are new, which are not.

    The index of headwords lives only here, so a big import frees it (and the
    file's own entries) before `write_terms` needs its memory.
    """
    by_korean: dict[str, Term] = {}
    for term in _valid_entries_of(target):
        for form in (term.ko, *term.variants):
            by_korean.setdefault(without_spaces(form), term)
    report = MergeReport(target)
    for term in terms:
        earlier = by_korean.get(without_spaces(term.ko))
        if earlier is None:
            # Every field but where it was read from: the target gives it its own place.
            fresh = dataclasses.replace(term, domain=None, path=None, line=None)
            report.added.append(fresh)
            for form in (term.ko, *term.variants):
                by_korean.setdefault(without_spaces(form), fresh)
        elif earlier.en == term.en:
            report.duplicates.append(term)
        else:
            report.conflicts.append(Conflict(term, earlier))
    return report
