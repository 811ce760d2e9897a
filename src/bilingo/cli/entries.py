"""`bilingo lookup`, `add` and `remove`: one entry at a time."""

from pathlib import Path

import typer

from ..errors import UsageError
from .options import GLOSSARY_OPTION, format_option
from .output import OutputFormat, say
from .root import app
from .running import load

TYPE_HELP = "org, person, place, product, media, term or event."


@app.command()
def lookup(
    query: str = typer.Argument(
        ..., help="Korean word, particles allowed (딥시크의); English with --reverse."
    ),
    reverse: bool = typer.Option(
        False, "--reverse", "-r", help="Search by English, case-insensitively."
    ),
    format: OutputFormat = format_option(),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Look a term up by headword, variant or English."""
    from .lookup import run_lookup  # here: root --help lists this command without it (~7 ms)

    code = run_lookup(query, reverse, format.value, glossary_paths)
    if code:
        raise typer.Exit(code)


@app.command()
def add(
    ko: str = typer.Argument(..., help="Korean headword."),
    en: str = typer.Argument(..., help="English equivalent."),
    type: str | None = typer.Option(None, "--type", "-t", help=TYPE_HELP),
    variant: list[str] | None = typer.Option(
        None, "--variant", "-v", help="Another Korean spelling (repeatable)."
    ),
    en_variant: list[str] | None = typer.Option(
        None, "--en-variant", help="Another English rendering QA accepts (repeatable)."
    ),
    note: str | None = typer.Option(
        None, "--note", "-n", help="What the term is, where the English alone is ambiguous."
    ),
    form: list[str] | None = typer.Option(
        None,
        "--form",
        help="An English form, KEY=VALUE (repeatable): attributive=Chinese, title=Sen., "
        "plural=people or short=Fed.",
    ),
    into: Path | None = typer.Option(
        None,
        "--into",
        "--to",
        help="Glossary file to write (default: your own glossary; --to is the older name).",
    ),
    update: bool = typer.Option(
        False,
        "--update",
        "-u",
        help="Replace an existing entry in place (fields not given are kept).",
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Add an entry to a glossary file (comments and layout are kept)."""
    from ..glossary import term_from_entry

    entry = {
        "ko": ko,
        "en": en,
        "type": type,
        "variants": variant or None,
        "en_variants": en_variant or None,
        "note": note,
        "forms": _forms(form),
    }
    term = term_from_entry({k: v for k, v in entry.items() if v is not None}, "new entry")
    written = load(glossary_paths).add(term, into, update=update)
    say(f"{'updated' if update else 'added'} {written.ko} \u2192 {written.en} ({written.source})")


def _forms(pairs: list[str] | None) -> dict[str, str] | None:
    """`--form KEY=VALUE` options as the entry's forms; a malformed one is a usage error."""
    from ..glossary import FORM_KEYS

    forms = {}
    for pair in pairs or ():
        key, equals, value = pair.partition("=")
        if not (equals and key.strip() in FORM_KEYS and value.strip()):
            raise UsageError(
                f"--form `{pair}` is not KEY=VALUE with KEY one of {', '.join(FORM_KEYS)} "
                "(for example --form attributive=Chinese)"
            )
        forms[key.strip()] = value
    return forms or None


@app.command()
def remove(
    ko: str = typer.Argument(..., help="Korean headword of the entry to delete."),
    from_file: Path | None = typer.Option(
        None,
        "--from",
        help="Glossary file to delete it from (default: the file that holds it).",
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Delete an entry from a glossary file (comments and other entries are kept)."""
    if from_file is not None:
        from ..glossary import remove_term

        removed = remove_term(ko, from_file)
    else:
        removed = load(glossary_paths).remove(ko)
    say(f"removed {removed.ko} \u2192 {removed.en} ({removed.source})")
