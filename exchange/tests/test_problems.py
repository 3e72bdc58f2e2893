"""A broken package: every problem placed by file, line and column; nothing written."""

from pathlib import Path

import pytest

from accounts.models import Account
from exchange.importing import NotChecked, apply, import_package
from exchange.package import read_package
from exchange.problems import Problem
from exchange.tests.packages import Files, handmade
from gradebook.models import Assignment, Score
from records.models import Contact, Course, Enrollment, School, Section, Student

pytestmark = pytest.mark.django_db


def problems_of(files: Files, folder: Path) -> list[Problem]:
    outcome = import_package(files.write(folder))
    assert isinstance(outcome, list), "the import should have stopped"
    return outcome


def places(problems: list[Problem]) -> list[tuple[str, int, str]]:
    return [(p.file, p.line, p.column) for p in problems]


def nothing_written() -> bool:
    models = [School, Course, Section, Student, Contact, Enrollment, Assignment, Score]
    found = any(model._default_manager.exists() for model in models)
    return not found and not (Account.objects.exists())


@pytest.fixture
def broken() -> Files:
    files = handmade()
    files.set("classes.csv", "CL-ENG", classType="lecture")
    files.set("academicSessions.csv", "GP2", endDate="2027-13-01")
    files.set("enrollments.csv", "E-3", userSourcedId="STU-9")
    files.add(
        "users.csv",
        sourcedId="BAD ID",
        enabledUser="true",
        username="x",
        givenName="X",
        familyName="Y",
    )
    files.set("results.csv", "RS-5", score="nine")
    return files


def test_every_problem_is_placed(broken: Files, tmp_path: Path) -> None:
    problems = problems_of(broken, tmp_path)

    assert places(problems) == [
        ("academicSessions.csv", 5, "endDate"),
        ("classes.csv", 3, "classType"),
        ("users.csv", 9, "sourcedId"),
        ("enrollments.csv", 4, "userSourcedId"),
        ("results.csv", 6, "score"),
    ]
    assert nothing_written()


def test_each_problem_is_explained(broken: Files, tmp_path: Path) -> None:
    messages = [str(problem) for problem in problems_of(broken, tmp_path)]

    assert messages == [
        "academicSessions.csv, line 5, column endDate: '2027-13-01' is not a date "
        "written as YYYY-MM-DD.",
        "classes.csv, line 3, column classType: 'lecture' is not one of the allowed "
        "values: homeroom, scheduled.",
        "users.csv, line 9, column sourcedId: A sourcedId must be under 256 "
        "characters of letters, digits and the signs . - _ / @ only.",
        "enrollments.csv, line 4, column userSourcedId: 'STU-9' is not in users.csv.",
        "results.csv, line 6, column score: 'nine' is not a number.",
    ]


def test_apply_refuses_a_package_with_problems(broken: Files, tmp_path: Path) -> None:
    package = read_package(broken.write(tmp_path))

    with pytest.raises(NotChecked):
        apply(package)
    assert nothing_written()


def test_a_missing_required_column(tmp_path: Path) -> None:
    files = handmade()
    for row in files.rows["lineItems.csv"]:
        del row[3]  # title

    problems = problems_of(files, tmp_path)

    assert places(problems) == [("lineItems.csv", 1, "title")]
    assert "required column of OneRoster 1.2 lineItems.csv" in problems[0].message


def test_a_blank_required_value(tmp_path: Path) -> None:
    files = handmade()
    files.set("courses.csv", "C-MATH", title="")

    problems = problems_of(files, tmp_path)

    assert places(problems) == [("courses.csv", 2, "title")]
    assert problems[0].message == "This column is required, but it is blank."


def test_the_same_sourced_id_twice(tmp_path: Path) -> None:
    files = handmade()
    files.add("categories.csv", sourcedId="CAT-T", title="Quizzes", weight="10")

    problems = problems_of(files, tmp_path)

    assert places(problems) == [("categories.csv", 4, "sourcedId")]
    assert problems[0].message == "This sourcedId is already used on line 2."


def test_the_same_student_number_twice(tmp_path: Path) -> None:
    files = handmade()
    files.set("users.csv", "STU-2", identifier="200101")

    problems = problems_of(files, tmp_path)

    assert places(problems) == [("users.csv", 3, "identifier")]


def test_a_student_number_held_by_another_student(tmp_path: Path) -> None:
    school = School.objects.create(name="Elsewhere", level="high")
    Student.objects.create(
        number="200101",
        first_name="Ben",
        last_name="Lopez",
        grade=8,
        school=school,
        sourced_id="STU-2",
    )

    problems = problems_of(handmade(), tmp_path)

    assert places(problems) == [("users.csv", 2, "identifier")]
    assert "on file in Homeroom for another student" in problems[0].message


def test_a_username_taken_by_a_parent_account(tmp_path: Path) -> None:
    Account.objects.create(username="RDiaz", kind=Account.Kind.PARENT)

    problems = problems_of(handmade(), tmp_path)

    assert places(problems) == [("users.csv", 5, "username")]
    assert Account.objects.count() == 1


def test_a_result_twice_for_one_student(tmp_path: Path) -> None:
    files = handmade()
    files.add(
        "results.csv",
        sourcedId="RS-7",
        lineItemSourcedId="LI-1",
        studentSourcedId="STU-1",
        scoreStatus="fully graded",
        score="40",
        scoreDate="2026-11-21",
    )

    problems = problems_of(files, tmp_path)

    assert places(problems) == [("results.csv", 8, "studentSourcedId")]
    assert "already has a result for this line item on line 2" in problems[0].message


def test_a_grade_that_is_no_grade(tmp_path: Path) -> None:
    files = handmade()
    files.set("users.csv", "STU-1", grades="seventh")

    assert places(problems_of(files, tmp_path)) == [("users.csv", 2, "grades")]


def test_a_delta_row_needs_a_status(tmp_path: Path) -> None:
    files = handmade()
    files.only("orgs.csv")
    files.modes["orgs.csv"] = "delta"
    files.set("orgs.csv", "SCH-1", status="", dateLastModified="yesterday")

    problems = problems_of(files, tmp_path)

    assert places(problems) == [
        ("orgs.csv", 2, "status"),
        ("orgs.csv", 2, "dateLastModified"),
        ("orgs.csv", 3, "status"),
        ("orgs.csv", 3, "dateLastModified"),
    ]


def test_a_bulk_file_may_not_delete(tmp_path: Path) -> None:
    files = handmade()
    files.set("orgs.csv", "DIST-1", status="tobedeleted")

    assert places(problems_of(files, tmp_path)) == [("orgs.csv", 2, "status")]


def test_an_unknown_version(tmp_path: Path) -> None:
    files = handmade()
    files.version = "1.0"

    problems = problems_of(files, tmp_path)

    assert places(problems) == [("manifest.csv", 3, "value")]
    assert "Homeroom reads OneRoster 1.1 and 1.2" in problems[0].message


def test_no_manifest(tmp_path: Path) -> None:
    folder = handmade().write(tmp_path)
    (folder / "manifest.csv").unlink()

    problems = problems_of_folder(folder)

    assert places(problems) == [("manifest.csv", 0, "")]
    assert "OneRoster 1.0" in problems[0].message


def test_not_a_package(tmp_path: Path) -> None:
    paper = tmp_path / "notes.txt"
    paper.write_text("hello")

    problems = problems_of_folder(paper)

    assert "neither a folder nor a zip file" in problems[0].message


def problems_of_folder(path: Path) -> list[Problem]:
    outcome = import_package(path)
    assert isinstance(outcome, list)
    return outcome
