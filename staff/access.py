"""Who may open which staff page: the permission helpers every staff view starts with.

Roles: a teacher sees their own sections; office staff see their school;
district administrators see every school. A wrong role is refused (403); a
record outside the viewer's reach is not found (404), as on the family side.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from accounts.models import Account
from audit.record import record_access
from records.models import School, Section, Student, StudentQuerySet

OFFICE_KINDS = frozenset({Account.Kind.STAFF, Account.Kind.DISTRICT})


def signed_in(request: HttpRequest) -> Account:
    if not isinstance(request.user, Account):
        raise PermissionDenied
    return request.user


def staff_account(request: HttpRequest) -> Account:
    """Any school staff: teachers, office staff, district administrators."""
    account = signed_in(request)
    if not account.is_school_staff:
        raise PermissionDenied
    return account


def two_factor_account(request: HttpRequest) -> Account:
    """Anyone who signs in with a code: school staff and admin accounts."""
    account = signed_in(request)
    if not account.signs_in_with_a_code:
        raise PermissionDenied
    return account


def office_account(request: HttpRequest) -> Account:
    account = signed_in(request)
    if account.kind not in OFFICE_KINDS:
        raise PermissionDenied
    return account


def teacher_account(request: HttpRequest) -> Account:
    account = signed_in(request)
    if account.kind != Account.Kind.TEACHER:
        raise PermissionDenied
    return account


def office_schools(account: Account) -> "list[School]":
    if account.kind == Account.Kind.DISTRICT:
        return list(School.objects.all())
    if account.kind == Account.Kind.STAFF and account.school_id:
        return list(School.objects.filter(pk=account.school_id))
    return []


def office_students(account: Account) -> StudentQuerySet:
    """The students whose records this office account may see."""
    if account.kind == Account.Kind.DISTRICT:
        return Student.objects.all()
    if account.kind == Account.Kind.STAFF and account.school_id:
        return Student.objects.filter(school_id=account.school_id)
    return Student.objects.none()


def office_student(request: HttpRequest, public_id: UUID) -> Student:
    """A student this office account may see, by the opaque identifier; else 404."""
    account = office_account(request)
    student = (
        office_students(account)
        .select_related("school")
        .filter(public_id=public_id)
        .first()
    )
    if student is None:
        raise Http404

    page = request.resolver_match.url_name if request.resolver_match else ""
    record_access(account, student, f"office:{page}")
    return student


def teacher_section(request: HttpRequest, public_id: UUID) -> Section:
    """One of this teacher's own sections; any other section is not found."""
    account = teacher_account(request)
    section = (
        Section.objects.select_related("course__school")
        .filter(public_id=public_id, teacher=account)
        .first()
    )
    if section is None:
        raise Http404
    return section
