"""English words that tell where a name ends, for deciding English hits (decide_english).

A glossary name followed by another capitalized word is usually part of a
longer name (Ford Focus, Claude Lelouch, South China Sea), unless that word
is one of these: a company suffix, a title, a day or month, which follow
names without being part of them (Apple Inc., U.S. President, Seoul Monday).
A glossary name right after a common given name is a surname (Tom Ford).
"""

from __future__ import annotations

NAME_SUFFIXES = frozenset(
    """
    Inc Corp Co Ltd LLC PLC AG SA NV SE Group Holdings Company Corporation
    President Prime Minister Secretary Chairman Chairwoman Chair Governor Gov Sen Rep
    Mayor Chief Commissioner Director Minister Ambassador Senator Representative CEO
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December I II III The A An
    """.split()  # noqa: SIM905 - a word list reads best as text
)

ENGLISH_GIVEN_NAMES = frozenset(
    """
    James John Robert Michael William David Richard Joseph Thomas Tom Charles Chris
    Christopher Daniel Matthew Anthony Mark Donald Steven Steve Paul Andrew Joshua
    Kenneth Kevin Brian George Timothy Tim Ronald Edward Jason Jeffrey Jeff Ryan Jacob
    Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Sam
    Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam
    Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian
    Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe
    Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy
    Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Elon Jensen Satya Sundar
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa
    Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa
    Deborah Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Shirley Angela Helen
    Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine
    Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly
    Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline
    Fiona Denzel Keanu Leonardo Brad Angelina Meryl Kate Scarlett Natalie Taylor Claude
    Pablo Vincent Hugo Gerald Ursula Emmanuel Olaf Angela Kamala Hillary Barack Marco
    """.split()  # noqa: SIM905 - a word list reads best as text
)
