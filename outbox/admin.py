from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from outbox.delivery import retry
from outbox.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    list_display = ["to", "subject", "status", "attempts", "created_at"]
    list_filter = ["status"]
    date_hierarchy = "created_at"
    actions = ["put_back_in_outbox"]
    # Every field is for reading; the bodies are shown through `text` and `html`.
    fields = readonly_fields = (
        "to",
        "subject",
        "text",
        "html",
        "holds_secret",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=gettext_lazy("Plain text"))
    def text(self, message: Message) -> str:
        return shown_body(message, message.text_body)

    @admin.display(description=gettext_lazy("HTML"))
    def html(self, message: Message) -> str:
        return shown_body(message, message.html_body)

    @admin.action(description=gettext_lazy("Put failed messages back in the outbox"))
    def put_back_in_outbox(
        self, request: HttpRequest, queryset: QuerySet[Message]
    ) -> None:
        count = sum(retry(message) for message in queryset)
        text = ngettext(
            "%(count)d message put back in the outbox.",
            "%(count)d messages put back in the outbox.",
            count,
        )
        self.message_user(request, text % {"count": count})


def shown_body(message: Message, body: str) -> str:
    # A temporary password not yet delivered stays out of sight, even here.
    if message.holds_secret and message.status != Message.Status.SENT:
        return _("Hidden: this message holds a temporary password.")
    return body
