"""`bilingo lookup`: its work, and a quick path that answers the common forms without typer.

The typer command (bilingo.cli.entries) calls `run_lookup`. The console
script first offers its arguments to `quick_request`: when they are exactly
`lookup QUERY`, with only --reverse/-r, --format/-f FORMAT and
--glossary/-g PATH (each as its own word) around it, the lookup runs here,
without importing typer or building the command tree (about half of a warm
lookup's time), and prints and exits as the typer command would: the same
output, `error:`/`warning:` lines and exit codes. Anything else (--help, a
root option, `--format=json`, a word starting with `-`, shell completion,
Windows, a stream typer would re-encode: bilingo.cli.running.plain_environment)
goes to typer.
"""

from __future__ import annotations

from pathlib import Path

from .. import glossary  # noqa: F401  (what a lookup imports, before the console script's gc.freeze)
from ..errors import warn
from .output import OutputFormat, render, say
from .running import load_for_lookup, run_quick

LOOKUP_COLUMNS = ["ko", "en", "type", "variants", "en_variants", "note", "source"]
FORMATS = {fmt.value for fmt in OutputFormat}


def run_lookup(query: str, reverse: bool, fmt: str, glossary_paths: list[Path] | None) -> int:
    """Look `query` up and print the entries; 1 (after saying what might match) when none."""
    from ..glossary.lookup_store import StaleLookupStore

    try:
        answer = _answer(load_for_lookup(glossary_paths), query, reverse)
    except StaleLookupStore as damaged:  # found while reading it: the glossary answers instead
        warn(f"ignoring unreadable cache {damaged}; rebuilding it")
        answer = _answer(load_for_lookup(glossary_paths, rebuild=True), query, reverse)
    found, explanation = answer
    if not found:
        for line in explanation:
            say(line, err=True)
        return 1
    say(render([term.to_dict() for term in found], LOOKUP_COLUMNS, fmt))
    return 0


def _answer(source, query: str, reverse: bool) -> tuple[list, list[str]]:
    """The entries found, or else the lines saying so and what might match (worked out in full
    before anything is printed, so a retry prints once)."""
    found = source.lookup(query, reverse=reverse)
    return found, ([] if found else _no_entry_lines(source, query, reverse))


def _no_entry_lines(source, query: str, reverse: bool) -> list[str]:
    """Nothing matched: say so, and what might: close headwords, or the English side."""
    from ..korean import contains_hangul

    lines = [f"no entry for `{query.strip()}`"]
    looks_english = not reverse and not contains_hangul(query) and any(c.isalpha() for c in query)
    if looks_english:
        as_english = source.lookup(query, reverse=True)
        if as_english:
            headwords = ", ".join(term.ko for term in as_english)
            return [*lines, f"`{query.strip()}` is the English of: {headwords} "
                            "(look up English with --reverse)"]  # fmt: skip
    hint = source.suggest(query, reverse=reverse or looks_english)
    if hint:
        flag = " --reverse" if looks_english else ""
        lines.append(f"did you mean{flag}: {', '.join(hint)}")
    return lines + _spelling_lines(query, english=reverse or looks_english)


def _spelling_lines(query: str, english: bool) -> list[str]:
    """What the loanword-origin index says of a query no entry has: an English word's
    Korean spelling by the loanword rules, or the English a Hangul spelling comes from."""
    from ..korean.orthography import may_be_loanword_spelling

    if not english and not may_be_loanword_spelling(query):
        return []  # decided without loading the index: it holds no such spelling
    from ..extraction.origins import english_origins, korean_spellings

    if english:
        spellings = ", ".join(korean_spellings(query))
        return [f"spelled in Korean by the loanword rules: {spellings}"] if spellings else []
    origins = ", ".join(origin.english for origin in english_origins(query, exact=True))
    return [f"spelled as the English: {origins}"] if origins else []


# ----------------------------------------------------------------- the quick path


def quick_run(request: tuple) -> int:
    """Run the lookup of `quick_request` as the typer command would; returns the exit code."""
    return run_quick(run_lookup, *request)


def quick_request(args: list[str]) -> tuple[str, bool, str, list[Path] | None] | None:
    """(query, reverse, format, glossary paths) of the forms the quick path takes, else None."""
    if len(args) < 2 or args[0] != "lookup":
        return None
    query, reverse, fmt, paths = None, False, "table", []
    words = iter(args[1:])
    for word in words:
        if word in ("-r", "--reverse"):
            reverse = True
        elif word in ("-f", "--format"):
            fmt = next(words, None)
            if fmt not in FORMATS:
                return None
        elif word in ("-g", "--glossary"):
            path = next(words, None)
            if not path or path.startswith("-"):
                return None
            paths.append(Path(path))
        elif word.startswith("-") or query is not None or not word:
            return None
        else:
            query = word
    if query is None:
        return None
    return query, reverse, fmt, paths or None
