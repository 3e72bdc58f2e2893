import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from homeroom import env


def test_unset_variables_take_their_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOMEROOM_X", raising=False)

    assert env.boolean("HOMEROOM_X", True) is True
    assert env.integer("HOMEROOM_X", 7) == 7
    assert env.words("HOMEROOM_X", ["a"]) == ["a"]
    assert env.date("HOMEROOM_X", datetime.date(2010, 11, 9)) == datetime.date(
        2010, 11, 9
    )


def test_values_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOMEROOM_FLAG", "Yes")
    monkeypatch.setenv("HOMEROOM_NUMBER", "42")
    monkeypatch.setenv("HOMEROOM_HOSTS", "portal.example.org, localhost")
    monkeypatch.setenv("HOMEROOM_DAY", "2027-01-04")

    assert env.boolean("HOMEROOM_FLAG", False) is True
    assert env.integer("HOMEROOM_NUMBER", 0) == 42
    assert env.words("HOMEROOM_HOSTS", []) == ["portal.example.org", "localhost"]
    assert env.date("HOMEROOM_DAY", datetime.date.today()) == datetime.date(2027, 1, 4)


@pytest.mark.parametrize(
    ("read", "value"),
    [
        (lambda: env.boolean("BAD_VALUE", False), "maybe"),
        (lambda: env.integer("BAD_VALUE", 1), "twelve"),
        (lambda: env.integer("BAD_VALUE", 1, minimum=1), "0"),
        (lambda: env.date("BAD_VALUE", datetime.date.today()), "9 Nov 2010"),
        (lambda: env.database("BAD_VALUE", "sqlite:///x.db"), "mysqlx://nowhere"),
    ],
)
def test_a_bad_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, read: object, value: str
) -> None:
    monkeypatch.setenv("BAD_VALUE", value)

    with pytest.raises(ImproperlyConfigured, match="BAD_VALUE"):
        read()  # type: ignore[operator]


def test_database_url_reads_postgres(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/homeroom")

    config = env.database("DATABASE_URL", "sqlite:///x.db")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "homeroom"
