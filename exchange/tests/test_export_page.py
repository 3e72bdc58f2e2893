"""The export page: the worker writes the zip, the page offers it for a day."""

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from conftest import Cast, Staff, Term
from exchange import export_runs
from exchange.models import ExportRun
from exchange.runs import folder
from exchange.worker import run_waiting
from records.models import Student

pytestmark = pytest.mark.django_db

PAGE = reverse("exchange:export")
START = reverse("exchange:start_export")
CONTACTS = reverse("exchange:download_contacts")


@pytest.fixture(autouse=True)
def var(settings: Settings, tmp_path: Path) -> Iterator[None]:
    settings.VAR_DIR = tmp_path / "var"
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def district(cast: Cast, staff: Staff) -> Client:
    return cast.client_for(staff.district)


def download(run: ExportRun) -> str:
    return reverse("exchange:download_export", args=[run.pk])


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    for response in (Client().get(PAGE), Client().post(START), Client().post(CONTACTS)):
        assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_only_district_administrators_may_export(
    cast: Cast, term: Term, staff: Staff
) -> None:
    run = ExportRun.objects.create(created_by=staff.district)
    refused = [cast.rivera, cast.lily_account, term.teacher, staff.middle_office]
    for account in refused:
        client = cast.client_for(account)
        assert client.get(PAGE).status_code == 403
        assert client.post(START).status_code == 403
        assert client.post(CONTACTS).status_code == 403
        assert client.get(download(run)).status_code == 403
        progress = reverse("exchange:export_progress", args=[run.pk])
        assert client.get(progress).status_code == 403
    assert ExportRun.objects.count() == 1


def test_the_worker_writes_the_zip_to_download(
    cast: Cast, term: Term, district: Client
) -> None:
    assert district.post(START)["Location"] == PAGE
    run = ExportRun.objects.get()
    waiting = district.get(PAGE).content.decode()
    assert "Waiting for the worker to start" in waiting
    assert "exchange/import_progress.js" in waiting

    run_waiting()

    run.refresh_from_db()
    assert run.status == "done"
    assert run.rows["users.csv"] == 7
    page = district.get(PAGE).content.decode()
    assert f'href="{download(run)}"' in page
    assert "Prepare the OneRoster zip" in page
    response = district.get(download(run))
    assert response["Content-Disposition"] == (
        'attachment; filename="homeroom-oneroster-2026-12-03.zip"'
    )
    package = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert "Sofia" in archive.read("users.csv").decode()
    assert not Student.objects.filter(sourced_id__isnull=True).exists()


def test_progress_of_an_export(district: Client, staff: Staff) -> None:
    run = ExportRun.objects.create(created_by=staff.district)

    response = district.get(reverse("exchange:export_progress", args=[run.pk]))

    assert json.loads(response.content)["status_label"] == "Waiting to start"


def test_a_zip_is_deleted_after_a_day(district: Client, staff: Staff) -> None:
    district.post(START)
    run_waiting()
    run = ExportRun.objects.get()

    with time_machine.travel("2026-12-04 10:01", tick=False):
        run_waiting()

    run.refresh_from_db()
    assert (run.status, run.file) == ("expired", "")
    assert list(folder("exports").iterdir()) == []
    assert district.get(download(run)).status_code == 404


def test_an_export_that_stops_leaves_no_file(
    district: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(export_runs, "export_package", broken)
    district.post(START)

    run_waiting()

    run = ExportRun.objects.get()
    assert run.status == "failed"
    assert list(folder("exports").iterdir()) == []
    assert "Stopped" in district.get(PAGE).content.decode()


def test_a_download_needs_a_finished_export(district: Client, staff: Staff) -> None:
    run = ExportRun.objects.create(created_by=staff.district)

    assert district.get(download(run)).status_code == 404


def test_downloads_the_contacts_file(district: Client) -> None:
    response = district.post(CONTACTS)

    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["student_number"] for row in rows] == ["100101", "100102", "100201"]
    assert response["Content-Disposition"] == (
        'attachment; filename="homeroom-contacts-2026-12-03.csv"'
    )
    assert district.get(CONTACTS).status_code == 405


def test_the_day_a_zip_was_asked_for_names_it(staff: Staff) -> None:
    finished = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=datetime.UTC)
    run = ExportRun.objects.create(
        created_by=staff.district, status="done", file="gone.zip", finished_at=finished
    )

    assert export_runs.export_file(run) is None  # the file is not there
