"""A parent reads a child's records in a real browser, from grades to a report card.

The live server runs in a thread, so nothing here freezes the clock: the data is
built around the real date, with the second marking period running today.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Locator, Page, Request, ViewportSize, expect
from pypdf import PdfReader

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from conftest import (
    PASSWORD,
    Cast,
    add_assignment,
    add_score,
    make_account,
    make_section,
)
from e2e.test_seed_walk import accessibility_problems, path_is, sign_in
from gradebook.changes import post_report_card_grade
from gradebook.models import Category, GradeBand, Gradebook
from records.models import (
    CorrectionRequest,
    Enrollment,
    MarkingPeriod,
    SchoolYear,
    Section,
    Student,
)

DAY = datetime.timedelta(days=1)
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 375, "height": 812}
QUIZ_COMMENT = "Show your working on question 4."
MATH_MARK, MATH_COMMENT = "B+", "Steady progress with equations."
ENGLISH_MARK, ENGLISH_COMMENT = "A-", "A careful reader."
CORRECTION = "Our new address is 40 Oak Lane, Middletown CT 06457."


@dataclass
class SchoolTerm:
    today: datetime.date
    q1: MarkingPeriod
    q2: MarkingPeriod
    math: Section  # weighted: tests 60, homework 40; one homework missing
    english: Section  # total points
    absent_on: datetime.date  # Lily's excused absence, a school day
    tardy_on: datetime.date  # Lily late to math, the school day before


def school_day_on_or_before(day: datetime.date) -> datetime.date:
    while day.isoweekday() > 5:
        day -= DAY
    return day


def marking_periods(today: datetime.date) -> tuple[MarkingPeriod, MarkingPeriod]:
    """Q1 ended a month ago; Q2 started 30 days ago and runs 40 more days."""
    start, end = today - 100 * DAY, today + 200 * DAY
    year = SchoolYear.objects.create(
        name=f"{start.year}-{end.year}", start=start, end=end
    )
    q1 = MarkingPeriod.objects.create(
        school_year=year,
        name="Q1",
        start=start,
        end=today - 33 * DAY,
        midpoint=today - 66 * DAY,
    )
    q2 = MarkingPeriod.objects.create(
        school_year=year,
        name="Q2",
        start=today - 30 * DAY,
        end=today + 40 * DAY,
        midpoint=today + 5 * DAY,
    )
    return q1, q2


def make_teacher(username: str, first: str, last: str) -> Account:
    return make_account(
        username,
        kind=Account.Kind.TEACHER,
        first_name=first,
        last_name=last,
        email=f"{username}@schools.example.org",
    )


def enroll(section: Section, start: datetime.date, *students: Student) -> None:
    for student in students:
        Enrollment.objects.create(student=student, section=section, start=start)


def grade_math(
    section: Section, period: MarkingPeriod, lily: Student, today: datetime.date
) -> None:
    """Tests 61 / 70 = 87.1 %, homework 8 / 20 = 40 %: 68.3 % (84.3 % unmissed)."""
    book = Gradebook.objects.create(
        section=section,
        marking_period=period,
        method=Gradebook.Method.WEIGHTED,
        updated_at=timezone.now(),
    )
    tests = Category.objects.create(gradebook=book, name="Tests", weight=60)
    homework = Category.objects.create(gradebook=book, name="Homework", weight=40)

    unit = add_assignment(book, "Unit 3 test", 50, today - 12 * DAY, tests)
    add_score(unit, lily, "45")
    quiz = add_assignment(book, "Fractions quiz", 20, today - 6 * DAY, tests)
    add_score(quiz, lily, "16", comment=QUIZ_COMMENT)
    sheet = add_assignment(book, "Worksheet 6", 10, today - 9 * DAY, homework)
    add_score(sheet, lily, "8", late=True)
    missed = add_assignment(book, "Worksheet 7", 10, today - 2 * DAY, homework)
    add_score(missed, lily, missing=True)

    # Families see this one only from three days before it is due.
    add_assignment(book, "Unit 4 test", 50, today + 10 * DAY, tests)


def grade_english(
    section: Section, period: MarkingPeriod, lily: Student, today: datetime.date
) -> None:
    book = Gradebook.objects.create(
        section=section, marking_period=period, updated_at=timezone.now()
    )
    report = add_assignment(book, "Book report", 100, today - 7 * DAY)
    add_score(report, lily, "88")


def grading_scale() -> None:
    for letter, minimum in [("A", 90), ("B", 80), ("C", 70), ("D", 60), ("F", 0)]:
        GradeBand.objects.create(letter=letter, minimum=Decimal(minimum))


def attendance_codes() -> tuple[AttendanceCode, AttendanceCode]:
    """The district's table; returns the excused absence and the tardy."""
    AttendanceCode.objects.create(
        code="A", meaning="Absent, unexcused", kind="absent", counts_as_absence=True
    )
    excused = AttendanceCode.objects.create(
        code="AE",
        meaning="Absent, excused",
        kind="absent",
        excused=True,
        counts_as_absence=True,
    )
    tardy = AttendanceCode.objects.create(code="T", meaning="Tardy", kind="tardy")
    return excused, tardy


def post_q1(lily: Student, term: SchoolTerm) -> None:
    """Q1's report card grades, posted three days after Q1 ended."""
    posted_on = term.q1.end + 3 * DAY
    for section, mark, comment in [
        (term.math, MATH_MARK, MATH_COMMENT),
        (term.english, ENGLISH_MARK, ENGLISH_COMMENT),
    ]:
        post_report_card_grade(
            section.teacher, lily, section, term.q1, mark, posted_on, comment=comment
        )


@pytest.fixture
def school_term(transactional_db: None, cast: Cast) -> SchoolTerm:
    """Lily (Wei Chen's only child) and Sofia in math and English; Lucas in none."""
    today = timezone.localdate()
    q1, q2 = marking_periods(today)
    alvarez = make_teacher("ralvarez", "Rosa", "Alvarez")
    brooks = make_teacher("sbrooks", "Sam", "Brooks")
    math = make_section("Math 7", cast.middle, alvarez, 2, q1, q2)
    english = make_section("English 7", cast.middle, brooks, 3, q1, q2)
    for section in (math, english):
        enroll(section, q1.start, cast.lily, cast.sofia)

    grading_scale()
    grade_math(math, q2, cast.lily, today)
    grade_english(english, q2, cast.lily, today)

    absent_on = school_day_on_or_before(today - DAY)
    tardy_on = school_day_on_or_before(absent_on - DAY)
    excused, tardy = attendance_codes()
    AttendanceMark.objects.create(
        student=cast.lily, date=absent_on, code=excused, comment="Dentist appointment"
    )
    AttendanceMark.objects.create(
        student=cast.lily, date=tardy_on, section=math, code=tardy
    )

    term = SchoolTerm(today, q1, q2, math, english, absent_on, tardy_on)
    post_q1(cast.lily, term)
    return term


def watch_requests(page: Page) -> list[str]:
    """Every address the browser requests from now on (downloads are not seen)."""
    requested: list[str] = []

    def keep(request: Request) -> None:
        requested.append(request.url)

    page.context.on("request", keep)
    return requested


def assert_no_student_numbers(urls: list[str]) -> None:
    numbers = [student.number for student in Student.objects.all()]
    assert urls and numbers
    assert [url for url in urls for number in numbers if number in url] == []


def sign_in_as(page: Page, username: str) -> None:
    page.goto("/sign-in/")
    sign_in(page, username, PASSWORD)
    expect(page).to_have_url(path_is("/children/"))


def child_path(student: Student, name: str = "child", *args: object) -> str:
    return reverse(f"family:{name}", args=[student.public_id, *args])


def open_tab(page: Page, name: str, student: Student, url_name: str) -> None:
    page.get_by_role("navigation", name="Records").get_by_role(
        "link", name=name, exact=True
    ).click()
    expect(page).to_have_url(path_is(child_path(student, url_name)))


def course_card(page: Page, title: str) -> Locator:
    return page.locator("li.course-card").filter(
        has=page.get_by_role("heading", name=title)
    )


def read_overview(page: Page, lily: Student) -> None:
    """From the list of children, the child's courses with averages and letters."""
    page.get_by_role("link", name=lily.full_name).click()
    expect(page).to_have_url(path_is(child_path(lily)))
    expect(page.get_by_role("heading", level=1)).to_have_text(lily.full_name)
    expect(page.locator("aside.notice")).to_contain_text("not the report card")

    math = course_card(page, "Math 7")
    expect(math.locator(".percent")).to_have_text("68.3 %")
    expect(math.locator(".letter")).to_have_text("D")
    expect(math.get_by_role("link", name="1 missing")).to_be_visible()
    expect(math).to_contain_text("Rosa Alvarez")
    expect(math).to_contain_text("Updated")

    english = course_card(page, "English 7")
    expect(english.locator(".percent")).to_have_text("88.0 %")
    expect(english.locator(".letter")).to_have_text("B")
    expect(english).not_to_contain_text("missing")

    summary = page.locator("dl.attendance-summary > div")
    expect(summary.filter(has_text="Days absent").locator("dd")).to_have_text(
        "1 (1 excused)"
    )
    expect(summary.filter(has_text="Tardies").locator("dd")).to_have_text("1")


def assignment_row(page: Page, title: str) -> Locator:
    return page.locator("table.assignments tbody tr").filter(
        has=page.get_by_role("rowheader", name=title)
    )


def read_course(page: Page, lily: Student, term: SchoolTerm) -> None:
    """Assignments by category, the average explained in words, and the chart."""
    course_card(page, "Math 7").get_by_role("link", name="Math 7").click()
    expect(page).to_have_url(path_is(child_path(lily, "course", term.math.public_id)))
    expect(page.get_by_role("heading", level=2)).to_have_text("Math 7")
    expect(page.locator("dl.course-header")).to_contain_text(
        "Rosa Alvarez, ralvarez@schools.example.org"
    )
    expect(page.locator("dl.course-header")).to_contain_text("Room 102")

    explained = page.locator("table.explained tbody tr")
    expect(explained).to_have_count(2)
    expect(explained.nth(0)).to_have_text(
        re.compile(r"Tests\s+weight 60 %\s+61 / 70\s+87\.1 %\s+60\.0 %")
    )
    expect(explained.nth(1)).to_have_text(
        re.compile(r"Homework\s+weight 40 %\s+8 / 20\s+40\.0 %\s+40\.0 %")
    )
    average = page.locator("section[aria-labelledby=average-title]")
    expect(average.locator(".percent")).to_have_text("68.3 %")
    expect(average.locator(".letter")).to_have_text("D")
    expect(average.locator(".warn-box")).to_have_text(
        re.compile(
            r"1 assignment is missing and counts as zero\.\s+Missing work lowers "
            r"this average by 16\.0 points: it would be 84\.3 % without it\."
        )
    )

    read_assignments(page)
    read_chart(page)


def read_assignments(page: Page) -> None:
    headings = page.locator("section[aria-labelledby=assignments-title] h4")
    expect(headings).to_have_text(
        ["Tests (60 % of the average)", "Homework (40 % of the average)"]
    )
    expect(page.locator("table.assignments tbody th")).to_have_text(
        ["Fractions quiz", "Unit 3 test", "Worksheet 7", "Worksheet 6"]
    )

    missed = assignment_row(page, "Worksheet 7")
    expect(missed.locator(".flag")).to_have_text(["Missing"])
    expect(missed).to_contain_text("0 / 10")
    late = assignment_row(page, "Worksheet 6")
    expect(late.locator(".flag")).to_have_text(["Late"])
    expect(late).to_contain_text("8 / 10")
    quiz = assignment_row(page, "Fractions quiz")
    expect(quiz).to_contain_text("16 / 20")
    expect(quiz.locator(".comment")).to_have_text(f"Teacher's comment: {QUIZ_COMMENT}")
    expect(page.locator("main")).not_to_contain_text("Unit 4 test")


def read_chart(page: Page) -> None:
    chart = page.locator("figure.chart svg")
    expect(chart).to_have_count(1)
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("title")).to_have_text("The running average over Q2")
    expect(chart.locator("circle")).to_have_count(4)
    expect(chart.locator("desc")).to_contain_text("to 68.3 % on")
    expect(chart.locator("desc")).to_contain_text("over 4 due dates")

    page.get_by_text("The numbers behind the chart").click()
    rows = page.locator("figure.chart tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.last).to_contain_text("68.3 %")


def read_missing_work(page: Page, lily: Student, term: SchoolTerm) -> None:
    open_tab(page, "Missing work", lily, "missing")

    expect(page.get_by_role("heading", level=2)).to_have_text("Missing work in Q2")
    expect(page.locator(".warn-box")).to_contain_text(
        "1 assignment is missing, worth 10 points."
    )
    items = page.locator("ul.missing-list > li")
    expect(items).to_have_count(1)
    expect(items.get_by_role("heading")).to_have_text("Worksheet 7")
    expect(items).to_contain_text("Math 7 · Homework")
    link = items.get_by_role("link", name="Math 7")
    expect(link).to_have_attribute(
        "href", child_path(lily, "course", term.math.public_id)
    )


def read_attendance(page: Page, lily: Student, term: SchoolTerm) -> None:
    """The month with the absence in it, the list of marks, the code legend."""
    open_tab(page, "Attendance", lily, "attendance")
    month = f"{term.absent_on:%Y-%m}"
    if term.absent_on.month != term.today.month:
        page.goto(f"{child_path(lily, 'attendance')}?month={month}")

    expect(page.locator("#month-heading")).to_have_text(f"{term.absent_on:%B %Y}")
    day = page.locator("table.month td.marked").filter(
        has=page.locator(".date", has_text=re.compile(rf"^{term.absent_on.day}$"))
    )
    expect(day.locator("abbr.mark")).to_have_text("AE")
    expect(day.locator("abbr.mark")).to_have_attribute(
        "title", "All day: Absent, excused"
    )

    marks = page.locator("table.marks tbody tr")
    expect(marks).to_have_count(2)
    for row, date in [(marks.nth(0), term.absent_on), (marks.nth(1), term.tardy_on)]:
        expect(row.get_by_role("rowheader")).to_have_text(f"{date:%a, %b} {date.day}")
    expect(marks.nth(0)).to_contain_text("All day")
    expect(marks.nth(0)).to_contain_text("Dentist appointment")
    expect(marks.nth(1)).to_contain_text("Period 2, Math 7")
    expect(marks.nth(1)).to_contain_text("(unexcused)")

    legend = page.locator("table.legend tbody tr")
    expect(legend).to_have_text(
        [
            re.compile(r"A\s+Absent, unexcused\s+Yes\s+No"),
            re.compile(r"AE\s+Absent, excused\s+Yes\s+Yes"),
            re.compile(r"T\s+Tardy\s+No\s+No"),
        ]
    )


def read_schedule(page: Page, lily: Student) -> None:
    open_tab(page, "Schedule", lily, "schedule")

    rows = page.locator("table.week tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("td").first).to_contain_text("Math 7")
    expect(rows.nth(0).locator("td").first).to_contain_text("Room 102")

    courses = page.locator("ul.courses > li")
    expect(courses.nth(0)).to_contain_text("Period 2, Room 102")
    expect(
        courses.nth(0).get_by_role("link", name="ralvarez@schools.example.org")
    ).to_have_attribute("href", "mailto:ralvarez@schools.example.org")
    expect(
        courses.nth(1).get_by_role("link", name="sbrooks@schools.example.org")
    ).to_be_visible()


def request_a_correction(page: Page, lily: Student) -> None:
    """The address on file, and a request to the office to change it."""
    open_tab(page, "Records", lily, "records")

    contact = page.locator("div.contact").filter(has_text="Wei Chen")
    expect(contact).to_contain_text("12 Elm Street")
    expect(contact).to_contain_text("Middletown CT 06457")
    expect(contact).to_contain_text("wei@example.org")

    page.get_by_label("What should change").fill(CORRECTION)
    page.get_by_role("button", name="Send to the office").click()

    # The redirect keeps the form's #correction: the browser carries it over.
    expect(page).to_have_url(path_is(child_path(lily, "records") + "#correction"))
    expect(page.get_by_role("status")).to_contain_text(
        "Your request was sent to the office."
    )
    earlier = page.locator("ul.requests > li")
    expect(earlier).to_have_count(1)
    expect(earlier).to_contain_text("Waiting for the office")
    expect(earlier).to_contain_text(CORRECTION)
    assert CorrectionRequest.objects.get(student=lily).message == CORRECTION


def pdf_text(path: str) -> str:
    """The text of every page, with runs of white space made single spaces."""
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())


def download_report_card(page: Page, lily: Student, term: SchoolTerm) -> str:
    """The report card for Q1 as a PDF, its text checked; returns its address."""
    open_tab(page, "Report cards", lily, "report_cards")

    card = page.locator("section.report-card")
    expect(card).to_have_count(1)
    expect(card.get_by_role("heading")).to_have_text(f"Q1 {term.q1.school_year.name}")
    expect(card.locator("tbody tr").first).to_contain_text(MATH_MARK)
    expect(card.locator("tbody tr").first).to_contain_text(MATH_COMMENT)

    with page.expect_download() as waiting:
        card.get_by_role("link", name=re.compile("^Download PDF")).click()
    download = waiting.value
    assert download.failure() is None
    assert download.suggested_filename == "report-card-q1.pdf"

    text = pdf_text(str(download.path()))
    for expected in [
        lily.full_name,
        "Math 7",
        MATH_MARK,
        MATH_COMMENT,
        "English 7",
        ENGLISH_MARK,
        ENGLISH_COMMENT,
        f"Report card, Q1 {term.q1.school_year.name}",
    ]:
        assert expected in text, f"{expected!r} is not in the PDF: {text}"
    return download.url


def test_a_parent_reads_the_records_and_downloads_a_report_card(
    page: Page, cast: Cast, school_term: SchoolTerm
) -> None:
    requested = watch_requests(page)
    lily = cast.lily

    sign_in_as(page, "wchen")
    read_overview(page, lily)
    read_course(page, lily, school_term)
    read_missing_work(page, lily, school_term)
    read_attendance(page, lily, school_term)
    read_schedule(page, lily)
    request_a_correction(page, lily)
    pdf_url = download_report_card(page, lily, school_term)

    assert pdf_url.endswith(child_path(lily, "report_card_pdf", school_term.q1.pk))
    assert_no_student_numbers([*requested, pdf_url])


def test_a_parent_of_two_switches_children_in_one_click(
    page: Page, cast: Cast, school_term: SchoolTerm
) -> None:
    sign_in_as(page, "mrivera")
    page.get_by_role("link", name=cast.sofia.full_name).click()
    switcher = page.get_by_role("navigation", name="Switch child")
    expect(switcher.get_by_role("link")).to_have_text(["Lucas", "Sofia"])
    expect(switcher.get_by_role("link", name="Sofia")).to_have_attribute(
        "aria-current", "page"
    )

    switcher.get_by_role("link", name="Lucas").click()
    expect(page).to_have_url(path_is(child_path(cast.lucas)))
    expect(page.get_by_role("heading", level=1)).to_have_text(cast.lucas.full_name)
    expect(switcher.get_by_role("link", name="Lucas")).to_have_attribute(
        "aria-current", "page"
    )

    switcher.get_by_role("link", name="Sofia").click()
    expect(page).to_have_url(path_is(child_path(cast.sofia)))
    expect(page.get_by_role("heading", level=1)).to_have_text(cast.sofia.full_name)
    expect(course_card(page, "Math 7")).to_contain_text("No grades yet")


def family_pages(student: Student, term: SchoolTerm) -> list[tuple[str, str]]:
    """Each family page about one student: a name for the report, and its path."""
    return [
        ("overview", child_path(student)),
        ("course", child_path(student, "course", term.math.public_id)),
        ("missing work", child_path(student, "missing")),
        ("attendance", child_path(student, "attendance")),
        ("schedule", child_path(student, "schedule")),
        ("records", child_path(student, "records")),
        ("report cards", child_path(student, "report_cards")),
    ]


def check_pages(page: Page, pages: list[tuple[str, str]]) -> list[str]:
    problems = []
    for name, path in pages:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        problems += accessibility_problems(page, name)
    return problems


def check_other_states(page: Page, lily: Student, term: SchoolTerm) -> list[str]:
    """What a plain visit does not show: the chart's numbers, an error, a message."""
    page.goto(child_path(lily, "course", term.math.public_id))
    page.get_by_text("The numbers behind the chart").click()
    expect(page.locator("figure.chart table")).to_be_visible()
    problems = accessibility_problems(page, "course, the chart's numbers open")

    page.goto(child_path(lily, "records"))
    page.get_by_role("button", name="Send to the office").click()
    expect(page.locator("#correction .errorlist")).to_be_visible()
    problems += accessibility_problems(page, "records, an empty request")

    page.get_by_label("What should change").fill(CORRECTION)
    page.get_by_role("button", name="Send to the office").click()
    expect(page.get_by_role("status")).to_be_visible()
    problems += accessibility_problems(page, "records, a request sent")
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_family_pages_pass_the_accessibility_check(
    page: Page, cast: Cast, school_term: SchoolTerm, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    requested = watch_requests(page)

    sign_in_as(page, "wchen")
    problems = accessibility_problems(page, "children")
    problems += check_pages(page, family_pages(cast.lily, school_term))
    problems += check_other_states(page, cast.lily, school_term)
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(path_is("/sign-in/"))

    # A parent of two sees the switcher on every page, and pages with nothing yet.
    sign_in_as(page, "mrivera")
    problems += accessibility_problems(page, "children, two of them")
    problems += check_pages(page, family_pages(cast.sofia, school_term))
    problems += check_pages(page, [("overview, no courses", child_path(cast.lucas))])

    assert problems == [], "\n".join(problems)
    assert_no_student_numbers(requested)
