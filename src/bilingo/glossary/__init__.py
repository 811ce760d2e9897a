"""The term store: glossary YAML files read, validated, cached, looked up and edited.

    locations   which files are read (explicit paths, $BILINGO_GLOSSARY, built-in + yours)
    reader      YAML text -> entries, safely, every problem with file and line
    validation  what a valid entry is (forms and sense too); checks across entries
    lint        what validate warns about: valid entries likely to misfire
    store       the Glossary class: entries, indexes, lookup, add/update/remove
    cache       the compiled cache of rows, indexes and automaton
    writer      comment-preserving edits: where an entry goes, and the check of the result
    locked_write  the locked, atomic replacement of a file every edit goes through
    rendering   entries as YAML text
    load        load_glossary and check_glossary, tying the above together

The file format and the rules are in docs/design.md ("Glossary files").

    >>> glossary = load_glossary()
    >>> glossary.lookup("엔비디아가")[0].en
    'Nvidia'
"""

from ..terms import normalize_space, without_spaces
from .cache import CompiledCache
from .load import check_glossary, load_glossary
from .locations import default_glossary_dir, expand_paths, is_builtin, resolve_glossary_paths
from .reader import parse_yaml, read_glossary_file
from .rendering import render_entry
from .store import Glossary
from .validation import ENTRY_KEYS, FORM_KEYS, LINE_KEY, SENSE_KEYS, term_from_entry
from .writer import remove_term, write_term, write_terms

__all__ = [
    "ENTRY_KEYS",
    "FORM_KEYS",
    "LINE_KEY",
    "SENSE_KEYS",
    "CompiledCache",
    "Glossary",
    "check_glossary",
    "default_glossary_dir",
    "expand_paths",
    "is_builtin",
    "load_glossary",
    "normalize_space",
    "parse_yaml",
    "read_glossary_file",
    "remove_term",
    "render_entry",
    "resolve_glossary_paths",
    "term_from_entry",
    "without_spaces",
    "write_term",
    "write_terms",
]
