"""Who may import and export: district administrators only.

An import writes every school's records, and a bulk file removes whatever it
does not list, so a school's office could undo another school's roster; an
export holds every school's families. School office staff are refused (403),
as teachers, families and students are.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts.models import Account
from staff.access import office_account


def district_account(request: HttpRequest) -> Account:
    account = office_account(request)
    if account.kind != Account.Kind.DISTRICT:
        raise PermissionDenied
    return account
