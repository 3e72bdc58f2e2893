"""The mid-term prompt: an email inviting idle parents to sign in.

From the mid-point of a marking period to its last day, every parent account
with a child to see that has not signed in for HOMEROOM_PROMPT_IDLE_DAYS gets
one email. When the district turns on HOMEROOM_INVITE_CONTACTS, contacts on
file with online access but no account get an invitation to create one. Each
goes out at most once per marking period, however often this runs.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from accounts.models import Account
from messaging.models import EmailOptOut, MidTermPrompt
from messaging.unsubscribe import opted_out_of, stop_link
from outbox.compose import queue_email
from records.models import Contact, MarkingPeriod, StudentContact

logger = logging.getLogger(__name__)

PROMPT_TEMPLATE = "messaging/email/midterm_prompt"
INVITATION_TEMPLATE = "messaging/email/invitation"


@dataclass
class Selection:
    """Who gets a mid-term email in one marking period."""

    period: MarkingPeriod | None
    accounts: list[Account] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)


def prompt_period(today: datetime.date) -> MarkingPeriod | None:
    """The marking period whose prompts are due today: past its mid-point, not over."""
    period = MarkingPeriod.objects.current(today)
    if period is None or not period.midpoint <= today <= period.end:
        return None
    return period


def with_visible_child(link_to_contact: str) -> Exists:
    links = StudentContact.objects.filter(online_access=True, student__active=True)
    return Exists(links.filter(**{link_to_contact: OuterRef("pk")}))


def accounts_to_prompt(
    period: MarkingPeriod, now: datetime.datetime
) -> QuerySet[Account]:
    """Parent accounts idle for the set number of days and not yet prompted."""
    idle_since = now - datetime.timedelta(days=settings.HOMEROOM_PROMPT_IDLE_DAYS)
    prompted = MidTermPrompt.objects.filter(
        account=OuterRef("pk"), marking_period=period
    )

    return (
        Account.objects.filter(kind=Account.Kind.PARENT, is_active=True)
        .exclude(email="")
        .alias(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=idle_since)
        .filter(with_visible_child("contact__account"))
        .exclude(Exists(prompted))
        .exclude(opted_out_of(EmailOptOut.Kind.PROMPT))
        .order_by("username")
    )


def contacts_to_invite(period: MarkingPeriod) -> list[Contact]:
    """Contacts with online access and no account, one per address, not yet invited."""
    invited = MidTermPrompt.objects.filter(
        contact__email__iexact=OuterRef("email"), marking_period=period
    )
    has_account = Account.objects.filter(email__iexact=OuterRef("email"))

    contacts = (
        Contact.objects.filter(account__isnull=True)
        .exclude(email="")
        .filter(with_visible_child("contact"))
        .exclude(Exists(invited))
        .exclude(Exists(has_account))
        .exclude(opted_out_of(EmailOptOut.Kind.INVITATION))
        .order_by("pk")
    )
    return one_per_address(contacts)


def one_per_address(contacts: QuerySet[Contact]) -> list[Contact]:
    """The first contact of each address: two records of one parent, one email."""
    seen: set[str] = set()
    chosen = []
    for contact in contacts:
        address = contact.email.strip().lower()
        if address not in seen:
            seen.add(address)
            chosen.append(contact)
    return chosen


def select(now: datetime.datetime) -> Selection:
    period = prompt_period(timezone.localdate(now))
    if period is None:
        return Selection(period=None)

    accounts = list(accounts_to_prompt(period, now))
    contacts = contacts_to_invite(period) if settings.HOMEROOM_INVITE_CONTACTS else []
    return Selection(period=period, accounts=accounts, contacts=contacts)


def send_midterm_prompts(
    now: datetime.datetime | None = None, dry_run: bool = False
) -> Selection:
    """Queue the prompts and invitations due now; return who got one.

    A dry run returns who would get one and sends nothing.
    """
    selection = select(now or timezone.now())
    period = selection.period
    if dry_run or period is None:
        return selection

    sent = Selection(period=period)
    sent.accounts = [a for a in selection.accounts if send_prompt(a, period)]
    sent.contacts = [c for c in selection.contacts if send_invitation(c, period)]

    if sent.accounts or sent.contacts:
        logger.info(
            "Mid-term prompts: %d prompts, %d invitations",
            len(sent.accounts),
            len(sent.contacts),
        )
    return sent


def send_prompt(account: Account, period: MarkingPeriod) -> bool:
    context = {
        **mail_context(),
        "period": period.name,
        "stop_url": stop_link(account, EmailOptOut.Kind.PROMPT),
    }
    record = MidTermPrompt(
        kind=MidTermPrompt.Kind.PROMPT, account=account, marking_period=period
    )
    return record_and_queue(
        record, account.email, PROMPT_TEMPLATE, context, account.language
    )


def send_invitation(contact: Contact, period: MarkingPeriod) -> bool:
    context = {
        **mail_context(),
        "create_account_url": site_link("accounts:create_account"),
        "number_label": settings.HOMEROOM_STUDENT_NUMBER_LABEL,
        "stop_url": stop_link(contact, EmailOptOut.Kind.INVITATION),
    }
    record = MidTermPrompt(
        kind=MidTermPrompt.Kind.INVITATION, contact=contact, marking_period=period
    )
    return record_and_queue(record, contact.email, INVITATION_TEMPLATE, context)


def record_and_queue(
    record: MidTermPrompt,
    to: str,
    template: str,
    context: dict[str, object],
    language: str = "",
) -> bool:
    """Keep the record and queue the email together; False if another run did."""
    try:
        with transaction.atomic():
            record.save()
            queue_email(to, template, context, language=language)
    except IntegrityError:
        return False
    return True


def mail_context() -> dict[str, object]:
    return {
        "district_name": settings.HOMEROOM_DISTRICT_NAME,
        "office_phone": settings.HOMEROOM_OFFICE_PHONE,
        "sign_in_url": site_link("accounts:sign_in"),
    }


def site_link(name: str) -> str:
    return settings.HOMEROOM_SITE_URL.rstrip("/") + reverse(name)
