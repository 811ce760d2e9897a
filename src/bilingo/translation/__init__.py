"""Translation with the glossary enforced.

    documents   text, a file or a folder: language pair checked, engine made, output written
    pipeline    the flow: split, prepare, translate in one batch, repair, reassemble
    prepare     before MT: terms and money figures written in the target language
    repair      after MT: lost terms put back, en->ko particles made to agree
    stream      any size in bounded memory: part by part, output written as it goes
    result      TranslationResult and its text / bilingual / JSON forms

See docs/design.md, "Data flow of translate".
"""

from .documents import (
    SUPPORTED_PAIRS,
    TRANSLATABLE_SUFFIXES,
    check_language_pair,
    check_not_overwriting,
    engine_settings,
    folder_sources,
    make_engine,
    translate_file,
    translate_folder,
    translate_text,
    translate_to_file,
    write_output,
)
from .pipeline import run_pipeline
from .prepare import Insertion, PreparedSentence, prepare_source
from .repair import find_in_output, fix_particles, repair_outputs
from .result import OUTPUT_FORMATS, AppliedTerm, Segment, TranslationResult
from .stream import StreamSummary, document_parts, translate_stream

__all__ = [
    "OUTPUT_FORMATS",
    "SUPPORTED_PAIRS",
    "TRANSLATABLE_SUFFIXES",
    "AppliedTerm",
    "Insertion",
    "PreparedSentence",
    "Segment",
    "TranslationResult",
    "StreamSummary",
    "check_language_pair",
    "check_not_overwriting",
    "document_parts",
    "engine_settings",
    "find_in_output",
    "fix_particles",
    "folder_sources",
    "make_engine",
    "prepare_source",
    "repair_outputs",
    "run_pipeline",
    "translate_file",
    "translate_folder",
    "translate_stream",
    "translate_text",
    "translate_to_file",
    "write_output",
]
