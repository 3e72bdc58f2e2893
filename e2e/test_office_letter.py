"""The office mails a parent who forgot their password a letter, in a real browser."""

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from pytest_django.fixtures import Settings

from accounts.models import Account
from office.models import CredentialLetter, CredentialRequest
from records.models import Contact, School, Student, StudentContact

OFFICE_PASSWORD = "copper lantern meadow seven"
PARENT_PASSWORD = "the one she forgot long ago"
NEW_PASSWORD = "maple kettle river lantern"


@dataclass
class Family:
    student: Student
    contact: Contact
    parent: Account
    office: Account


@pytest.fixture
def family(transactional_db: None, settings: Settings) -> Family:
    settings.HOMEROOM_STAFF_TWO_FACTOR = False
    school = School.objects.create(name="Memorial Middle School", level="middle")
    student = Student.objects.create(
        number="300102",
        first_name="Camila",
        last_name="Morales",
        grade=7,
        school=school,
    )
    parent = Account.objects.create_user(
        "AnaMorales", email="ana@example.org", password=PARENT_PASSWORD
    )
    contact = Contact.objects.create(
        first_name="Ana",
        last_name="Morales",
        email="ana@example.org",
        address_line1="48 Pearl Street",
        city="Middletown",
        state="CT",
        postal_code="06457",
        account=parent,
    )
    StudentContact.objects.create(
        student=student, contact=contact, relationship="mother"
    )
    office = Account.objects.create_user(
        "front.desk",
        password=OFFICE_PASSWORD,
        kind=Account.Kind.STAFF,
        first_name="Pat",
        school=school,
    )
    return Family(student, contact, parent, office)


def path_is(path: str) -> re.Pattern[str]:
    return re.compile(rf"^https?://[^/]+{re.escape(path)}$")


def sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(path_is("/sign-in/"))


def no_accessibility_problems(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def find_the_family(page: Page, family: Family) -> None:
    page.get_by_role("link", name="Families").click()
    page.locator("#id_query").fill("Morales")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Morales, Camila").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Camila Morales")

    page.get_by_role("link", name="Sign-in letter").click()
    expect(page).to_have_url(
        path_is(
            f"/staff/office/students/{family.student.public_id}"
            f"/contacts/{family.contact.pk}/letter/"
        )
    )


def download_letter(page: Page, tmp_path: Path) -> str:
    """Issue the letter and read it as the parent will: the text of the PDF."""
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Issue letter (PDF)").click()
    download = download_info.value

    assert re.fullmatch(r"sign-in-letter-\d+\.pdf", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    return "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)


def choose_password(page: Page) -> None:
    expect(page).to_have_url(path_is("/choose-password/"))
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my password").click()
    expect(page).to_have_url(path_is("/children/"))
    expect(page.get_by_role("link", name="Camila Morales")).to_be_visible()


def test_the_office_mails_a_letter_and_the_parent_signs_in_with_it(
    page: Page, family: Family, tmp_path: Path
) -> None:
    sign_in(page, "front.desk", OFFICE_PASSWORD)
    find_the_family(page, family)
    expect(page.locator("main")).to_contain_text("48 Pearl Street")
    no_accessibility_problems(page)

    text = download_letter(page, tmp_path)
    assert "AnaMorales" in text
    assert "48 Pearl Street" in text
    code = re.search(r"Temporary password\D*(\d{8,})", text)
    assert code is not None
    expect(page.locator("main")).not_to_contain_text(code.group(1))
    assert CredentialLetter.objects.get().issued_by == family.office
    sign_out(page)

    sign_in(page, "AnaMorales", code.group(1))
    choose_password(page)
    sign_out(page)

    sign_in(page, "AnaMorales", code.group(1))
    expect(page.locator("main")).to_contain_text(
        "The username or password is not correct."
    )


def test_a_parent_asks_and_the_office_answers_from_the_queue(
    page: Page, family: Family, tmp_path: Path
) -> None:
    page.goto("/sign-in/")
    page.get_by_role("link", name="Forgot your username or password?").click()
    no_accessibility_problems(page)
    page.locator("#id_first_name").fill("Ana")
    page.locator("#id_last_name").fill("Morales")
    page.locator("#id_student_number").fill("300102")
    page.get_by_role("button", name="Ask for a letter").click()
    expect(page.get_by_role("status")).to_contain_text(
        "If we find you in our records, the school office will mail your username"
    )
    no_accessibility_problems(page)

    sign_in(page, "front.desk", OFFICE_PASSWORD)
    page.get_by_role("link", name="Letters").click()
    expect(page.locator("main")).to_contain_text("Camila Morales")
    no_accessibility_problems(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Issue letter to Ana Morales").click()
    assert download_info.value.suggested_filename.endswith(".pdf")

    request = CredentialRequest.objects.get()
    assert request.status == CredentialRequest.Status.LETTER_SENT
    assert request.handled_by == family.office
