"""The parent portal instructions, walked step by step in a real browser."""

import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import Page, expect

from accounts.models import Account
from e2e.conftest import Mailbox, Received
from outbox.delivery import deliver_due
from outbox.models import Message
from records.models import Contact, School, Student, StudentContact

ANA_EMAIL = "ana.morales@example.org"
USERNAME = "AnaMorales"
NEW_PASSWORD = "maple kettle river lantern"
WRONG_SIGN_IN = "The username or password is not correct."


@dataclass
class Family:
    diego: Student  # the oldest, in high school
    camila: Student
    mateo: Student  # on file at another school, under a second contact row
    stranger: Student  # a child of other people


def make_student(number: str, first: str, grade: int, school: School) -> Student:
    return Student.objects.create(
        number=number, first_name=first, last_name="Morales", grade=grade, school=school
    )


def make_contact(first: str, last: str, email: str, *students: Student) -> Contact:
    contact = Contact.objects.create(first_name=first, last_name=last, email=email)
    for student in students:
        StudentContact.objects.create(
            student=student,
            contact=contact,
            relationship=StudentContact.Relationship.MOTHER,
            online_access=True,
        )
    return contact


@pytest.fixture
def family(transactional_db: None) -> Family:
    high = School.objects.create(name="Lyman High School", level="high")
    middle = School.objects.create(name="Memorial Middle School", level="middle")
    other = School.objects.create(name="Strong Middle School", level="middle")

    diego = make_student("300101", "Diego", 11, high)
    camila = make_student("300102", "Camila", 7, middle)
    mateo = make_student("400101", "Mateo", 6, other)
    stranger = Student.objects.create(
        number="300201", first_name="Nora", last_name="Quinn", grade=8, school=middle
    )

    make_contact("Ana", "Morales", ANA_EMAIL, diego, camila)
    make_contact("Ana", "Morales", ANA_EMAIL, mateo)
    make_contact("Paul", "Quinn", "paul.quinn@example.org", stranger)
    return Family(diego=diego, camila=camila, mateo=mateo, stranger=stranger)


def no_match_message() -> str:
    return (
        "Sorry, either your name does not match our records for your student, "
        "your account does not have online access, or you do not have an email "
        "address set up with the school. Please contact the school office at "
        f"{settings.HOMEROOM_OFFICE_PHONE}."
    )


def path_is(path: str) -> re.Pattern[str]:
    return re.compile(rf"^https?://[^/]+{re.escape(path)}$")


def create_account(page: Page, first: str, last: str, number: str) -> None:
    """Steps 2 to 4: a username on the sign-in page, then the creation form."""
    page.goto("/sign-in/")
    page.locator("#id_username").fill(USERNAME)
    page.get_by_role("link", name="Click here to create your account").click()

    expect(page).to_have_url(path_is(f"/create-account/?username={USERNAME}"))
    expect(page.locator("#id_username")).to_have_value(USERNAME)

    page.locator("#id_first_name").press_sequentially(first)
    page.locator("#id_last_name").press_sequentially(last)
    page.locator("#id_student_number").fill(number)
    page.get_by_role("button", name="Create Account").click()


def read_welcome_email(mailbox: Mailbox) -> Received:
    """Step 7: the worker delivers the outbox and the message reaches the server."""
    assert deliver_due() == 1

    received = mailbox.messages()
    assert len(received) == 1
    return received[0]


def check_welcome_email(received: Received) -> tuple[str, str, str]:
    """Step 8: the username and temporary password, in text and in HTML."""
    message = received.message
    assert received.rcpt_tos == [ANA_EMAIL]
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert message["To"] == ANA_EMAIL
    expected_subject = f"Your {settings.HOMEROOM_DISTRICT_NAME} parent portal account"
    assert message["Subject"] == expected_subject

    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    assert text_part is not None and html_part is not None
    # SMTP carries lines ending in CRLF; compare lines, not line endings.
    text = "\n".join(text_part.get_content().splitlines())
    html = html_part.get_content()

    username = re.search(r"^Username: (\S+)$", text, re.MULTILINE)
    code = re.search(r"^Temporary password: (\d{8,})$", text, re.MULTILINE)
    link = re.search(r'href="([^"]+)"', html)
    assert username is not None and code is not None and link is not None
    assert username.group(1) in html and code.group(1) in html
    return username.group(1), code.group(1), link.group(1)


def sign_in(page: Page, username: str, password: str) -> None:
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def choose_password(page: Page) -> None:
    """Step 9: nothing else opens until the temporary password is replaced."""
    expect(page).to_have_url(path_is("/choose-password/"))
    page.goto("/children/")
    expect(page).to_have_url(path_is("/choose-password/"))

    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my password").click()
    expect(page).to_have_url(path_is("/children/"))


def open_child(page: Page, student: Student) -> None:
    """Step 10: a child's records open from the child's name."""
    page.get_by_role("link", name=student.full_name).click()

    expect(page).to_have_url(path_is(f"/children/{student.public_id}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(student.full_name)


def add_student(page: Page, number: str) -> None:
    """Step 11: My Account, Add Additional Student, the child's student number."""
    page.get_by_role("link", name="My Account").click()
    expect(page.get_by_role("heading", name="Add Additional Student")).to_be_visible()

    page.locator("#id_student_number").fill(number)
    page.get_by_role("button", name="Add student").click()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(path_is("/sign-in/"))

    page.goto("/children/")
    expect(page).to_have_url(path_is("/sign-in/?next=/children/"))


def see_account_created(page: Page) -> None:
    """Steps 5 and 7: the masked address, and where else to look for the email."""
    status = page.get_by_role("status")
    expect(status).to_contain_text(
        "An email has been sent to a•••@example.org with your username and password."
    )
    expect(status).to_contain_text("spam")


def see_children(page: Page, shown: list[Student], hidden: list[Student]) -> None:
    expect(page).to_have_url(path_is("/children/"))
    for student in shown:
        expect(page.get_by_role("link", name=student.full_name)).to_be_visible()
    for student in hidden:
        expect(page.get_by_role("link", name=student.full_name)).to_have_count(0)
    expect(page.locator("ul.children > li")).to_have_count(len(shown))


def add_a_stranger(page: Page, stranger: Student) -> None:
    """Step 11's refusal: a child whose contacts are other people stays out."""
    add_student(page, stranger.number)
    expect(page.locator("#add-student")).to_contain_text(
        "We could not add this student: the contact information we have on file "
        "does not match yours"
    )
    expect(page.locator("main")).not_to_contain_text(stranger.full_name)

    response = page.goto(f"/children/{stranger.public_id}/")
    assert response is not None and response.status == 404


def check_passwords_after_use(page: Page, username: str, code: str) -> None:
    """The temporary password worked once; only the chosen one works now."""
    sign_in(page, username, code)
    expect(page.locator("main")).to_contain_text(WRONG_SIGN_IN)
    expect(page).to_have_url(path_is("/sign-in/?next=/children/"))

    sign_in(page, username.lower(), NEW_PASSWORD)
    expect(page).to_have_url(path_is("/children/"))


def check_password_notice(mailbox: Mailbox) -> None:
    assert deliver_due() == 1

    notice = mailbox.messages()[-1]
    assert notice.rcpt_tos == [ANA_EMAIL]
    assert notice.message["Subject"] == (
        f"Your {settings.HOMEROOM_DISTRICT_NAME} portal password was changed"
    )
    assert not Message.objects.filter(status=Message.Status.WAITING).exists()


def test_a_parent_follows_the_instructions_from_start_to_end(
    page: Page, mailbox: Mailbox, family: Family
) -> None:
    create_account(page, "  ana  ", "  MORALES ", family.diego.number)
    see_account_created(page)

    username, code, link = check_welcome_email(read_welcome_email(mailbox))
    assert username == USERNAME

    page.goto(link)
    expect(page).to_have_url(path_is("/sign-in/"))
    sign_in(page, username, code)
    choose_password(page)
    expect(page.get_by_role("status")).to_contain_text("Your password is set.")

    both = [family.diego, family.camila]
    see_children(page, shown=both, hidden=[family.mateo, family.stranger])
    open_child(page, family.diego)

    add_student(page, family.mateo.number)
    see_children(page, shown=[*both, family.mateo], hidden=[family.stranger])
    expect(page.get_by_role("status")).to_have_text(
        "Mateo has been added to your account."
    )
    open_child(page, family.mateo)

    add_a_stranger(page, family.stranger)
    page.goto("/children/")
    see_children(page, shown=[*both, family.mateo], hidden=[family.stranger])

    sign_out(page)
    check_passwords_after_use(page, username, code)
    check_password_notice(mailbox)


def test_names_that_do_not_match_show_the_one_failure_message(
    page: Page, mailbox: Mailbox, family: Family
) -> None:
    wrong_name = ("Ana", "Moralez", family.diego.number)
    not_her_child = ("Ana", "Morales", family.stranger.number)

    for first, last, number in [wrong_name, not_her_child]:
        create_account(page, first, last, number)

        errors = page.locator("main .errorlist li")
        expect(errors).to_have_count(1)
        expect(errors).to_have_text(no_match_message())

    assert not Account.objects.exists()
    assert deliver_due() == 0
    assert mailbox.messages() == []


def accessibility_problems(page: Page, state: str) -> list[str]:
    """The axe-core report for the page as it is now, or nothing when it passes."""
    results = Axe().run(page)
    if results.violations_count == 0:
        return []
    return [f"{state} ({page.url}):\n{results.generate_report()}"]


def test_the_family_pages_pass_an_accessibility_check(
    page: Page, family: Family
) -> None:
    account = Account.objects.create_user(USERNAME, password=NEW_PASSWORD)
    Contact.objects.filter(students=family.diego).update(account=account)
    problems: list[str] = []

    page.goto("/sign-in/")
    problems += accessibility_problems(page, "sign in")
    create_account(page, "Ana", "Moralez", family.diego.number)
    problems += accessibility_problems(page, "create account, names not on file")
    page.goto(f"/create-account/?username={USERNAME}")
    problems += accessibility_problems(page, "create account")

    page.goto("/sign-in/")
    sign_in(page, USERNAME, NEW_PASSWORD)
    expect(page).to_have_url(path_is("/children/"))
    problems += accessibility_problems(page, "children")
    open_child(page, family.diego)
    problems += accessibility_problems(page, "child")

    add_student(page, family.mateo.number)
    expect(page.get_by_role("status")).to_be_visible()
    problems += accessibility_problems(page, "children, with a message")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_have_text("You have signed out.")
    problems += accessibility_problems(page, "sign in, after signing out")

    assert problems == [], "\n".join(problems)
