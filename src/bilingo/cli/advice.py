"""How the command line words the remedy each core error names (bilingo.errors.REMEDIES).

The core says what is wrong and, as data, what would fix it; only here does
that become a command to type. {placeholders} come from the error's details.
"""

from __future__ import annotations

from ..errors import BilingoError

MODEL_FILE = "`bilingo model install --file PATH.argosmodel`"

REMEDY_ADVICE = {
    "install-model": "run `bilingo model install {source_lang} {target_lang}`, or " + MODEL_FILE,
    "install-model-file": "without network, get the .argosmodel file another way and run "
    + MODEL_FILE,
    "remove-model-first": "run `bilingo model remove {source_lang} {target_lang}` first",
    "list-models": "`bilingo model list` shows what is",
    "update-entry": "use --update to replace it",
    "other-target": "choose another --into",
    "validate-glossary": "fix it first, `bilingo glossary validate {file}` lists them",
    "give-english-query": "give a Korean word (or English with --reverse)",
    "list-engines": "",  # the message already lists them
    "override-builtin": "to change it, add your own with `bilingo add {ko} EN --update`",
    "fix-engine-plugin": "reinstall the Python package {distribution} that registers it, "
    "or uninstall that package to drop the engine",
}


def describe_error(error: BilingoError) -> str:
    """The error's message, with its remedy worded for the command line."""
    message = str(error)
    template = REMEDY_ADVICE.get(error.remedy or "", "")
    if not template:
        return message
    try:
        advice = template.format(**error.details)
    except (KeyError, IndexError):
        return message
    return f"{message}; {advice}"
