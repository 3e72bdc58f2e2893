"""Blemishes of real exports that change no meaning: read, with a warning."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from exchange.package import Package, read_package
from exchange.tests.packages import Files, handmade
from gradebook.models import Assignment, Category
from records.models import Section

pytestmark = pytest.mark.django_db


def read(files: Files, folder: Path) -> Package:
    package = read_package(files.write(folder))
    assert package.problems == [], package.problems
    return package


def messages(package: Package) -> list[str]:
    return [str(warning) for warning in package.warnings]


def zipped(folder: Path, inside: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, inside + path.name)
    return buffer.getvalue()


def test_a_byte_order_mark(tmp_path: Path) -> None:
    folder = handmade().write(tmp_path)
    orgs = folder / "orgs.csv"
    orgs.write_bytes(b"\xef\xbb\xbf" + orgs.read_bytes())

    package = read_package(folder)

    assert package.problems == []
    assert (
        "orgs.csv: The file starts with a byte-order mark (EF BB BF)"
        in (messages(package)[0])
    )
    assert "SCH-1" in package.plan.schools


def test_fields_in_quotes_that_need_none(tmp_path: Path) -> None:
    folder = handmade().write(tmp_path)
    (folder / "orgs.csv").write_text(
        '"sourcedId","status","dateLastModified","name","type","identifier",'
        '"parentSourcedId"\n"DIST-1","","","Riverside","district","",""\n'
        '"SCH-1","","","Riverside Middle School","school","","DIST-1"\n'
    )

    package = read_package(folder)

    assert package.problems == []
    assert (
        "orgs.csv, line 1: Some fields are in quotes though they need none"
        in messages(package)[0]
    )


def test_a_zip_file_and_a_zip_of_a_folder(tmp_path: Path) -> None:
    folder = handmade().write(tmp_path / "set")
    flat = tmp_path / "flat.zip"
    flat.write_bytes(zipped(folder))

    assert read_package(flat).problems == []
    nested = read_package(io.BytesIO(zipped(folder, "district/")))
    assert nested.problems == []
    assert "in a folder inside the zip" in messages(nested)[0]
    assert len(nested.plan.students) == 2


def test_a_file_the_manifest_does_not_list(tmp_path: Path) -> None:
    files = handmade()
    del files.modes["demographics.csv"]

    package = read(files, tmp_path)

    assert (
        "demographics.csv: The manifest does not list this file"
        in (messages(package)[0])
    )
    assert package.modes["demographics.csv"] == "bulk"


def test_a_file_the_manifest_lists_but_the_package_lacks(tmp_path: Path) -> None:
    folder = handmade().write(tmp_path)
    (folder / "demographics.csv").unlink()

    package = read_package(folder)

    assert package.problems == []
    assert "lists demographics.csv as bulk, but the package has no such file" in (
        " ".join(messages(package))
    )
    assert not package.plan.birth_dates_complete


def test_files_homeroom_does_not_use(tmp_path: Path) -> None:
    folder = handmade().write(tmp_path)
    (folder / "userProfiles.csv").write_text("sourcedId\nP-1\n")
    (folder / "LICENSE").write_text("Apache-2.0")

    package = read_package(folder)

    assert "Homeroom does not use userProfiles.csv; it was not read." in (
        messages(package)
    )


def test_a_vocabulary_extension_of_1_2(tmp_path: Path) -> None:
    files = handmade()
    files.set("classes.csv", "CL-ENG", classType="ext:lab")

    package = read(files, tmp_path)

    assert not package.plan.sections["CL-ENG"].homeroom


def test_a_homeroom_class(tmp_path: Path) -> None:
    files = handmade()
    files.set("classes.csv", "CL-ENG", classType="homeroom", periods="")

    package = read(files, tmp_path)

    assert package.plan.sections["CL-ENG"].homeroom
    assert package.plan.sections["CL-ENG"].period == 0


def test_weights_written_as_fractions(tmp_path: Path) -> None:
    files = handmade()
    files.set("categories.csv", "CAT-T", weight="0.6")
    files.set("categories.csv", "CAT-H", weight="0.4")

    package = read(files, tmp_path)

    weights = {want.name: want.weight for want in package.plan.categories.values()}
    assert weights == {"Tests": Decimal(60), "Homework": Decimal(40)}
    assert "read as fractions of the whole" in messages(package)[0]


def test_a_line_item_without_points_possible(tmp_path: Path) -> None:
    from exchange.importing import apply

    files = handmade()
    files.set("lineItems.csv", "LI-4", resultValueMax="")
    package = read(files, tmp_path)

    apply(package)

    assert Assignment.objects.get(sourced_id="LI-4").points_possible == 100
    assert (
        "lineItems.csv, line 5, column resultValueMax: 1 row had no"
        in (messages(package)[0])
    )
    assert Category.objects.count() == 3
    assert Section.objects.count() == 2


def test_columns_out_of_order_and_optional_ones_left_out(tmp_path: Path) -> None:
    files = handmade()
    for row in files.rows["orgs.csv"]:
        row[3], row[4] = row[4], row[3]  # type before name
        del row[5]  # identifier

    package = read(files, tmp_path)

    assert messages(package)[:2] == [
        "orgs.csv, line 1: Optional columns are missing (identifier). They were "
        "read as blank.",
        "orgs.csv, line 1: The columns are not in the order OneRoster sets. They "
        "were read by their names.",
    ]


def test_a_1_1_file_in_a_1_2_package(tmp_path: Path) -> None:
    files = handmade()
    files.rows["categories.csv"] = [row[:4] for row in files.rows["categories.csv"]]
    files.version = "1.1"
    files.rows["roles.csv"] = [files.rows["roles.csv"][0]]
    folder = files.write(tmp_path)

    package = read_package(folder)

    assert any(
        "laid out as OneRoster 1.2 users.csv" in message
        for message in messages(package)
    )
