"""`bilingo model list|install|remove`: Argos packages on this machine, and the engines."""

from pathlib import Path

import typer

from ..errors import ModelError, ModelNotInstalled, UsageError
from .inputs import progress_bar
from .options import format_option
from .output import OutputFormat, megabytes, print_rows, render, say
from .root import model_app

MODEL_COLUMNS = ["pair", "version", "size", "path"]
ENGINE_COLUMNS = ["engine", "provided by", "version"]


@model_app.command("list")
def model_list(format: OutputFormat = format_option()):
    """List installed models (pair, version, size, folder), then the registered engines.

    Every format but the table lists the installed models only, as json always has.
    """
    from ..models import list_models, models_dir

    rows = [_model_row(model) for model in list_models()]
    if format is not OutputFormat.table:
        print_rows(rows, MODEL_COLUMNS, format.value)
        return
    if rows:
        say(render(rows, MODEL_COLUMNS, "table"))
        say()
    else:
        say(f"no models installed in {models_dir()}", err=True)
    say(render(_engine_rows(), ENGINE_COLUMNS, "table"))


def _model_row(model) -> dict:
    return {
        "pair": f"{model.source_lang}-{model.target_lang}",
        "version": model.package_version,
        "size": megabytes(model.size_bytes),
        "path": str(model.path),
    }


def _engine_rows() -> list[dict]:
    """The engines `translate --engine` takes, and the Python package that provides each."""
    from ..engines import available_engines

    return [
        {"engine": info.name, "provided by": info.distribution, "version": info.version}
        for info in available_engines()
    ]


@model_app.command("install")
def model_install(
    from_lang: str | None = typer.Argument(None, help="Source language code, e.g. ko."),
    to_lang: str | None = typer.Argument(None, help="Target language code, e.g. en."),
    file: Path | None = typer.Option(
        None, "--file", help="Install this .argosmodel file (no network)."
    ),
):
    """Install a model from a .argosmodel file, or download one from the Argos index."""
    from .. import models

    if file is not None:
        installed = models.install_from_file(file)
    elif from_lang and to_lang:
        available = models.describe_available(from_lang, to_lang)
        with progress_bar(f"{from_lang}\u2192{to_lang}") as bar:
            installed = models.install_from_index(
                from_lang, to_lang, _announce_download(available, bar), available=available
            )
    else:
        raise UsageError(
            "give FROM TO (e.g. `bilingo model install ko en`) or --file PATH.argosmodel"
        )
    say(
        f"installed {installed.pair} {installed.package_version} "
        f"({megabytes(installed.size_bytes)}) in {installed.path}"
    )


@model_app.command("remove")
def model_remove(
    from_lang: str = typer.Argument(..., help="Source language code."),
    to_lang: str = typer.Argument(..., help="Target language code."),
):
    """Remove an installed model."""
    from ..models import remove_model

    try:
        removed = remove_model(from_lang, to_lang)
    except ModelNotInstalled as missing:
        # Installing is not the fix when removing: point at what is installed instead.
        raise ModelError(str(missing), remedy="list-models") from None
    say(f"removed {removed.pair} {removed.package_version} ({removed.path})")


def _announce_download(available, bar):
    """A progress callback that first says what is downloaded and how much, then feeds the bar."""
    announced = False

    def report(done: int, total: int) -> None:
        nonlocal announced
        if not announced:
            size = megabytes(total) if total else "size unknown"
            say(
                f"downloading {available.name} {available.package_version} ({size}) "
                f"from {available.links[0]}",
                err=True,
            )
            announced = True
        if bar:
            bar(done, total)

    return report
