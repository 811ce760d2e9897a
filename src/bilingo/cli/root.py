"""The root `bilingo` command: its groups, global options, and how errors and warnings show.

Every command module registers itself on these apps. A BilingoError raised
anywhere below becomes one or two `error:` lines and its exit code (the
remedy worded by bilingo.cli.advice); a BilingoWarning from the core becomes
a `warning:` line (both through bilingo.cli.running, which the quick lookup
path shares). Nothing here changes state outside the command's own run.
"""

from pathlib import Path

import typer
from typer.core import TyperGroup

from ..errors import BilingoError
from ..version import __version__
from .running import ROOT_OPTIONS, report_error, report_interrupt, warnings_shown


class BilingoGroup(TyperGroup):
    """Turns BilingoError anywhere below into a short message and its exit code."""

    def invoke(self, ctx):
        with warnings_shown():
            try:
                return super().invoke(ctx)
            except BilingoError as error:
                ctx.exit(report_error(error, debug=bool(ctx.find_root().params.get("debug"))))
            except KeyboardInterrupt:
                ctx.exit(report_interrupt())


def _new_group(help_text: str, completion: bool = False) -> typer.Typer:
    return typer.Typer(
        cls=BilingoGroup,
        no_args_is_help=True,
        add_completion=completion,  # --install-completion / --show-completion on the root
        pretty_exceptions_enable=False,
        help=help_text,
    )


app = _new_group("Korean\u2194English glossary and offline translation aid.", completion=True)
glossary_app = _new_group("Validate, count, export and import glossary files.")
model_app = _new_group("List, install and remove Argos translation models.")
app.add_typer(glossary_app, name="glossary")
app.add_typer(model_app, name="model")


def _version(value: bool):
    if value:
        typer.echo(f"bilingo {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    glossary_paths: list[Path] | None = typer.Option(
        None,
        "--glossary",
        "-g",
        help="Glossary file or folder for every command (repeatable); also accepted after "
        "the command.",
    ),
):
    """Korean\u2194English glossary and offline translation aid."""
    ROOT_OPTIONS.clear()
    ROOT_OPTIONS["glossary"] = glossary_paths or None
