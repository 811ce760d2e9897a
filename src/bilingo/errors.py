"""Domain errors. cli.py alone turns them into a message and an exit code."""

from __future__ import annotations


class BilingoError(Exception):
    """Base of every error bilingo expects; its message is shown to the user as is."""

    exit_code = 1


class UsageError(BilingoError):
    """The user asked for something that cannot be done as asked (exit 2)."""

    exit_code = 2


class InputError(BilingoError):
    """Input text that cannot be read: missing file, not UTF-8, binary."""


class GlossaryError(BilingoError):
    """A problem in a glossary file; carries the place so the user can fix it."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + message)


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
    """`add` of a headword the glossary already has."""


class ModelError(BilingoError):
    """A translation model package that is broken, refused, or cannot be found."""


class ModelNotInstalled(ModelError):
    """No installed model for the requested language pair; the message names the fix."""

    def __init__(self, source_lang: str, target_lang: str):
        self.source_lang = source_lang
        self.target_lang = target_lang
        super().__init__(
            f"no {source_lang}\u2192{target_lang} model is installed; run "
            f"`bilingo model install {source_lang} {target_lang}`, or "
            f"`bilingo model install --file PATH.argosmodel`"
        )


class NetworkError(BilingoError):
    """A download that could not be made (offline machine, index unreachable)."""
