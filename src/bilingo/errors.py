"""Domain errors: what went wrong, as data. Front ends word the remedy.

A BilingoError's message says what is wrong in plain words and names no
command-line flag. What would fix it travels as data: `remedy`, a key from
REMEDIES, and `details`, the values the remedy needs (a language pair, a
path). The command line turns the key into advice (`bilingo model install ko
en`); a server or a script can word it its own way. See docs/design.md,
"Errors".
"""

from __future__ import annotations

import warnings

# Keys a BilingoError's `remedy` may hold, and the details each one uses.
REMEDIES = {
    "install-model": "install a model for the pair (details: source_lang, target_lang)",
    "install-model-file": "get the model package file another way and install it from the file",
    "remove-model-first": "remove the installed model first (details: source_lang, target_lang)",
    "list-models": "list the installed models to see what is there",
    "update-entry": "add the entry again as an update, which replaces it in place",
    "other-target": "write to another glossary file",
    "validate-glossary": "validate the glossary file to see every problem (details: file)",
    "give-english-query": "give a Korean word, or an English one for a reverse lookup",
    "list-engines": "choose one of the registered engines (details: available)",
    "fix-engine-plugin": "reinstall or uninstall the Python package that registers the engine "
    "(details: distribution)",
}


class BilingoError(Exception):
    """Base of every error bilingo expects; its message is shown to the user as is.

    remedy: a key of REMEDIES, or None; details: the values the remedy needs.
    """

    exit_code = 1
    remedy: str | None = None

    def __init__(self, message: str = "", *, remedy: str | None = None, **details: object):
        super().__init__(message)
        if remedy is not None:
            self.remedy = remedy
        self.details: dict[str, object] = details


class UsageError(BilingoError):
    """The user asked for something that cannot be done as asked (exit 2)."""

    exit_code = 2


class UnsupportedLanguagePair(UsageError):
    """A translation direction bilingo does not do (it does ko->en and en->ko)."""

    def __init__(self, source_lang: str, target_lang: str, supported: list[tuple[str, str]]):
        self.source_lang, self.target_lang = source_lang, target_lang
        pairs = " and ".join(f"{s}\u2192{t}" for s, t in supported)
        super().__init__(f"bilingo translates {pairs}, not {source_lang}\u2192{target_lang}")


class UnknownEngineError(UsageError):
    """An engine name no installed package registers."""

    remedy = "list-engines"

    def __init__(self, name: str, available: list[str]):
        self.name, self.available = name, list(available)
        super().__init__(
            f"unknown engine {name!r}; choose one of: {', '.join(available)}",
            available=list(available),
        )


class EngineError(BilingoError):
    """A registered engine that cannot be loaded or started (a broken or outdated plugin).

    details: engine (the registered name), distribution (the Python package that
    registers it) and version.
    """


class InputError(BilingoError):
    """Input text that cannot be read: missing file, not UTF-8, binary."""


class GlossaryError(BilingoError):
    """A problem in a glossary file; carries the place so the user can fix it."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        *,
        remedy: str | None = None,
        **details: object,
    ):
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + message, remedy=remedy, **details)


class GlossaryProblems(BilingoError):
    """Several glossary problems found at once (validate reports them all)."""

    def __init__(self, problems: list[GlossaryError]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def raise_any(cls, problems: list[GlossaryError]) -> None:
        """Raise the one problem as it is, or several together; nothing when there are none."""
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise cls(problems)


class DuplicateTermError(GlossaryError):
    """Adding a headword the glossary already has; `existing` is the entry there."""

    remedy = "update-entry"

    def __init__(self, message: str, path: str | None = None, line: int | None = None, *,
                 existing=None):  # fmt: skip
        self.existing = existing
        super().__init__(message, path, line)


class TermNotFound(GlossaryError):
    """Removing or updating a headword that the glossary (or the given file) does not have."""


class ModelError(BilingoError):
    """A translation model package that is broken, refused, or cannot be found."""


class ModelNotInstalled(ModelError):
    """No installed model for the requested language pair."""

    remedy = "install-model"

    def __init__(self, source_lang: str, target_lang: str):
        self.source_lang = source_lang
        self.target_lang = target_lang
        super().__init__(
            f"no {source_lang}\u2192{target_lang} model is installed",
            source_lang=source_lang,
            target_lang=target_lang,
        )


class NetworkError(BilingoError):
    """A download that could not be made (offline machine, index unreachable)."""

    remedy = "install-model-file"


class BilingoWarning(UserWarning):
    """Recoverable trouble the core reports (an unreadable cache); the CLI shows `warning: ...`."""


def warn(message: str) -> None:
    """Report recoverable trouble through the warnings machinery, never by printing."""
    warnings.warn(message, BilingoWarning, stacklevel=3)
