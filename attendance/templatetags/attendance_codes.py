"""Template filters for attendance codes: `{{ code.meaning|code_meaning }}`."""

from django import template

from attendance.meanings import translated_meaning

register = template.Library()


@register.filter
def code_meaning(meaning: str) -> str:
    return translated_meaning(meaning)
