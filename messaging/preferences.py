"""A parent's choices on My Account: alerts for each child, and the weekly digest.

Each stop link in an email turns one of these choices off, so My Account always
shows what the parent will receive.
"""

import datetime
from typing import Any

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import Account
from messaging.forms import AlertPreferenceForm, DigestPreferenceForm
from messaging.models import Alert, AlertPreference, DigestPreference
from messaging.unsubscribe import choice_stop_link
from records.models import Student

# What a stop link can turn off; none of the words names a child, because the
# page behind the link is open to anyone who has the email.
STOPS: dict[str, Promise] = {
    "below": _(
        "Alerts when a course average falls below your threshold, for one child"
    ),
    "missing": _("Alerts when an assignment is marked missing, for one child"),
    "attendance": _("Alerts when a child is marked absent or tardy, for one child"),
    "alerts": _("Every alert, for all your children"),
    "digest": _("The weekly summary of all your children"),
}

TURNED_OFF: dict[str, dict[str, Any]] = {
    "below": {"average_below": None},
    "missing": {"missing": False},
    "attendance": {"attendance": False},
    "alerts": {"average_below": None, "missing": False, "attendance": False},
}

STOP_FOR_ALERT: dict[str, str] = {
    Alert.Kind.BELOW: "below",
    Alert.Kind.MISSING: "missing",
    Alert.Kind.ABSENT: "attendance",
    Alert.Kind.TARDY: "attendance",
}


def form_prefix(student: Student) -> str:
    """Each child's form on the page has field names (and ids) of its own."""
    return f"alerts-{student.public_id}"


def alert_form(
    account: Account, student: Student, data: Any = None
) -> AlertPreferenceForm:
    preference = AlertPreference.objects.filter(account=account, student=student)
    instance = preference.first() or AlertPreference(account=account, student=student)
    return AlertPreferenceForm(data, instance=instance, prefix=form_prefix(student))


def digest_form(account: Account, data: Any = None) -> DigestPreferenceForm:
    preference = DigestPreference.objects.filter(account=account).first()
    instance = preference or DigestPreference(account=account)
    return DigestPreferenceForm(data, instance=instance, prefix="digest")


def quiet_hour(index: int) -> datetime.time | None:
    value = settings.HOMEROOM_QUIET_HOURS
    return datetime.time(int(value.split("-")[index])) if value else None


def messages_on_my_account(account: Account) -> dict[str, Any]:
    """What My Account shows about alerts and the digest; only parents choose them."""
    if account.kind != Account.Kind.PARENT:
        return {}

    children = Student.objects.visible_to(account)
    return {
        "alert_forms": [(child, alert_form(account, child)) for child in children],
        "digest_form": digest_form(account),
        "alert_grace_minutes": settings.HOMEROOM_ALERT_GRACE_MINUTES,
        "alerts_per_day": settings.HOMEROOM_ALERTS_PER_DAY,
        "quiet_from": quiet_hour(0),
        "quiet_until": quiet_hour(1),
    }


def stop_link_for(account: Account, stop: str, student: Student | None = None) -> str:
    """The link in an email that turns off this choice (an alert's kind, or a stop)."""
    public_id = str(student.public_id) if student else ""
    return choice_stop_link(account, STOP_FOR_ALERT.get(stop, stop), public_id)


def turn_off(account_id: int, stop: str, student_public_id: str) -> None:
    """Apply a stop link: the choice is off, as if unticked on My Account."""
    if stop == "digest":
        DigestPreference.objects.filter(account_id=account_id).update(weekly=False)
        return

    preferences = AlertPreference.objects.filter(account_id=account_id)
    if stop != "alerts":
        preferences = preferences.filter(student__public_id=student_public_id)
    preferences.update(**TURNED_OFF[stop])
