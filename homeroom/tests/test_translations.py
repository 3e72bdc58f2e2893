"""The translation files: complete where families read, well formed, compiled.

Django reads only the compiled .mo files, and a fresh machine may lack gettext
to compile them, so the .mo files are committed and must match the .po files.
"""

import re
from pathlib import Path

import polib
import pytest

from homeroom.tests.catalogs import (
    FAMILY_FACING,
    LOCALE,
    SIGN_IN_AND_CREATION,
    catalog,
    entries_from,
    references,
)

PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sd%]")
LANGUAGES = ["es", "pt"]


def translations(entry: polib.POEntry | polib.MOEntry) -> list[str]:
    if entry.msgid_plural:
        return [str(text) for text in entry.msgstr_plural.values()]
    return [str(entry.msgstr)]


def gaps(language: str, prefixes: tuple[str, ...]) -> list[str]:
    return [
        f"{entry.msgid!r} ({references(entry)[0]})"
        for entry in entries_from(language, prefixes)
        if "fuzzy" in entry.flags or not all(translations(entry))
    ]


def test_every_message_a_family_reads_is_in_spanish() -> None:
    assert gaps("es", FAMILY_FACING) == []


def test_sign_in_and_account_creation_are_in_portuguese() -> None:
    assert gaps("pt", SIGN_IN_AND_CREATION) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_marked_fuzzy(language: str) -> None:
    po = catalog(language)

    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def keeps_placeholders(entry: polib.POEntry, text: str) -> bool:
    """The same placeholders; a singular form may leave out the count."""
    expected = placeholders(entry.msgid_plural or entry.msgid)
    found = placeholders(text)
    return found == expected or bool(entry.msgid_plural and found <= expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    wrong = [
        entry.msgid
        for entry in catalog(language).translated_entries()
        for text in translations(entry)
        if not keeps_placeholders(entry, text)
    ]

    assert wrong == []


def messages_of(mo: polib.MOFile) -> dict[tuple[str, str], tuple[str, ...]]:
    return {
        (entry.msgctxt or "", entry.msgid): tuple(translations(entry)) for entry in mo
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_file_is_compiled_from_the_po_file(
    language: str, tmp_path: Path
) -> None:
    fresh = tmp_path / "django.mo"
    catalog(language).save_as_mofile(str(fresh))
    committed = LOCALE / language / "LC_MESSAGES" / "django.mo"

    assert committed.exists(), "run manage.py compilemessages and commit the .mo"
    assert messages_of(polib.mofile(str(committed))) == messages_of(
        polib.mofile(str(fresh))
    ), "the .mo is older than the .po: run manage.py compilemessages"
