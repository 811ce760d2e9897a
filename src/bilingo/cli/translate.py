"""`bilingo translate`: a file, stdin or a folder, with the glossary enforced, offline.

The typer command; its work (and a quick path without typer) is in bilingo.cli.translating.
"""

from enum import Enum
from pathlib import Path

import typer

from .options import GLOSSARY_OPTION
from .root import app


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
    # Imported here: registering the command (root --help lists every one) needs none of
    # the translation package (~20 ms).
    from .translating import run_translate

    run_translate(
        source, from_lang=from_lang, to_lang=to_lang, engine=engine, output_format=format.value,
        output=output, no_glossary=no_glossary, threads=threads, compute_type=compute_type,
        device=device, glossary_paths=glossary_paths,
    )  # fmt: skip
