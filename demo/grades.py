"""Load the demo's gradebooks, scores and first-quarter report card grades.

Scores are drawn from a random generator seeded by the course code, so every
load writes the same grades, on SQLite and on PostgreSQL alike.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from demo import catalog
from gradebook.models import (
    Assignment,
    Category,
    GradeBand,
    Gradebook,
    ReportCardGrade,
    Score,
)
from gradebook.snapshot import CourseSnapshot, course_snapshots
from records.models import Enrollment, MarkingPeriod, Section, Student

GRADE_BANDS = (
    ("A", 93),
    ("A-", 90),
    ("B+", 87),
    ("B", 83),
    ("B-", 80),
    ("C+", 77),
    ("C", 73),
    ("C-", 70),
    ("D+", 67),
    ("D", 63),
    ("D-", 60),
    ("F", 0),
)

GRADED_QUARTERS = ("Q1", "Q2")
Q1_CLOSED = datetime.date(2026, 11, 9)

PRAISE = (
    "Excellent work!",
    "Great improvement since the last one.",
    "Careful, clear answers. Well done.",
)
ADVICE = (
    "Please come to extra help on Tuesday to go over this.",
    "Show your steps so I can give partial credit.",
    "You may redo this for up to half the missed points.",
)
REMARKS = (
    "Good effort. Check your answers against the rubric.",
    "Nice start; finish the last section next time.",
)


@dataclass(frozen=True)
class Moment:
    """A score written into the demo's story on purpose, in the second quarter."""

    number: str
    code: str
    kind: str  # "major", "minor" or "daily"
    back: int  # which graded one of that kind: 1 is the latest
    missing: bool = False
    late: bool = False
    excused: bool = False
    comment: str = ""


# What Maria Rivera (demo.parent) finds on her children's pages.
MOMENTS = (
    Moment(
        "100101",
        "MMS-MATH7",
        "daily",
        2,
        missing=True,
        comment="Not handed in yet. You can still turn it in this week.",
    ),
    Moment(
        "100101",
        "MMS-ENG7",
        "minor",
        1,
        comment="Thoughtful answers, and your vocabulary is growing!",
    ),
    Moment("100101", "MMS-SCI7", "daily", 3, late=True, comment="One day late."),
    Moment(
        "100102",
        "LHS-CHEM",
        "minor",
        2,
        excused=True,
        comment="Excused: you were away for an appointment.",
    ),
    Moment("100102", "LHS-GEO", "major", 1, comment="Strong proofs. Label every step."),
)
FEATURED = frozenset(moment.number for moment in MOMENTS)

REPORT_CARD_COMMENTS = {
    ("100101", "MMS-MATH7"): "Sofia asks great questions and helps her classmates.",
    ("100102", "LHS-CHEM"): "Lucas does careful lab work; keep reviewing the notes.",
}


@dataclass(frozen=True)
class Plan:
    """One assignment as the demo plans it, before it is in the gradebook."""

    kind: catalog.Kind
    size: str  # "major", "minor" or "daily"
    title: str
    assigned_on: datetime.date
    due_on: datetime.date


def load_grade_bands() -> None:
    for letter, minimum in GRADE_BANDS:
        GradeBand.objects.update_or_create(
            letter=letter, defaults={"minimum": Decimal(minimum)}
        )


def load_gradebooks(
    sections: Mapping[str, Section], periods: Mapping[str, MarkingPeriod]
) -> None:
    """Gradebooks for the first two quarters of every section, with their scores."""
    scores: list[Score] = []
    for name in GRADED_QUARTERS:
        period = periods[name]
        quarter = next(q for q in catalog.QUARTERS if q.name == name)
        enrolled = enrolled_students(period.start)
        for offering in catalog.OFFERINGS:
            section = sections[offering.code]
            scores += load_gradebook(
                offering, section, period, quarter, enrolled[section.pk]
            )

    Score.objects.bulk_create(scores, ignore_conflicts=True, batch_size=500)


def enrolled_students(day: datetime.date) -> dict[int, list[Student]]:
    """The students in each section on this day, by student number."""
    enrolled = defaultdict(list)
    enrollments = (
        Enrollment.objects.on(day).select_related("student").order_by("student__number")
    )
    for enrollment in enrollments:
        enrolled[enrollment.section_id].append(enrollment.student)
    return enrolled


def load_gradebook(
    offering: catalog.Offering,
    section: Section,
    period: MarkingPeriod,
    quarter: catalog.Quarter,
    students: list[Student],
) -> list[Score]:
    """The gradebook, its categories and assignments; returns the scores to add."""
    rng = random.Random(f"{offering.code} {quarter.name}")
    area = catalog.AREAS[offering.area]
    updated = last_update(offering, quarter, rng)

    book, _ = Gradebook.objects.update_or_create(
        section=section,
        marking_period=period,
        defaults={
            "method": Gradebook.Method.WEIGHTED
            if area.weighted
            else Gradebook.Method.POINTS,
            "updated_at": updated,
        },
    )
    categories = load_categories(book, area)
    plans = plan_quarter(area, quarter, rng)
    assignments = load_assignments(book, categories, plans)

    graded = [plan for plan in plans if is_graded(plan, updated)]
    scored = set(
        Score.objects.filter(assignment__gradebook=book)
        .values_list("student_id", flat=True)
        .distinct()
    )
    return [
        score
        for student in students
        if student.pk not in scored
        for score in scores_for(
            student, updated, offering, quarter, graded, assignments
        )
    ]


def last_update(
    offering: catalog.Offering, quarter: catalog.Quarter, rng: random.Random
) -> datetime.datetime:
    """When the teacher last entered grades: most in the last week, a few long ago."""
    if quarter.end < catalog.STORY_DAY:
        return at(Q1_CLOSED, 16, rng.randrange(60))
    if offering.code in catalog.STALE_GRADEBOOKS:
        return at(catalog.STALE_SINCE, 17, rng.randrange(60))

    week = catalog.school_days(
        catalog.STORY_DAY - datetime.timedelta(days=6), catalog.STORY_DAY
    )
    day = rng.choice([*week, *week[-2:]])

    # On the story's day itself the teacher entered grades before school.
    hour = 7 if day == catalog.STORY_DAY else 16
    return at(day, hour, rng.randrange(60))


def at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(moment)


def is_graded(plan: Plan, updated: datetime.datetime) -> bool:
    """Graded by the last update: work due before that day, or that day if later."""
    local = timezone.localtime(updated)
    return plan.due_on < local.date() or (
        plan.due_on == local.date() and local.hour >= 12
    )


def load_categories(book: Gradebook, area: catalog.Area) -> dict[str, Category]:
    categories = {}
    for kind in (area.major, area.minor, area.daily):
        weight = Decimal(kind.weight) if area.weighted else Decimal(0)
        categories[kind.category], _ = Category.objects.update_or_create(
            gradebook=book, name=kind.category, defaults={"weight": weight}
        )
    return categories


def plan_quarter(
    area: catalog.Area, quarter: catalog.Quarter, rng: random.Random
) -> list[Plan]:
    """About twenty assignments due by the story's day, and a few due after it."""
    last = min(quarter.end, catalog.STORY_DAY)
    days = catalog.school_days(quarter.start, last)
    count = rng.randint(19, 22) if last == quarter.end else rng.randint(18, 22)
    due = [days[round((n + 1) * (len(days) - 1) / count)] for n in range(count)]
    sizes = [size_of(n + 1) for n in range(count)]

    if last < quarter.end:
        ahead = catalog.school_days(last + datetime.timedelta(days=1), quarter.end)
        due += [ahead[0], ahead[2], ahead[5]]
        sizes += ["daily", "daily", "major"]

    return plans_for(area, quarter, due, sizes)


def size_of(number: int) -> str:
    if number % 7 == 0:
        return "major"
    return "minor" if number % 3 == 0 else "daily"


def plans_for(
    area: catalog.Area,
    quarter: catalog.Quarter,
    due: list[datetime.date],
    sizes: list[str],
) -> list[Plan]:
    half = len(area.topics) // 2
    topics = area.topics[:half] if quarter.name == "Q1" else area.topics[half:]
    numbers: dict[str, int] = defaultdict(int)
    plans = []
    for index, (due_on, size) in enumerate(zip(due, sizes, strict=True)):
        kind = {"major": area.major, "minor": area.minor, "daily": area.daily}[size]
        numbers[size] += 1
        topic = topics[index * len(topics) // len(due)]
        plans.append(
            Plan(
                kind=kind,
                size=size,
                title=f"{kind.title} {numbers[size]}: {topic}",
                assigned_on=assigned_on(due_on, size, quarter),
                due_on=due_on,
            )
        )
    return plans


def assigned_on(
    due_on: datetime.date, size: str, quarter: catalog.Quarter
) -> datetime.date:
    """A test is announced a week ahead, a quiz two days, homework the day before."""
    lead = {"major": 5, "minor": 2, "daily": 1}[size]
    before = catalog.school_days(quarter.start, due_on - datetime.timedelta(days=1))
    return before[-lead] if len(before) >= lead else quarter.start


def load_assignments(
    book: Gradebook, categories: Mapping[str, Category], plans: Iterable[Plan]
) -> dict[str, Assignment]:
    """The gradebook's assignments by title, adding the ones not there yet."""
    existing = {assignment.title: assignment for assignment in book.assignments.all()}
    new = [
        Assignment(
            gradebook=book,
            category=categories[plan.kind.category],
            title=plan.title,
            points_possible=Decimal(plan.kind.possible),
            assigned_on=plan.assigned_on,
            due_on=plan.due_on,
            visible_from=plan.assigned_on,
        )
        for plan in plans
        if plan.title not in existing
    ]
    Assignment.objects.bulk_create(new)

    return existing | {assignment.title: assignment for assignment in new}


def scores_for(
    student: Student,
    updated: datetime.datetime,
    offering: catalog.Offering,
    quarter: catalog.Quarter,
    graded: list[Plan],
    assignments: Mapping[str, Assignment],
) -> list[Score]:
    """One student's scores in one gradebook: steady work, with the odd slip."""
    rng = random.Random(f"{offering.code} {quarter.name} {student.number}")
    ability = random.Random(student.number).uniform(76, 97) + rng.gauss(0, 3)
    moments = moments_for(student.number, offering.code, graded)

    scores = []
    for plan in graded:
        score = drawn_score(rng, ability, plan)
        if student.number in FEATURED:
            score = Score(points=score.points)
        if plan.title in moments:
            score = with_moment(score, plan, moments[plan.title])

        score.assignment = assignments[plan.title]
        score.student = student
        score.updated_at = min(at(plan.due_on, 18, 0), updated)
        scores.append(score)
    return scores


def drawn_score(rng: random.Random, ability: float, plan: Plan) -> Score:
    """A score drawn at random; the same draws every time for the same student."""
    percent = min(max(rng.gauss(ability, 7), 40), 100)
    if plan.size == "daily" and rng.random() < 0.5:
        percent = 100
    points = (Decimal(plan.kind.possible) * Decimal(percent) / 100).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    flag, remark = rng.random(), rng.random()
    comment = rng.choice(comments_for(percent)) if remark < 0.01 else ""

    if flag < 0.025 and plan.size != "major":
        return Score(points=None, missing=True, comment=comment)
    if flag < 0.035:
        return Score(points=None, excused=True, comment="Excused: absent that day.")
    if flag < 0.04:
        return Score(points=None, incomplete=True, comment=comment)
    if flag < 0.075:
        late_points = (points * Decimal("0.9")).quantize(Decimal(1))
        return Score(points=late_points, late=True, comment=comment)
    return Score(points=points, comment=comment)


def comments_for(percent: float) -> tuple[str, ...]:
    if percent >= 90:
        return PRAISE
    return ADVICE if percent < 72 else REMARKS


def moments_for(number: str, code: str, graded: list[Plan]) -> dict[str, Moment]:
    """The story's moments for this student and course, by assignment title."""
    chosen = {}
    for moment in MOMENTS:
        if (moment.number, moment.code) != (number, code):
            continue
        of_kind = [plan for plan in graded if plan.size == moment.kind]
        if len(of_kind) >= moment.back:
            chosen[of_kind[-moment.back].title] = moment
    return chosen


def with_moment(score: Score, plan: Plan, moment: Moment) -> Score:
    points = None if moment.missing or moment.excused else score.points
    if moment.late and points is not None:
        points = (points * Decimal("0.9")).quantize(Decimal(1))
    return Score(
        points=points,
        missing=moment.missing,
        late=moment.late,
        excused=moment.excused,
        comment=moment.comment,
    )


def post_report_cards(period: MarkingPeriod, sections: Mapping[str, Section]) -> None:
    """The first quarter's report card grades: the letter of each final average."""
    codes = {section.pk: code for code, section in sections.items()}
    waiting = waiting_for_grades(period)
    students = Student.objects.filter(pk__in={pair[0] for pair in waiting})

    grades = []
    for student in students.order_by("number"):
        for course in course_snapshots(student, period, catalog.REPORT_CARDS_POSTED_ON):
            if course.letter and (student.pk, course.section.pk) in waiting:
                code = codes.get(course.section.pk, "")
                grades.append(report_card_grade(student, course, period, code))
    ReportCardGrade.objects.bulk_create(grades, ignore_conflicts=True)


def waiting_for_grades(period: MarkingPeriod) -> set[tuple[int, int]]:
    """(student, section) pairs enrolled at the period's end with no grade posted."""
    enrolled = (
        Enrollment.objects.on(period.end)
        .filter(section__marking_periods=period)
        .values_list("student_id", "section_id")
    )
    posted = ReportCardGrade.objects.filter(marking_period=period).values_list(
        "student_id", "section_id"
    )
    return set(enrolled) - set(posted)


def report_card_grade(
    student: Student, course: CourseSnapshot, period: MarkingPeriod, code: str
) -> ReportCardGrade:
    return ReportCardGrade(
        student=student,
        section=course.section,
        marking_period=period,
        mark=course.letter,
        percent=course.average.percent,
        comment=report_card_comment(student.number, code, course.average.percent),
        posted_on=catalog.REPORT_CARDS_POSTED_ON,
        posted_by=course.section.teacher,
    )


def report_card_comment(number: str, code: str, percent: Decimal | None) -> str:
    """A comment on about one report card grade in ten."""
    if (number, code) in REPORT_CARD_COMMENTS:
        return REPORT_CARD_COMMENTS[number, code]
    rng = random.Random(f"{number} {code} report card")
    if number in FEATURED or percent is None or rng.random() >= 0.1:
        return ""

    if percent >= 93:
        return "A pleasure to teach: consistent, careful work."
    if percent < 75:
        return "Missing work lowered this grade. Let us make a plan together."
    return "Steady progress this quarter. Keep it up."
