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

from ..lazy import lazy_names
from ..terms import normalize_space as normalize_space  # re-exported
from ..terms import without_spaces as without_spaces  # re-exported

# name -> the module of this package that defines it, imported when the name is first
# used: a command that reads the compiled cache (translate, scan) then loads neither the
# YAML reader nor the writer.
_LAZY = {
    "CompiledCache": ".cache",
    "check_glossary": ".load",
    "load_glossary": ".load",
    "default_glossary_dir": ".locations",
    "expand_paths": ".locations",
    "is_builtin": ".locations",
    "resolve_glossary_paths": ".locations",
    "parse_yaml": ".reader",
    "read_glossary_file": ".reader",
    "render_entry": ".rendering",
    "Glossary": ".store",
    "ENTRY_KEYS": ".validation",
    "FORM_KEYS": "..terms",
    "LINE_KEY": ".validation",
    "SENSE_KEYS": "..terms",
    "term_from_entry": ".validation",
    "remove_term": ".writer",
    "write_term": ".writer",
    "write_terms": ".writer",
}


__getattr__ = lazy_names(__name__, _LAZY)
