"""`bilingo translate`: its work, and a quick path that runs the common forms without typer.

The typer command (bilingo.cli.translate) calls `run_translate`. The console
script first offers its arguments to `quick_request`: when they are
`translate` with at most one SOURCE and only the command's own options, each
given as its own word (`--engine argos`, not `--engine=argos`), the
translation runs here, without importing typer or building the command tree
(about 20 ms of every run), and prints and exits as the typer command would:
the same output, `error:`/`warning:` lines and exit codes. Anything else
(--help, a root option, `--format=json`, an option typer would reject, a
value starting with `-`, shell completion, a stream typer would re-encode)
goes to typer, which says what is wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UsageError
from ..translation import (
    OUTPUT_FORMATS,
    check_language_pair,
    check_not_overwriting,
    engine_settings,
    make_engine,
    translate_folder,
    translate_stream,
    translate_to_file,
)
from .inputs import input_lines, progress_bar, require_file
from .output import count_line, say
from .running import load, run_quick


def run_translate(
    source: Path | None,
    *,
    from_lang: str = "ko",
    to_lang: str | None = None,
    engine: str = "argos",
    output_format: str = "text",
    output: Path | None = None,
    no_glossary: bool = False,
    threads: int = 0,
    compute_type: str = "auto",
    device: str = "cpu",
    glossary_paths: list[Path] | None = None,
) -> None:
    """Translate SOURCE (a file, `-` or None for stdin, or a folder) as `bilingo translate`
    does; the defaults are the command's."""
    to_lang = to_lang or ("en" if from_lang == "ko" else "ko")
    check_language_pair(from_lang, to_lang)
    is_folder = source is not None and source.is_dir()
    if is_folder and output is None:
        raise UsageError(f"{source} is a folder; give --output FOLDER for the translations")
    require_file(source)
    glossary = None if no_glossary else load(glossary_paths)
    options = engine_settings(threads, compute_type, device)
    translator = make_engine(engine, from_lang, to_lang, **options)
    if is_folder:
        with progress_bar("translating files") as progress:
            written = translate_folder(
                source, output, glossary, output_format=output_format, engine=translator,
                apply_glossary=not no_glossary, progress=progress,
            )  # fmt: skip
        say(f"translated {count_line(len(written), 'file', 'files')} into {output}", err=True)
        return
    _translate_document(source, output, glossary, translator, output_format)


def _translate_document(source: Path | None, output: Path | None, glossary, engine, fmt: str):
    """One document from FILE or stdin, part by part, to stdout or straight into --output."""
    if output is not None and source is not None and str(source) != "-":
        check_not_overwriting(source, output)
    total = source.stat().st_size if source is not None and str(source) != "-" else None
    with progress_bar("translating") as bar:
        progress = (lambda done: bar(done, total)) if bar else None
        if output is None:
            summary = translate_stream(input_lines(source), glossary, engine, sys.stdout.write,
                                       fmt, progress=progress)  # fmt: skip
        else:
            summary = translate_to_file(
                input_lines(source), output, glossary, engine, fmt, progress
            )
    if summary.unconfirmed:
        # verify decisions are never forced in; the reviewer hears of the ones that did not come out
        n = count_line(summary.unconfirmed, "ambiguous glossary term", "ambiguous glossary terms")
        say(f"note: {n} left to the engine did not come out in the glossary's English; "
            "--format bilingual marks them", err=True)  # fmt: skip


# ----------------------------------------------------------------- the quick path

# option word -> run_translate's keyword; each takes the next word as its value
_VALUE_OPTIONS = {
    "--from": "from_lang",
    "--to": "to_lang",
    "--engine": "engine",
    "-e": "engine",
    "--format": "output_format",
    "-f": "output_format",
    "--output": "output",
    "-o": "output",
    "--threads": "threads",
    "--compute-type": "compute_type",
    "--device": "device",
}
_GLOSSARY_OPTIONS = ("--glossary", "-g")  # repeatable


def quick_request(args: list[str]) -> dict | None:
    """run_translate's arguments for the forms the quick path takes, else None."""
    if not args or args[0] != "translate":
        return None
    request: dict = {"source": None}
    words = iter(args[1:])
    for word in words:
        if word == "--no-glossary" and "no_glossary" not in request:
            request["no_glossary"] = True
        elif word in _GLOSSARY_OPTIONS:
            value = next(words, "")
            if not _plain_value(value):
                return None
            request.setdefault("glossary_paths", []).append(Path(value))
        elif word in _VALUE_OPTIONS:
            key, value = _VALUE_OPTIONS[word], next(words, "")
            if key in request or not _plain_value(value):
                return None  # given twice, or no value: typer decides
            request[key] = value
        elif word.startswith("-") and word != "-" or request["source"] is not None or not word:
            return None
        else:
            request["source"] = Path(word)
    return _converted(request)


def _plain_value(value: str) -> bool:
    return bool(value) and not value.startswith("-")


def _converted(request: dict) -> dict | None:
    """Values typed as the typer command types them; None where typer would refuse one."""
    if request.get("output_format", "text") not in OUTPUT_FORMATS:
        return None
    threads = request.get("threads", "0")
    if not threads.isascii() or not threads.isdigit():
        return None
    request["threads"] = int(threads)
    if "output" in request:
        request["output"] = Path(request["output"])
    return request


def quick_run(request: dict) -> int:
    """Run the translation of `quick_request` as the typer command would; the exit code."""
    from ..forked import background_writes

    background_writes()  # as the console script does for every typer command
    return run_quick(lambda: run_translate(**request))
