"""Translating text, a file or a folder: the language pair checked, the engine made, output written.

This is the layer the public API (bilingo.translate) and the command line
share, so both refuse the same pairs and write files the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..engines import Engine, get_engine
from ..errors import InputError, UnsupportedLanguagePair, UsageError
from ..files import atomic_write_text, atomic_writer, file_lines, read_text_file
from .pipeline import Progress, run_pipeline
from .result import OUTPUT_FORMATS, TranslationResult
from .stream import StreamSummary, translate_stream

SUPPORTED_PAIRS = (("ko", "en"), ("en", "ko"))
TRANSLATABLE_SUFFIXES = (".txt", ".md")
DEFAULT_SOURCE_LANG = "ko"


def check_language_pair(source_lang: str, target_lang: str) -> None:
    """Raise UnsupportedLanguagePair unless bilingo translates this direction."""
    if (source_lang, target_lang) not in SUPPORTED_PAIRS:
        raise UnsupportedLanguagePair(source_lang, target_lang, list(SUPPORTED_PAIRS))


def make_engine(
    engine: str | Engine = "argos",
    source_lang: str | None = None,
    target_lang: str | None = None,
    **engine_options,
) -> Engine:
    """An engine for a checked language pair: a registered name is created, an object checked.

    The pair defaults to ko->en (or the engine's own pair); giving only the
    source picks the other language as the target. Options (threads,
    compute_type, beam_size for argos) apply when the engine is created by name.
    """
    if isinstance(engine, str):
        source_lang = source_lang or DEFAULT_SOURCE_LANG
        target_lang = target_lang or ("en" if source_lang == "ko" else "ko")
        check_language_pair(source_lang, target_lang)
        return get_engine(engine, source_lang, target_lang, **engine_options)
    if engine_options:
        raise UsageError(
            f"engine options ({', '.join(engine_options)}) apply only when the engine is "
            "given by name; configure the engine object instead"
        )
    wanted = (source_lang or engine.source_lang, target_lang or engine.target_lang)
    if wanted != (engine.source_lang, engine.target_lang):
        raise UsageError(
            f"the {engine.name} engine given translates {engine.source_lang}\u2192"
            f"{engine.target_lang}, not {wanted[0]}\u2192{wanted[1]}"
        )
    check_language_pair(*wanted)
    return engine


DEVICES = ("cpu", "cuda", "auto")


def engine_settings(threads: int = 0, compute_type: str = "auto", device: str = "cpu") -> dict:
    """The options the CLI and the server create an engine with.

    Every engine gets threads and compute_type (engines ignore what they do
    not use); `device` is passed only when it is not the CPU, so an engine
    plugin that knows nothing of devices keeps working.
    """
    if device not in DEVICES:
        raise UsageError(f"device must be one of {', '.join(DEVICES)}, not `{device}`")
    options: dict = {"threads": threads, "compute_type": compute_type}
    if device != "cpu":
        options["device"] = device
    return options


def _glossary_for(glossary, apply_glossary: bool):
    if not apply_glossary:
        return None
    if glossary is not None:
        return glossary
    from ..glossary import load_glossary

    return load_glossary()


def translate_text(
    text: str,
    glossary=None,
    *,
    engine: str | Engine = "argos",
    source_lang: str | None = None,
    target_lang: str | None = None,
    apply_glossary: bool = True,
    progress: Progress | None = None,
    **engine_options,
) -> TranslationResult:
    """Translate `text` with the glossary enforced; returns a TranslationResult.

    glossary: a Glossary, or None for the default one (apply_glossary=False
    leaves terms to the engine, figures are still made exact). engine: a
    registered engine name ("argos", "none", or a plugin's) or an Engine
    object. progress(done, total) is called as sentences are translated.
    """
    translator = make_engine(engine, source_lang, target_lang, **engine_options)
    return run_pipeline(
        text, _glossary_for(glossary, apply_glossary), translator, progress=progress
    )


def translate_file(
    path: str | os.PathLike,
    glossary=None,
    *,
    output: str | os.PathLike | None = None,
    output_format: str = "text",
    **options,
) -> TranslationResult:
    """Translate a UTF-8 text file; with `output`, also write the result there atomically.

    Other keyword arguments (engine, source_lang, target_lang, apply_glossary,
    progress, engine options) are those of translate_text.
    """
    _check_output_format(output_format)
    result = translate_text(read_text_file(path), glossary, **options)
    if output is not None:
        write_output(result.render(output_format), Path(output))
    return result


def translate_folder(
    folder: str | os.PathLike,
    output: str | os.PathLike,
    glossary=None,
    *,
    output_format: str = "text",
    engine: str | Engine = "argos",
    source_lang: str | None = None,
    target_lang: str | None = None,
    apply_glossary: bool = True,
    progress: Callable[[int, int], None] | None = None,
    **engine_options,
) -> list[Path]:
    """Translate every .txt/.md file under `folder` into the same names under `output`.

    JSON output files take a .json suffix. Each file is translated part by
    part (bounded memory) and written atomically; no output may be an input.
    progress(done, total) counts files. Returns the files written, in order.
    """
    _check_output_format(output_format)
    folder, output = Path(folder), Path(output)
    sources = folder_sources(folder)
    targets = [_target_for(path, folder, output, output_format) for path in sources]
    if output.resolve() == folder.resolve():
        raise UsageError(f"{output} is the folder being translated; give another output folder")
    for source, target in zip(sources, targets, strict=True):
        check_not_overwriting(source, target)
    translator = make_engine(engine, source_lang, target_lang, **engine_options)
    glossary = _glossary_for(glossary, apply_glossary)
    for done, (source, target) in enumerate(zip(sources, targets, strict=True), start=1):
        translate_to_file(file_lines(source), target, glossary, translator, output_format)
        if progress:
            progress(done, len(sources))
    return targets


def _target_for(source: Path, folder: Path, output: Path, output_format: str) -> Path:
    target = output / source.relative_to(folder)
    return target.with_suffix(".json") if output_format == "json" else target


def folder_sources(folder: Path) -> list[Path]:
    """The files translate_folder reads, in name order; none is an InputError."""
    files = sorted(
        p for p in folder.rglob("*") if p.suffix in TRANSLATABLE_SUFFIXES and p.is_file()
    )
    if not files:
        raise InputError(f"{folder} holds no .txt or .md files")
    return files


def check_not_overwriting(source: Path, output: Path) -> None:
    """Refuse an output that is the input itself (the same file, also through links)."""
    same = (
        os.path.samefile(source, output)
        if source.exists() and output.exists()
        else source.resolve() == output.resolve()
    )
    if same:
        raise UsageError(f"{output} is the input file {source}; give another output")


def translate_to_file(
    lines: Iterable[str],
    output: Path,
    glossary,
    engine,
    output_format: str = "text",
    progress: Callable[[int], None] | None = None,
) -> StreamSummary:
    """Translate lines part by part straight into `output`, replacing it atomically at the end."""
    if output.is_dir():
        raise UsageError(f"{output} is a folder; give a file name")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with atomic_writer(output) as out:
            return translate_stream(
                lines, glossary, engine, out.write, output_format, progress=progress
            )
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror}") from None


def write_output(text: str, path: Path) -> None:
    """Write a translation to `path` atomically, making its folder if needed."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None


def _check_output_format(output_format: str) -> None:
    if output_format not in OUTPUT_FORMATS:
        raise UsageError(f"unknown output format {output_format!r}; one of {OUTPUT_FORMATS}")
