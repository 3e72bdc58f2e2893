"""Numbers as families read them on the pages."""

from decimal import Decimal


def plain_number(value: Decimal) -> str:
    """A number of points as a teacher writes it: 18, 8.5, 100."""
    return format(value.normalize(), "f")
