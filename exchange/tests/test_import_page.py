"""The office's import page: upload, the worker's run, its progress and outcome."""

import datetime
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from accounts.models import Account
from conftest import Cast, Staff, Term
from exchange import import_runs
from exchange.models import ImportRun
from exchange.runs import ProgressFile, claim_next, folder, progress_path
from exchange.tests.packages import Files, handmade
from exchange.worker import run_waiting
from records.models import Contact, School, Student

pytestmark = pytest.mark.django_db

PAGE = reverse("exchange:import")
CONTACTS_HEADER = (
    "student_number,first_name,last_name,relationship,email,phone,address_line1,"
    "address_line2,city,state,postal_code,online_access\n"
)


@pytest.fixture(autouse=True)
def var(settings: Settings, tmp_path: Path) -> Iterator[None]:
    settings.VAR_DIR = tmp_path / "var"
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def district(cast: Cast, staff: Staff) -> Client:
    return cast.client_for(staff.district)


def zipped(files: Files, folder: Path) -> SimpleUploadedFile:
    written = files.write(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(written.iterdir()):
            archive.write(path, path.name)
    return SimpleUploadedFile("district.zip", buffer.getvalue())


def contacts_file(*rows: str) -> SimpleUploadedFile:
    text = CONTACTS_HEADER + "".join(f"{row}\n" for row in rows)
    return SimpleUploadedFile("contacts.csv", text.encode())


def upload(client: Client, **files: object) -> ImportRun:
    response = client.post(PAGE, files)
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("exchange:import_run", args=[run.pk])
    return run


def run_page(client: Client, run: ImportRun) -> str:
    response = client.get(reverse("exchange:import_run", args=[run.pk]))
    assert response.status_code == 200
    return response.content.decode()


def progress(client: Client, run: ImportRun) -> dict[str, object]:
    response = client.get(reverse("exchange:import_progress", args=[run.pk]))
    assert response.status_code == 200
    return json.loads(response.content)


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(PAGE)["Location"].startswith(reverse("accounts:sign_in"))


def test_only_district_administrators_may_import(
    cast: Cast, term: Term, staff: Staff
) -> None:
    # A bulk file removes whatever it does not list, across every school.
    refused = [
        cast.rivera,
        cast.lily_account,
        term.teacher,
        staff.middle_office,
        staff.high_office,
    ]
    for account in refused:
        assert cast.client_for(account).get(PAGE).status_code == 403
    assert cast.client_for(staff.district).get(PAGE).status_code == 200


def test_a_run_and_its_progress_are_for_district_administrators_only(
    cast: Cast, staff: Staff, district: Client
) -> None:
    run = ImportRun.objects.create(created_by=staff.district)
    office = cast.client_for(staff.middle_office)
    for name in ("exchange:import_run", "exchange:import_progress"):
        url = reverse(name, args=[run.pk])
        assert office.get(url).status_code == 403
        assert cast.client_for(cast.rivera).get(url).status_code == 403
        assert district.get(reverse(name, args=[run.pk + 1])).status_code == 404


def test_the_tab_shows_for_district_administrators_only(
    cast: Cast, staff: Staff, district: Client
) -> None:
    home = reverse("staff:home")
    assert "Import and export" in district.get(home).content.decode()
    office = cast.client_for(staff.middle_office)
    assert "Import and export" not in office.get(home).content.decode()


def test_a_file_that_is_not_a_zip_is_refused_at_once(district: Client) -> None:
    not_zip = SimpleUploadedFile("district.zip", b"sourcedId,name\n")

    response = district.post(PAGE, {"package": not_zip})

    assert "This is not a zip file." in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_file_must_be_chosen(district: Client) -> None:
    response = district.post(PAGE, {})

    assert "Choose a OneRoster zip file" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_good_package_is_imported_by_the_worker(
    district: Client, staff: Staff, tmp_path: Path
) -> None:
    run = upload(district, package=zipped(handmade(), tmp_path / "set"))
    assert "Waiting for the import worker" in run_page(district, run)
    assert progress(district, run)["status"] == "queued"

    assert run_waiting() == 1

    run.refresh_from_db()
    assert (run.status, run.created_by) == ("done", staff.district)
    assert run.summary["students"] == {"created": 2, "updated": 0, "removed": 0}
    assert Student.objects.filter(sourced_id="STU-1").exists()
    page = run_page(district, run)
    assert "Imported." in page
    assert '<th scope="row">Students</th><td>2</td>' in page
    assert progress(district, run)["finished"] is True
    assert list(folder("imports").iterdir()) == []  # the upload is gone


def test_a_broken_package_lists_its_problems_and_writes_nothing(
    district: Client, tmp_path: Path
) -> None:
    files = handmade()
    files.set("demographics.csv", "STU-1", birthDate="2013-13-45")
    run = upload(district, package=zipped(files, tmp_path / "set"))

    run_waiting()

    run.refresh_from_db()
    assert run.status == "rejected"
    assert run.problems == [
        {
            "file": "demographics.csv",
            "line": 2,
            "column": "birthDate",
            "message": "'2013-13-45' is not a date written as YYYY-MM-DD.",
        }
    ]
    page = run_page(district, run)
    assert "1 problem found. Nothing was imported" in page
    assert (
        "<td>demographics.csv</td><td>2</td><td>birthDate</td>"
        "<td>&#x27;2013-13-45&#x27; is not a date written as YYYY-MM-DD.</td>"
    ) in page
    assert not Student.objects.filter(sourced_id="STU-1").exists()
    assert not School.objects.filter(sourced_id="SCH-1").exists()


def test_check_only_counts_and_writes_nothing(district: Client, tmp_path: Path) -> None:
    run = upload(district, package=zipped(handmade(), tmp_path / "set"), dry_run="on")

    run_waiting()

    run.refresh_from_db()
    assert run.status == "checked"
    assert run.summary["students"]["created"] == 2
    assert "Checked: nothing was written." in run_page(district, run)
    assert not Student.objects.filter(sourced_id="STU-1").exists()


def test_a_package_with_a_contacts_file(district: Client, tmp_path: Path) -> None:
    contacts = contacts_file(
        "200101,Maria,Lopez,mother,,,4 Mill Lane,,Middletown,CT,06457,yes"
    )
    run = upload(
        district,
        package=zipped(handmade(), tmp_path / "set"),
        contacts=contacts,
    )

    run_waiting()

    run.refresh_from_db()
    assert run.status == "done", run.problems
    maria = Contact.objects.get(sourced_id="PAR-1")
    assert (maria.address_line1, maria.postal_code) == ("4 Mill Lane", "06457")
    assert "district.zip with contacts.csv" in run_page(district, run)


def test_a_contacts_file_alone_updates_students_on_file(
    cast: Cast, district: Client
) -> None:
    run = upload(
        district,
        contacts=contacts_file("100101,Maria,Rivera,,,,9 Oak Road,,,,,"),
    )

    run_waiting()

    run.refresh_from_db()
    assert run.status == "done", run.problems
    cast.maria.refresh_from_db()
    assert cast.maria.address_line1 == "9 Oak Road"


def test_a_bad_contacts_file_names_its_own_file(cast: Cast, district: Client) -> None:
    run = upload(district, contacts=contacts_file("999999,Maria,Rivera,,,,,,,,,"))

    run_waiting()

    run.refresh_from_db()
    assert run.status == "rejected"
    assert {problem["file"] for problem in run.problems} == {"contacts.csv"}


def test_progress_while_the_import_runs(district: Client, staff: Staff) -> None:
    run = ImportRun.objects.create(created_by=staff.district, status="running")
    ProgressFile(progress_path(run))("Writing scores", 5000, 20000)

    assert progress(district, run) == {
        "status": "running",
        "status_label": "Importing",
        "finished": False,
        "step": "Writing scores",
        "done": 5000,
        "total": 20000,
    }
    page = run_page(district, run)
    assert '<progress id="import-progress" max="20000" value="5000">' in page
    assert "exchange/import_progress.js" in page


def test_an_import_that_stops_says_nothing_was_written(
    district: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(import_runs, "import_package", broken)
    run = upload(district, package=zipped(handmade(), tmp_path / "set"))

    run_waiting()

    run.refresh_from_db()
    assert run.status == "failed"
    page = run_page(district, run)
    assert "stopped before it finished, and nothing was written" in page
    assert "the disk is full" not in page
    assert list(folder("imports").iterdir()) == []


def test_a_run_its_worker_abandoned_is_marked_stopped(staff: Staff) -> None:
    started = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=datetime.UTC)
    run = ImportRun.objects.create(
        created_by=staff.district, status="running", started_at=started
    )

    run_waiting()

    run.refresh_from_db()
    assert run.status == "failed"


def test_a_run_is_claimed_by_one_worker_only(staff: Staff) -> None:
    ImportRun.objects.create(created_by=staff.district)

    first = claim_next(ImportRun)

    assert first is not None and first.status == "running"
    assert claim_next(ImportRun) is None


def test_recent_runs_are_listed(district: Client, staff: Staff) -> None:
    ImportRun.objects.create(
        created_by=staff.district, package_name="fall.zip", status="done"
    )

    page = district.get(PAGE).content.decode()

    assert "fall.zip" in page
    assert "Imported" in page
    assert Account.objects.filter(kind="district").count() == 1
