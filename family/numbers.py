"""Numbers as families read them on the pages, and as teachers type them."""

from decimal import Decimal

from django.utils import formats


def plain_number(value: Decimal) -> str:
    """A number of points as a family reads it: 18, 8.5, 100; 8,5 in Spanish."""
    return formats.number_format(value.normalize())


def typed_number(value: Decimal) -> str:
    """A number as a teacher types it in any language: 18, 8.5, 100."""
    return format(value.normalize(), "f")
