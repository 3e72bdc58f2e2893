"""Write letters into a test mailbox through the real mailbox backend."""

from django.core.mail import EmailMultiAlternatives

from outbox.mailbox import MailboxBackend

HTML = '<p>Welcome, <b>Maria</b>.</p><script src="https://evil.example"></script>'


def post_letter(
    subject: str = "Your Homeroom account",
    text: str = "Welcome, Maria. Your temporary password is 48213377.",
    html: str = HTML,
) -> None:
    email = EmailMultiAlternatives(
        subject,
        text,
        "Homeroom <homeroom@localhost>",
        ["maria@example.org"],
        connection=MailboxBackend(),
    )
    if html:
        email.attach_alternative(html, "text/html")

    email.send()
