"""Sofia's interim report: the graded worked example, attendance, and requests."""

import datetime
import io

from pypdf import PdfReader

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from conftest import Cast, Term
from family.tests.sofia_grades import grade_sofia
from office.models import InterimRequest
from records.models import Student

NOW = "2026-12-03 10:00"


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(pages_of(pdf))


def mark(student: Student, on: datetime.date, code: str) -> None:
    AttendanceMark.objects.create(
        student=student, date=on, code=AttendanceCode.objects.get(code=code)
    )


def sofia_so_far(cast: Cast, term: Term) -> None:
    """Math 70.0 C and English 72.0 C; two days absent (one excused), one tardy.

    An absence in the first marking period does not count in the second.
    """
    grade_sofia(cast, term)
    mark(cast.sofia, datetime.date(2026, 10, 5), "A")
    mark(cast.sofia, datetime.date(2026, 11, 12), "AE")
    mark(cast.sofia, datetime.date(2026, 11, 20), "A")
    mark(cast.sofia, datetime.date(2026, 12, 1), "T")


def ask(student: Student, account: Account, delivery: str = "email") -> InterimRequest:
    return InterimRequest.objects.create(
        student=student, account=account, delivery=delivery
    )
