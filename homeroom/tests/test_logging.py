import logging

from homeroom.logging import RedactSecrets


def record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(
        "django.request", logging.WARNING, "", 0, message, args, None
    )


def test_a_calendar_secret_never_reaches_the_log() -> None:
    entry = record("Not Found: %s", "/calendar/Zx9secretToken.ics")

    assert RedactSecrets().filter(entry)
    assert entry.getMessage() == "Not Found: /calendar/[secret]"


def test_other_lines_are_left_alone() -> None:
    entry = record("Outbox worker sent %d message(s)", 3)

    RedactSecrets().filter(entry)

    assert entry.getMessage() == "Outbox worker sent 3 message(s)"
