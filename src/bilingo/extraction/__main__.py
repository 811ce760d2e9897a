"""`python -m bilingo.extraction`: rebuild the shipped loanword-origin index
(origins.write_shipped_index) after the spelling rules or their data changed."""

from .origins import write_shipped_index

print(write_shipped_index())
