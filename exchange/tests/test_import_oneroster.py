"""manage.py import_oneroster PATH [--contacts FILE] [--dry-run]."""

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from exchange.tests.packages import CLASSLINK, handmade
from records.models import Contact, Student

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def command(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_oneroster", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_the_summary_table(tmp_path: Path) -> None:
    out, _ = command(str(handmade().write(tmp_path)))

    lines = out.splitlines()
    assert lines.index("                   created    updated    removed") >= 0
    assert "students                 2          0          0" in lines
    assert "scores                   6          0          0" in lines
    assert lines[-1].startswith("Imported: 44 rows in ")
    assert Student.objects.count() == 2


def test_it_draws_a_progress_bar_on_stderr(tmp_path: Path) -> None:
    _, err = command(str(handmade().write(tmp_path)))

    assert "Checking the files       [##############################] 100%" in err
    assert "Writing scores" in err


def test_it_prints_the_warnings(tmp_path: Path) -> None:
    out, _ = command(str(CLASSLINK))

    assert (
        "Warning: manifest.csv, line 2, column value: manifest.version is written "
        "1 instead of 1.0. It was read as 1.0." in out.splitlines()
    )


def test_a_second_run_says_nothing_changed(tmp_path: Path) -> None:
    folder = str(handmade().write(tmp_path))
    command(folder)

    out, _ = command(folder)

    assert "Nothing to change: Homeroom was up to date." in out


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    out, _ = command(str(handmade().write(tmp_path)), "--dry-run")

    assert "students                 2          0          0" in out
    assert "Dry run: nothing was written." in out
    assert not Student.objects.exists()


def test_problems_are_listed_and_the_command_fails(tmp_path: Path) -> None:
    files = handmade()
    files.set("users.csv", "STU-1", grades="seventh")
    files.set("results.csv", "RS-2", scoreDate="25/11/2026")
    err = StringIO()

    with pytest.raises(CommandError) as failure:
        call_command(
            "import_oneroster",
            str(files.write(tmp_path)),
            stdout=StringIO(),
            stderr=err,
        )

    assert str(failure.value) == (
        "2 problems found; nothing was imported. Correct the files and run the "
        "import again."
    )
    listed = [line for line in err.getvalue().splitlines() if line.startswith("- ")]
    assert listed == [
        "- users.csv, line 2, column grades: 'seventh' is not a grade level: use 01 "
        "to 13, or KG, PK and the like.",
        "- results.csv, line 3, column scoreDate: '25/11/2026' is not a date "
        "(YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM:SS.sssZ).",
    ]
    assert not Student.objects.exists()


def test_it_takes_a_contacts_file(tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "student_number,first_name,last_name,address_line1,postal_code\n"
        "200101,Maria,Lopez,4 Mill Lane,06457\n"
    )

    command(str(handmade().write(tmp_path / "set")), "--contacts", str(contacts))

    assert Contact.objects.get(sourced_id="PAR-1").address_line1 == "4 Mill Lane"
