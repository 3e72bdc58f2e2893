from django.test import Client
from django.urls import reverse

from conftest import Cast, Staff
from office.models import Feedback

URL = reverse("family:feedback")


def test_a_parent_sends_feedback(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    response = client.post(URL, {"message": "The attendance calendar is great."})

    assert response.status_code == 302
    assert response["Location"] == URL
    stored = Feedback.objects.get()
    assert stored.account == cast.rivera
    assert stored.message == "The attendance calendar is great."
    assert stored.read_at is None


def test_the_page_thanks_the_family_after_sending(cast: Cast) -> None:
    response = cast.client_for(cast.chen).post(
        URL, {"message": "Please add a dark mode."}, follow=True
    )

    assert "Thank you. Your feedback was sent" in response.content.decode()


def test_a_student_may_send_feedback_too(cast: Cast) -> None:
    cast.client_for(cast.lily_account).post(URL, {"message": "Nice charts."})

    assert Feedback.objects.get().account == cast.lily_account


def test_an_empty_message_is_refused_with_the_field_named(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(URL, {"message": "  "})

    assert response.status_code == 400
    assert "“Your feedback” is empty." in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_message_over_3000_characters_is_refused(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(URL, {"message": "x" * 3001})

    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_the_footer_links_families_to_the_form(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(reverse("family:children"))

    assert f'href="{URL}"' in page.content.decode()


def test_the_form_page_is_private(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(URL)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_staff_use_the_office_inbox_instead(cast: Cast, staff: Staff) -> None:
    client = cast.client_for(staff.middle_office)

    assert client.post(URL, {"message": "Hello"}).status_code == 403
    assert f'href="{URL}"' not in client.get(reverse("staff:home")).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
