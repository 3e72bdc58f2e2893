from django.urls import URLPattern, path

from office.views import (
    access_log,
    contacts,
    corrections,
    credential_requests,
    families,
    feedback,
    interims,
    letters,
    mailing,
    outbox,
    stale,
)

app_name = "office"

urlpatterns: list[URLPattern] = [
    path("families/", families.families, name="families"),
    path("students/<uuid:public_id>/", families.student, name="student"),
    path(
        "students/<uuid:public_id>/contacts/<int:contact_id>/",
        contacts.edit_contact,
        name="edit_contact",
    ),
    path(
        "students/<uuid:public_id>/contacts/<int:contact_id>/online-access/",
        contacts.set_online_access,
        name="online_access",
    ),
    path("corrections/", corrections.corrections, name="corrections"),
    path(
        "corrections/<int:correction_id>/decline/",
        corrections.decline_correction,
        name="decline_correction",
    ),
    path("access-log/", access_log.access_log, name="access_log"),
    path(
        "students/<uuid:public_id>/contacts/<int:contact_id>/letter/",
        letters.issue_letter,
        name="issue_letter",
    ),
    path(
        "credential-requests/",
        credential_requests.credential_requests,
        name="credential_requests",
    ),
    path(
        "credential-requests/<int:pk>/letter/<int:contact_id>/",
        credential_requests.send_letter,
        name="send_credential_letter",
    ),
    path(
        "credential-requests/<int:pk>/close/",
        credential_requests.close,
        name="close_credential_request",
    ),
    path("stale-gradebooks/", stale.stale_gradebooks, name="stale_gradebooks"),
    path("feedback/", feedback.inbox, name="feedback"),
    path("feedback/<int:pk>/read/", feedback.mark_read, name="feedback_read"),
    path("interims/", interims.interims, name="interims"),
    path("interims/<int:pk>/pdf/", interims.interim_pdf, name="interim_pdf"),
    path("interims/<int:pk>/sent/", interims.mark_sent, name="interim_sent"),
    path(
        "report-cards-by-mail/",
        mailing.report_cards_by_mail,
        name="report_cards_by_mail",
    ),
    path(
        "report-cards-by-mail/pdf/",
        mailing.report_cards_by_mail_pdf,
        name="report_cards_by_mail_pdf",
    ),
    path("outbox/", outbox.outbox, name="outbox"),
    path("outbox/<int:pk>/retry/", outbox.retry, name="outbox_retry"),
]
