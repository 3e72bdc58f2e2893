"""Finding a family: by a student's or a contact's name, or by student number.

Names are compared with case and accents folded, so "jose" finds "José". The
database cannot fold accents the same way on SQLite and PostgreSQL, so the
names of the students within reach (one school, or the district) are read as
plain rows and matched here; the full records are then read for one page of
results only.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from accounts.matching import normalize_name
from records.models import Student, StudentContact, StudentQuerySet

MOST_RESULTS = 50


@dataclass(frozen=True)
class Found:
    """One page of matching students, and how many matched in all."""

    students: list[Student]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.students)


def search_terms(query: str) -> list[str]:
    """The words of a query, with case and accents folded."""
    return normalize_name(query).split()


def name_matches(terms: Iterable[str], *names: str) -> bool:
    """Every term appears in these names, whatever their case and accents."""
    text = normalize_name(" ".join(names))
    return all(term in text for term in terms)


def matching_student_ids(students: StudentQuerySet, query: str) -> list[int]:
    """Students found by number, by their own name or by a contact's name.

    The identifiers come in name order: last name, first name.
    """
    terms = search_terms(query)
    if not terms:
        return []

    names = {
        pk: (normalize_name(last), normalize_name(first))
        for pk, first, last in students.values_list("pk", "first_name", "last_name")
    }
    ids = {
        pk for pk, (last, first) in names.items() if name_matches(terms, first, last)
    }

    number = students.filter(number__iexact=query.strip())
    ids.update(number.values_list("pk", flat=True))

    contacts = StudentContact.objects.filter(student__in=students).values_list(
        "student_id", "contact__first_name", "contact__last_name"
    )
    ids.update(pk for pk, first, last in contacts if name_matches(terms, first, last))
    return sorted(ids, key=lambda pk: (names[pk], pk))


def find_students(
    students: StudentQuerySet, query: str, limit: int = MOST_RESULTS
) -> Found:
    """The first students found for this query, in name order, with their school."""
    ids = matching_student_ids(students, query)

    shown = ids[:limit]
    by_pk = students.select_related("school").in_bulk(shown) if shown else {}
    return Found(students=[by_pk[pk] for pk in shown], total=len(ids))
