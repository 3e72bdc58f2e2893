"""Attendance codes' meanings, the district's words, shown in the family's language."""

from django.template import Context, Template
from django.utils import translation

from attendance.meanings import STANDARD_MEANINGS, translated_meaning

FILTER = Template("{% load attendance_codes %}{{ meaning|code_meaning }}")


def shown(meaning: str, language: str) -> str:
    with translation.override(language):
        return FILTER.render(Context({"meaning": meaning}))


def test_the_standard_meanings_are_translated() -> None:
    assert shown("Absent, unexcused", "es") == "Ausente, sin justificar"
    assert shown("Tardy, excused", "es") == "Tardanza, justificada"
    assert shown("Dismissed early", "es") == "Salida anticipada"


def test_every_standard_meaning_has_a_spanish_translation() -> None:
    with translation.override("es"):
        untranslated = [m for m in STANDARD_MEANINGS if translated_meaning(m) == m]

    assert untranslated == []


def test_a_districts_own_meaning_is_shown_as_written() -> None:
    assert shown("Field trip", "es") == "Field trip"


def test_in_english_the_meaning_is_unchanged() -> None:
    assert shown("Absent, unexcused", "en") == "Absent, unexcused"


def test_an_empty_meaning_stays_empty() -> None:
    assert translated_meaning("") == ""
