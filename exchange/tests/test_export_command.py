"""manage.py export_oneroster: the zip, and the contacts file beside it."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from conftest import Cast, Term
from records.models import Student

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("export_oneroster", *args, stdout=out)
    return out.getvalue()


def test_writes_the_zip_and_says_what_it_holds(
    cast: Cast, term: Term, tmp_path: Path
) -> None:
    path = tmp_path / "district.zip"

    output = run(str(path))

    with zipfile.ZipFile(path) as archive:
        assert "manifest.csv" in archive.namelist()
        users = archive.read("users.csv").decode()
    assert "100101" in users
    assert "users.csv                       7" in output
    assert "records made in Homeroom were given a sourcedId" in output
    assert output.strip().endswith(f"rows written to {path}.")
    assert not Student.objects.filter(sourced_id__isnull=True).exists()


def test_writes_the_contacts_file_too(cast: Cast, term: Term, tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.csv"

    output = run(str(tmp_path / "district.zip"), "--contacts", str(contacts))

    with contacts.open(newline="", encoding="utf-8") as text:
        rows = list(csv.DictReader(text))
    assert [(row["student_number"], row["first_name"]) for row in rows] == [
        ("100101", "Maria"),
        ("100102", "Maria"),
        ("100201", "Wei"),
    ]
    assert rows[0]["address_line1"] == "12 Elm Street"
    assert rows[0]["online_access"] == "yes"
    assert "3 contact rows written" in output


def test_names_what_is_left_out(cast: Cast, term: Term, tmp_path: Path) -> None:
    Student.objects.filter(pk=cast.lucas.pk).update(active=False)

    output = run(str(tmp_path / "district.zip"))

    assert "Left out: 1 inactive students" in output


def test_a_second_export_gives_no_new_sourced_ids(
    cast: Cast, term: Term, tmp_path: Path
) -> None:
    run(str(tmp_path / "first.zip"))

    output = run(str(tmp_path / "second.zip"))

    assert "given a sourcedId" not in output


def test_keeps_an_existing_file_unless_forced(
    cast: Cast, term: Term, tmp_path: Path
) -> None:
    path = tmp_path / "district.zip"
    path.write_bytes(b"earlier")

    with pytest.raises(CommandError, match="exists already"):
        run(str(path))
    assert path.read_bytes() == b"earlier"

    run(str(path), "--force")
    assert zipfile.is_zipfile(path)


def test_refuses_a_folder_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="There is no folder"):
        run(str(tmp_path / "missing" / "district.zip"))
