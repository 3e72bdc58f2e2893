"""manage.py benchmark_import: a generated package timed, and nothing kept."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from exchange.benchmark import Generator
from exchange.package import read_package
from gradebook.models import Score
from records.models import Contact, School, Student

pytestmark = pytest.mark.django_db


def test_the_generated_package_is_sound(tmp_path: Path) -> None:
    generator = Generator(tmp_path, 60, seed=1)
    generator.write()

    package = read_package(tmp_path)

    assert package.problems == []
    assert package.warnings == []
    assert len(package.plan.students) == 60
    assert package.rows["results.csv"] == 60 * 7 * 15
    assert len(package.plan.links) > 60


def test_it_reports_rates_and_keeps_nothing() -> None:
    out = StringIO()

    call_command(
        "benchmark_import", "--students", "40", "--again", stdout=out, stderr=StringIO()
    )

    report = out.getvalue()
    assert "OneRoster 1.2 bulk package: 40 students," in report
    assert re.search(r"Import in all: [\d.]+ s, [\d,]+ rows per second\.", report)
    assert "The same package again:" in report
    assert "It changed nothing." in report
    assert "Rolled back: the database holds nothing of the benchmark." in report
    assert not Student.objects.exists()
    assert not Score.objects.exists()
    assert not Contact.objects.exists()
    assert not School.objects.exists()
