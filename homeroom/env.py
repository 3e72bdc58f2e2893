"""Read settings from the environment, refusing bad values by name."""

import datetime
import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    return os.environ.get(name)


def refuse(name: str, value: str, expected: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(
        f"The environment variable {name} is set to {value!r}, "
        f"but it must be {expected}."
    )


def text(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None else value


def boolean(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default

    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise refuse(name, value, "one of true/false, yes/no, on/off or 1/0")


def integer(name: str, default: int, minimum: int = 0) -> int:
    value = _raw(name)
    if value is None:
        return default

    try:
        number = int(value)
    except ValueError:
        raise refuse(name, value, "a whole number") from None
    if number < minimum:
        raise refuse(name, value, f"a whole number of at least {minimum}")
    return number


def words(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [word.strip() for word in value.split(",") if word.strip()]


def date(name: str, default: datetime.date) -> datetime.date:
    value = _raw(name)
    if value is None:
        return default

    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise refuse(name, value, "a date written as YYYY-MM-DD") from None


def database(name: str, default: str) -> dict[str, object]:
    import dj_database_url

    value = _raw(name) or default
    try:
        config = dict(dj_database_url.parse(value, conn_max_age=60))
    except (ValueError, dj_database_url.UnknownSchemeError) as error:
        raise refuse(
            name, value, "a URL such as postgres://user@host:5432/homeroom"
        ) from error
    if not config.get("NAME"):
        raise refuse(name, value, "a URL that names the database")
    return config
