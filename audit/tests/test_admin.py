import datetime

from django.urls import reverse

from accounts.models import Account
from attendance.models import AttendanceMark
from audit.models import Change
from conftest import Cast, Term, make_account


def office(cast: Cast) -> Account:
    account = make_account(
        "office", kind=Account.Kind.STAFF, is_staff="1", is_superuser="1"
    )
    return account


def test_an_attendance_mark_changed_in_the_admin_is_recorded(
    cast: Cast, term: Term
) -> None:
    mark = AttendanceMark.objects.create(
        student=cast.sofia, date=datetime.date(2026, 12, 2), code=term.tardy
    )
    staff = office(cast)
    url = reverse("admin:attendance_attendancemark_change", args=[mark.pk])
    data = {
        "student": cast.sofia.pk,
        "date": "2026-12-02",
        "section": "",
        "code": term.absent.pk,
        "comment": "Was absent after all",
        "recorded_by": "",
        "recorded_at_0": "2026-12-02",
        "recorded_at_1": "08:00:00",
    }

    response = cast.client_for(staff).post(url, data)

    assert response.status_code == 302
    change = Change.objects.get(field="code")
    assert change.actor == staff and change.student == cast.sofia
    assert change.old_value.startswith("T ") and change.new_value.startswith("A ")


def test_the_record_of_changes_cannot_be_edited(cast: Cast, term: Term) -> None:
    client = cast.client_for(office(cast))

    assert client.get(reverse("admin:audit_change_add")).status_code == 403
