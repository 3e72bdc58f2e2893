import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.test import RequestFactory

from accounts.models import Account
from audit.models import Access
from conftest import Cast, Staff, Term
from staff.access import office_student, office_students, teacher_section


def request_by(account: Account) -> HttpRequest:
    request = RequestFactory().get("/")
    request.user = account
    return request


def test_office_staff_reach_only_their_school(cast: Cast, staff: Staff) -> None:
    assert set(office_students(staff.middle_office)) == {cast.sofia, cast.lily}
    assert set(office_students(staff.high_office)) == {cast.lucas}
    assert set(office_students(staff.district)) == {cast.sofia, cast.lily, cast.lucas}


def test_another_schools_student_is_not_found(cast: Cast, staff: Staff) -> None:
    request = request_by(staff.high_office)

    with pytest.raises(Http404):
        office_student(request, cast.sofia.public_id)
    assert office_student(request, cast.lucas.public_id) == cast.lucas
    assert Access.objects.get().actor == staff.high_office


def test_teachers_and_families_are_refused_office_records(
    cast: Cast, term: Term
) -> None:
    for account in [term.teacher, cast.rivera]:
        with pytest.raises(PermissionDenied):
            office_student(request_by(account), cast.sofia.public_id)


def test_a_teacher_reaches_only_their_own_sections(cast: Cast, term: Term) -> None:
    request = request_by(term.teacher)

    assert teacher_section(request, term.math.public_id) == term.math
    with pytest.raises(Http404):
        teacher_section(request, term.english.public_id)
    with pytest.raises(Http404):
        teacher_section(request, uuid.uuid4())
