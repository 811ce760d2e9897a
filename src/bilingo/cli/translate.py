"""`bilingo translate`: a file, stdin or a folder, with the glossary enforced, offline."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from ..errors import UsageError
from .inputs import input_lines, progress_bar, require_file
from .options import GLOSSARY_OPTION
from .output import count_line, say
from .root import app
from .running import load


class TranslateFormat(str, Enum):
    text = "text"
    bilingual = "bilingual"
    json = "json"


@app.command()
def translate(
    source: Path | None = typer.Argument(
        None, help="Text file, or a folder of .txt/.md files; `-` or omitted reads stdin."
    ),
    from_lang: str = typer.Option("ko", "--from", help="Source language: ko or en."),
    to_lang: str | None = typer.Option(
        None, "--to", help="Target language: en or ko (default: the other one)."
    ),
    engine: str = typer.Option(
        "argos",
        "--engine",
        "-e",
        help="argos (an installed model), none (glossary and figures only), or an engine "
        "a plugin registers; `bilingo model list` shows them all.",
    ),
    format: TranslateFormat = typer.Option(
        TranslateFormat.text, "--format", "-f", help="Output format."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write here instead of stdout (a folder when translating a folder).",
    ),
    no_glossary: bool = typer.Option(
        False, "--no-glossary", help="Leave glossary terms to the engine, for comparison."
    ),
    threads: int = typer.Option(
        0,
        "--threads",
        help="CPU threads for the model, each translating its own batch of sentences "
        '(0: one per CPU, at most 4; measured fastest, README "Speed").',
    ),
    compute_type: str = typer.Option(
        "auto",
        "--compute-type",
        help="CTranslate2 compute type: auto (the fastest the device supports for the "
        "model's weights), int8, int8_float32, float32 ...",
    ),
    device: str = typer.Option(
        "cpu", "--device", help="Where the model runs: cpu, cuda or auto (CUDA when there is one)."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Translate Korean text to English (or back) with the glossary enforced, offline."""
    from ..translation import check_language_pair, engine_settings, make_engine, translate_folder

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
                source, output, glossary, output_format=format.value, engine=translator,
                apply_glossary=not no_glossary, progress=progress,
            )  # fmt: skip
        say(f"translated {count_line(len(written), 'file', 'files')} into {output}", err=True)
        return
    _translate_document(source, output, glossary, translator, format.value)


def _translate_document(source: Path | None, output: Path | None, glossary, engine, fmt: str):
    """One document from FILE or stdin, part by part, to stdout or straight into --output."""
    from ..translation import check_not_overwriting, translate_stream, translate_to_file

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
