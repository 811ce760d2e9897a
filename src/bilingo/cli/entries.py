"""`bilingo lookup`, `add` and `remove`: one entry at a time."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UsageError
from ..korean import contains_hangul
from .app import ROOT_OPTIONS, app
from .output import GLOSSARY_OPTION, OutputFormat, format_option, render, say

LOOKUP_COLUMNS = ["ko", "en", "type", "variants", "en_variants", "note", "source"]
TYPE_HELP = "org, person, place, product, media, term or event."


def load(glossary_paths: list[Path] | None):
    """The glossary the user asked for (--glossary, else $BILINGO_GLOSSARY, else the default)."""
    from ..glossary import load_glossary

    return load_glossary(glossary_paths or ROOT_OPTIONS.get("glossary"))


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
    glossary = load(glossary_paths)
    found = glossary.lookup(query, reverse=reverse)
    if not found:
        _explain_no_entry(glossary, query, reverse)
        raise typer.Exit(1)
    say(render([term.to_dict() for term in found], LOOKUP_COLUMNS, format.value))


def _explain_no_entry(glossary, query: str, reverse: bool) -> None:
    """Say nothing matched, and what might: close headwords, or the English side."""
    say(f"no entry for `{query.strip()}`", err=True)
    looks_english = not reverse and not contains_hangul(query) and any(c.isalpha() for c in query)
    if looks_english:
        as_english = glossary.lookup(query, reverse=True)
        if as_english:
            headwords = ", ".join(term.ko for term in as_english)
            say(f"`{query.strip()}` is the English of: {headwords} (look up English with --reverse)",
                err=True)  # fmt: skip
            return
    hint = glossary.suggest(query, reverse=reverse or looks_english)
    if hint:
        flag = " --reverse" if looks_english else ""
        say(f"did you mean{flag}: {', '.join(hint)}", err=True)


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
