"""Alerts and the weekly digest, chosen on My Account, child by child."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from conftest import Cast
from messaging.models import AlertPreference, DigestPreference
from records.models import Student

MY_ACCOUNT = reverse("accounts:my_account")
DIGEST = reverse("messaging:save_digest")


def alerts_url(student: Student) -> str:
    return reverse("messaging:save_alerts", args=[student.public_id])


def fields(student: Student, **values: str) -> dict[str, str]:
    prefix = f"alerts-{student.public_id}"
    return {f"{prefix}-{name}": value for name, value in values.items()}


def test_my_account_offers_alerts_for_each_child_and_the_digest(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(MY_ACCOUNT).text

    assert "Alerts by email" in page
    assert alerts_url(cast.sofia) in page and alerts_url(cast.lucas) in page
    assert "Save alerts for Sofia" in page and "Save alerts for Lucas" in page
    assert f'name="alerts-{cast.sofia.public_id}-missing"' in page
    assert DIGEST in page
    assert "between 9 p.m. and 7 a.m." in page


def test_a_student_account_has_no_alerts(cast: Cast) -> None:
    page = cast.client_for(cast.lily_account).get(MY_ACCOUNT).text

    assert "Alerts by email" not in page


def test_saving_a_childs_alerts(cast: Cast) -> None:
    data = fields(cast.sofia, average_below="72.5", missing="on")

    response = cast.client_for(cast.rivera).post(alerts_url(cast.sofia), data)

    assert response.status_code == 302
    assert response["Location"] == MY_ACCOUNT + "#alerts"
    preference = AlertPreference.objects.get(account=cast.rivera, student=cast.sofia)
    assert preference.average_below == Decimal("72.5")
    assert preference.missing and not preference.attendance
    assert not AlertPreference.objects.filter(student=cast.lucas).exists()


def test_saving_again_changes_the_same_choice(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)
    client.post(alerts_url(cast.sofia), fields(cast.sofia, attendance="on"))

    client.post(alerts_url(cast.sofia), fields(cast.sofia, average_below=""))

    preference = AlertPreference.objects.get()
    assert preference.average_below is None and not preference.attendance


def test_the_page_shows_what_was_saved(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)
    client.post(alerts_url(cast.lucas), fields(cast.lucas, average_below="65"))

    page = client.get(MY_ACCOUNT).text

    assert "The alerts for Lucas are saved." in page
    assert f'name="alerts-{cast.lucas.public_id}-average_below" value="65.00"' in page


def test_a_threshold_over_100_is_refused(cast: Cast) -> None:
    data = fields(cast.sofia, average_below="150")

    response = cast.client_for(cast.rivera).post(alerts_url(cast.sofia), data)

    assert response.status_code == 302
    assert not AlertPreference.objects.exists()


def test_a_refusal_is_explained(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)
    data = fields(cast.sofia, average_below="150")

    page = client.post(alerts_url(cast.sofia), data, follow=True).text

    assert "The alerts for Sofia were not saved" in page


def test_a_child_not_linked_is_not_found(cast: Cast) -> None:
    data = fields(cast.lily, missing="on")

    for account in [cast.rivera, cast.outsider]:
        response = cast.client_for(account).post(alerts_url(cast.lily), data)
        assert response.status_code == 404
    chen = cast.client_for(cast.chen)
    assert chen.post(alerts_url(cast.sofia), fields(cast.sofia)).status_code == 404
    assert not AlertPreference.objects.exists()


def test_a_student_cannot_choose_alerts_about_themselves(cast: Cast) -> None:
    client = cast.client_for(cast.lily_account)

    response = client.post(alerts_url(cast.lily), fields(cast.lily, missing="on"))

    assert response.status_code == 403
    assert client.post(DIGEST, {"digest-weekly": "on"}).status_code == 403


def test_turning_the_weekly_digest_on_and_off(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    client.post(DIGEST, {"digest-weekly": "on"})
    assert DigestPreference.objects.get(account=cast.rivera).weekly

    client.post(DIGEST, {})
    assert not DigestPreference.objects.get(account=cast.rivera).weekly


def test_only_post_and_only_signed_in(cast: Cast) -> None:
    assert cast.client_for(cast.rivera).get(alerts_url(cast.sofia)).status_code == 405

    response = Client().post(alerts_url(cast.sofia), fields(cast.sofia))
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert Client().post(DIGEST)["Location"].startswith(reverse("accounts:sign_in"))


def test_the_answers_are_never_cached(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(DIGEST, {})

    assert response["Cache-Control"] == "no-store"
