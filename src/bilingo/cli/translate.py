"""`bilingo translate`: a file, stdin or a folder, with the glossary enforced, offline."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..errors import UsageError
from .app import app
from .entries import load
from .inputs import progress_bar, read_input, require_file
from .output import GLOSSARY_OPTION, write_text


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
    to_lang: str = typer.Option("en", "--to", help="Target language: en or ko."),
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
        0, "--threads", help="CPU threads for the model (0: let CTranslate2 decide)."
    ),
    compute_type: str = typer.Option(
        "auto", "--compute-type", help="CTranslate2 compute type: auto, int8, float32 ..."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Translate Korean text to English (or back) with the glossary enforced, offline."""
    from ..translation import check_language_pair, make_engine, run_pipeline, translate_folder

    check_language_pair(from_lang, to_lang)
    is_folder = source is not None and source.is_dir()
    if is_folder and output is None:
        raise UsageError(f"{source} is a folder; give --output FOLDER for the translations")
    require_file(source)
    glossary = None if no_glossary else load(glossary_paths)
    # Every engine gets these options; engines ignore the ones they do not use.
    translator = make_engine(engine, from_lang, to_lang, threads=threads, compute_type=compute_type)
    if is_folder:
        with progress_bar("translating files") as progress:
            written = translate_folder(
                source, output, glossary, output_format=format.value, engine=translator,
                apply_glossary=not no_glossary, progress=progress,
            )  # fmt: skip
        typer.echo(f"translated {len(written)} files into {output}", err=True)
        return
    text = read_input(source)
    with progress_bar("translating") as progress:
        result = run_pipeline(text, glossary, translator, progress=progress)
    write_text(result.render(format.value), output)
