"""manage.py run_exchange: the worker that carries out the office's imports and
exports."""

import io
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.fixtures import Settings

from conftest import Staff
from exchange.management.commands.run_exchange import Command
from exchange.models import ExportRun, ImportRun

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def var(settings: Settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def test_once_carries_out_what_waits(staff: Staff) -> None:
    upload = ImportRun.objects.create(created_by=staff.district, package_file="x.zip")
    export = ExportRun.objects.create(created_by=staff.district)
    out = io.StringIO()

    call_command("run_exchange", "--once", stdout=out)

    assert out.getvalue() == "Carried out 2 import(s) and export(s).\n"
    upload.refresh_from_db()
    assert upload.status == "rejected"  # there is no such file
    assert upload.problems[0]["message"].startswith("There is no file or folder")
    export.refresh_from_db()
    assert export.status == "done"


def test_once_with_nothing_waiting() -> None:
    out = io.StringIO()

    call_command("run_exchange", "--once", stdout=out)

    assert out.getvalue() == "Carried out 0 import(s) and export(s).\n"


def test_the_loop_ends_when_told_to_stop(staff: Staff) -> None:
    ImportRun.objects.create(created_by=staff.district, package_file="x.zip")
    stop = threading.Event()
    stop.set()

    Command().run_until(stop)

    assert ImportRun.objects.get().status == "queued"  # left for the next worker
