"""bilingo: a Korean-English glossary and offline translation aid.

    >>> import bilingo
    >>> glossary = bilingo.load_glossary()
    >>> [term.en for term in glossary.lookup("엔비디아가")]
    ['Nvidia']

The heavier parts (matcher, translation) are imported on first use, so
importing bilingo stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import BilingoError, GlossaryError, ModelNotInstalled  # noqa: E402
from .glossary import Glossary, load_glossary  # noqa: E402
from .terms import Match, Term, TermType  # noqa: E402

__all__ = [
    "BilingoError",
    "Glossary",
    "GlossaryError",
    "Match",
    "ModelNotInstalled",
    "Term",
    "TermType",
    "__version__",
    "load_glossary",
]
