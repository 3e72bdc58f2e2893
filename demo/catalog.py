"""What the demo schools teach, and when: the calendar, courses and timetable.

Every date here is fixed, so the demo tells the same story whenever it is loaded:
the second marking period of 2026-2027 in progress on 3 December 2026.
"""

import datetime
from dataclasses import dataclass

from demo import roster

YEAR_NAME = "2026-2027"
YEAR_START = datetime.date(2026, 8, 31)
YEAR_END = datetime.date(2027, 6, 18)

# The day the demo's story has reached: grades and attendance are entered up to it.
STORY_DAY = datetime.date(2026, 12, 3)

ENROLLED_ON = YEAR_START
REPORT_CARDS_POSTED_ON = datetime.date(2026, 11, 13)


@dataclass(frozen=True)
class Quarter:
    name: str
    start: datetime.date
    end: datetime.date


QUARTERS = (
    Quarter("Q1", YEAR_START, datetime.date(2026, 11, 6)),
    Quarter("Q2", datetime.date(2026, 11, 9), datetime.date(2027, 1, 22)),
    Quarter("Q3", datetime.date(2027, 1, 25), datetime.date(2027, 4, 2)),
    Quarter("Q4", datetime.date(2027, 4, 5), YEAR_END),
)


def days_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    count = (last - first).days + 1
    return [first + datetime.timedelta(days=n) for n in range(count)]


HOLIDAYS = frozenset(
    [
        datetime.date(2026, 9, 7),  # Labor Day
        datetime.date(2026, 10, 12),  # Indigenous Peoples' Day
        datetime.date(2026, 11, 11),  # Veterans Day
        *days_between(datetime.date(2026, 11, 25), datetime.date(2026, 11, 27)),
        *days_between(datetime.date(2026, 12, 24), datetime.date(2027, 1, 1)),
        datetime.date(2027, 1, 18),  # Martin Luther King Jr. Day
        datetime.date(2027, 2, 15),  # Presidents' Day
        datetime.date(2027, 3, 26),  # Good Friday
        *days_between(datetime.date(2027, 4, 12), datetime.date(2027, 4, 16)),
        datetime.date(2027, 5, 31),  # Memorial Day
    ]
)


def school_days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Weekdays from first to last, both included, leaving out the holidays."""
    return [
        day
        for day in days_between(first, last)
        if day.isoweekday() <= 5 and day not in HOLIDAYS
    ]


def midpoint(quarter: Quarter) -> datetime.date:
    """The school day in the middle of the quarter: when interim reports go out."""
    days = school_days(quarter.start, quarter.end)
    return days[len(days) // 2]


@dataclass(frozen=True)
class Kind:
    """One kind of graded work in a gradebook, and the category that holds it."""

    category: str
    title: str  # an assignment's title: this, its number and its topic
    possible: int
    weight: int  # percent, when the gradebook weighs its categories


@dataclass(frozen=True)
class Area:
    """A subject area: how its teachers grade, and the topics of the year."""

    weighted: bool
    major: Kind  # every seventh assignment
    minor: Kind  # every third
    daily: Kind  # the rest
    topics: tuple[str, ...]  # the first half in Q1, the second in Q2


TESTS = Kind("Tests", "Test", 100, 50)
QUIZZES = Kind("Quizzes", "Quiz", 20, 20)
HOMEWORK = Kind("Homework", "Homework", 10, 30)
ESSAYS = Kind("Essays", "Essay", 100, 0)
PROJECTS = Kind("Projects", "Project", 50, 0)
CLASSWORK = Kind("Classwork", "Classwork", 10, 0)
SKILLS = Kind("Skills checks", "Skills check", 25, 0)
PARTICIPATION = Kind("Participation", "Participation", 10, 0)
CRITIQUES = Kind("Critiques", "Critique", 20, 0)
SKETCHBOOK = Kind("Sketchbook", "Sketchbook", 10, 0)

AREAS = {
    "math": Area(
        True,
        TESTS,
        QUIZZES,
        HOMEWORK,
        (
            "Number sense",
            "Expressions",
            "Equations",
            "Inequalities",
            "Functions",
            "Graphs",
            "Modeling",
            "Review and practice",
        ),
    ),
    "english": Area(
        False,
        ESSAYS,
        QUIZZES,
        HOMEWORK,
        (
            "Short stories",
            "Narrative writing",
            "Poetry",
            "Vocabulary",
            "The novel",
            "Argument writing",
            "Drama",
            "Research skills",
        ),
    ),
    "science": Area(
        True,
        TESTS,
        QUIZZES,
        HOMEWORK,
        (
            "Lab safety",
            "Measurement",
            "Data and graphs",
            "Matter",
            "Energy",
            "Interactions",
            "Systems and models",
            "Research project",
        ),
    ),
    "social": Area(
        True,
        TESTS,
        QUIZZES,
        HOMEWORK,
        (
            "Geography",
            "Primary sources",
            "Government",
            "Economics",
            "Revolutions",
            "Rights and citizenship",
            "Conflict and change",
            "Research project",
        ),
    ),
    "spanish": Area(
        True,
        TESTS,
        QUIZZES,
        HOMEWORK,
        (
            "Greetings",
            "School life",
            "Family",
            "Food",
            "Travel",
            "Holidays",
            "The city",
            "Health",
        ),
    ),
    "health": Area(
        False,
        PROJECTS,
        QUIZZES,
        CLASSWORK,
        (
            "Nutrition",
            "Sleep",
            "Stress",
            "First aid",
            "Friendships",
            "Media",
            "Decisions",
            "Fitness plans",
        ),
    ),
    "pe": Area(
        False,
        SKILLS,
        QUIZZES,
        PARTICIPATION,
        (
            "Soccer",
            "Fitness testing",
            "Volleyball",
            "Flag football",
            "Basketball",
            "Badminton",
            "Dance",
            "Team games",
        ),
    ),
    "art": Area(
        False,
        PROJECTS,
        CRITIQUES,
        SKETCHBOOK,
        (
            "Line",
            "Shape",
            "Color",
            "Value",
            "Perspective",
            "Printmaking",
            "Portraits",
            "Clay",
        ),
    ),
}


@dataclass(frozen=True)
class Offering:
    """One course taught to one whole grade: a section on the timetable."""

    school: str
    grade: int
    code: str
    title: str
    teacher: str  # the teacher's username
    area: str
    slot: int  # the subject's row in the timetable
    meeting_days: str = "12345"

    @property
    def period(self) -> int:
        # Each grade turns the timetable by two periods, so a teacher who teaches a
        # subject to every grade is never due in two rooms in the same period.
        return (self.slot + 2 * self.grade) % 7 + 1


def subject(
    school: str,
    slot: int,
    teacher: str,
    area: str,
    *courses: tuple[int, str, str],
    meeting_days: str = "12345",
) -> tuple[Offering, ...]:
    return tuple(
        Offering(school, grade, code, title, teacher, area, slot, meeting_days)
        for grade, code, title in courses
    )


MIDDLE = roster.MIDDLE_SCHOOL
HIGH = roster.HIGH_SCHOOL

OFFERINGS = (
    *subject(
        MIDDLE,
        0,
        "dfoster",
        "math",
        (6, "MMS-MATH6", "Math 6"),
        (7, "MMS-MATH7", "Math 7"),
        (8, "MMS-MATH8", "Math 8"),
    ),
    *subject(
        MIDDLE,
        1,
        "jbennett",
        "english",
        (6, "MMS-ENG6", "English 6"),
        (7, "MMS-ENG7", "English 7"),
        (8, "MMS-ENG8", "English 8"),
    ),
    *subject(
        MIDDLE,
        2,
        "lnakamura",
        "science",
        (6, "MMS-SCI6", "Earth Science 6"),
        (7, "MMS-SCI7", "Life Science 7"),
        (8, "MMS-SCI8", "Physical Science 8"),
    ),
    *subject(
        MIDDLE,
        3,
        "rhughes",
        "social",
        (6, "MMS-SS6", "World Geography 6"),
        (7, "MMS-SS7", "World History 7"),
        (8, "MMS-SS8", "U.S. History 8"),
    ),
    *subject(
        MIDDLE,
        4,
        "ereyes",
        "spanish",
        (6, "MMS-SPA6", "Exploring Spanish 6"),
        (7, "MMS-SPA7", "Spanish 7"),
        (8, "MMS-SPA8", "Spanish 8"),
    ),
    *subject(
        MIDDLE,
        5,
        "tgallagher",
        "health",
        (6, "MMS-HLT6", "Health 6"),
        (7, "MMS-HLT7", "Health 7"),
        (8, "MMS-HLT8", "Health 8"),
    ),
    *subject(
        MIDDLE,
        6,
        "tgallagher",
        "pe",
        (6, "MMS-PE6", "Physical Education 6"),
        (7, "MMS-PE7", "Physical Education 7"),
        (8, "MMS-PE8", "Physical Education 8"),
    ),
    *subject(
        HIGH,
        0,
        "apatterson",
        "english",
        (9, "LHS-ENG9", "English 9"),
        (10, "LHS-ENG10", "English 10"),
        (11, "LHS-ENG11", "American Literature"),
        (12, "LHS-ENG12", "British Literature"),
    ),
    *subject(
        HIGH,
        1,
        "mcastillo",
        "math",
        (9, "LHS-ALG1", "Algebra I"),
        (10, "LHS-GEO", "Geometry"),
        (11, "LHS-ALG2", "Algebra II"),
        (12, "LHS-PRECALC", "Precalculus"),
    ),
    *subject(
        HIGH,
        2,
        "kowens",
        "science",
        (9, "LHS-BIO", "Biology"),
        (10, "LHS-CHEM", "Chemistry"),
    ),
    *subject(
        HIGH,
        2,
        "dlin",
        "science",
        (11, "LHS-PHYS", "Physics"),
        (12, "LHS-ENVSCI", "Environmental Science"),
    ),
    *subject(
        HIGH,
        3,
        "jmurphy",
        "social",
        (9, "LHS-GLOB", "Global Studies"),
        (10, "LHS-WHIST", "Modern World History"),
        (11, "LHS-USHIST", "U.S. History"),
        (12, "LHS-CIVICS", "Civics and Economics"),
    ),
    *subject(
        HIGH,
        4,
        "pdelgado",
        "spanish",
        (9, "LHS-SPA1", "Spanish I"),
        (10, "LHS-SPA2", "Spanish II"),
        (11, "LHS-SPA3", "Spanish III"),
        (12, "LHS-SPA4", "Spanish IV"),
    ),
    # Ninth and tenth graders share one period between physical education on
    # Monday, Wednesday and Friday and health on Tuesday and Thursday.
    *subject(
        HIGH,
        5,
        "bwright",
        "pe",
        (9, "LHS-PE9", "Physical Education 9"),
        (10, "LHS-PE10", "Physical Education 10"),
        meeting_days="135",
    ),
    *subject(
        HIGH,
        5,
        "bwright",
        "health",
        (9, "LHS-HLT9", "Health 9"),
        (10, "LHS-HLT10", "Health 10"),
        meeting_days="24",
    ),
    *subject(
        HIGH,
        5,
        "bwright",
        "pe",
        (11, "LHS-FIT11", "Lifetime Fitness"),
        (12, "LHS-FIT12", "Sports Leadership"),
    ),
    *subject(
        HIGH,
        6,
        "nfischer",
        "art",
        (9, "LHS-ART1", "Studio Art I"),
        (10, "LHS-ART2", "Studio Art II"),
        (11, "LHS-DESIGN", "Digital Design"),
        (12, "LHS-PORT", "Art Portfolio"),
    ),
)


@dataclass(frozen=True)
class Drop:
    number: str
    code: str
    on: datetime.date


# Diego Morales dropped Spanish III when the first marking period ended: it stays
# on his first report card and leaves his schedule from the second.
DROPS = (Drop("100401", "LHS-SPA3", datetime.date(2026, 11, 9)),)

# Two teachers have not entered grades for more than two weeks.
STALE_GRADEBOOKS = frozenset({"MMS-SS8", "LHS-PORT"})
STALE_SINCE = datetime.date(2026, 11, 16)
