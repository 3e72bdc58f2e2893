"""The meanings of attendance codes, in the family's language.

A code's meaning is the district's own words, kept in the database. The
meanings below are the ones Homeroom's demo and most districts use; they are
listed only so that `makemessages` puts them in the translation files. A
district with other meanings adds them to its .po files the same way; a
meaning no file translates is shown as the district wrote it.
"""

from django.utils.translation import gettext, gettext_noop

STANDARD_MEANINGS = (
    gettext_noop("Absent"),
    gettext_noop("Absent, unexcused"),
    gettext_noop("Absent, excused"),
    gettext_noop("Tardy"),
    gettext_noop("Tardy, unexcused"),
    gettext_noop("Tardy, excused"),
    gettext_noop("Dismissed early"),
)


def translated_meaning(meaning: str) -> str:
    """The meaning in the active language, when a translation file has it."""
    return gettext(meaning) if meaning else meaning
