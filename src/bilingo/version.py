"""bilingo's version, in the one module every other may import (it imports nothing)."""

__version__ = "0.1.0"
