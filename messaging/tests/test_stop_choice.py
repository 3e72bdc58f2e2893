"""The stop link in alerts and digests: works signed out, never names a child."""

import pytest
from django.core import signing
from django.test import Client
from pytest_django.fixtures import Settings

from conftest import Cast
from messaging.models import AlertPreference, DigestPreference
from messaging.preferences import stop_link_for
from messaging.unsubscribe import CHOICE_SALT, stop_link

SITE = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def site(settings: Settings) -> None:
    settings.HOMEROOM_SITE_URL = SITE


@pytest.fixture
def chosen(cast: Cast) -> None:
    for student in [cast.sofia, cast.lucas]:
        AlertPreference.objects.create(
            account=cast.rivera,
            student=student,
            average_below=70,
            missing=True,
            attendance=True,
        )
    DigestPreference.objects.create(account=cast.rivera, weekly=True)


def path_of(link: str) -> str:
    assert link.startswith(SITE + "/stop/choice/")
    return link.removeprefix(SITE)


def preference(cast: Cast, student_name: str) -> AlertPreference:
    return AlertPreference.objects.get(student__first_name=student_name)


@pytest.mark.usefixtures("chosen")
def test_opening_the_link_shows_one_button_and_changes_nothing(cast: Cast) -> None:
    url = path_of(stop_link_for(cast.rivera, "missing", cast.sofia))

    response = Client().get(url)

    assert response.status_code == 200
    assert "Alerts when an assignment is marked missing, for one child" in response.text
    assert response.text.count(">Stop these emails</button>") == 1
    assert "Sofia" not in response.text and "Rivera" not in response.text
    assert response["Cache-Control"] == "no-store"
    assert preference(cast, "Sofia").missing


@pytest.mark.usefixtures("chosen")
def test_pressing_it_stops_that_kind_for_that_child_without_signing_in(
    cast: Cast,
) -> None:
    url = path_of(stop_link_for(cast.rivera, "absent", cast.sofia))

    response = Client().post(url)

    assert response.status_code == 200
    assert "Done." in response.text and "Sofia" not in response.text
    sofia, lucas = preference(cast, "Sofia"), preference(cast, "Lucas")
    assert not sofia.attendance and sofia.missing and sofia.average_below == 70
    assert lucas.attendance


@pytest.mark.usefixtures("chosen")
def test_the_average_link_clears_the_threshold(cast: Cast) -> None:
    Client().post(path_of(stop_link_for(cast.rivera, "below", cast.lucas)))

    assert preference(cast, "Lucas").average_below is None
    assert preference(cast, "Sofia").average_below == 70


@pytest.mark.usefixtures("chosen")
def test_stop_every_alert_for_every_child(cast: Cast) -> None:
    Client().post(path_of(stop_link_for(cast.rivera, "alerts")))

    for name in ["Sofia", "Lucas"]:
        choice = preference(cast, name)
        assert choice.average_below is None
        assert not choice.missing and not choice.attendance
    assert DigestPreference.objects.get().weekly


@pytest.mark.usefixtures("chosen")
def test_stop_the_weekly_digest(cast: Cast) -> None:
    Client().post(path_of(stop_link_for(cast.rivera, "digest")))

    assert not DigestPreference.objects.get().weekly
    assert preference(cast, "Sofia").missing


@pytest.mark.usefixtures("chosen")
def test_a_tampered_link_is_refused(cast: Cast) -> None:
    url = path_of(stop_link_for(cast.rivera, "missing", cast.sofia))
    payload, _timestamp, signature = url.split("/")[3].split(":")
    forged = signing.dumps(
        {"account": cast.chen.pk, "stop": "alerts", "student": ""}, salt="guess"
    )
    tampered = [
        url.replace(signature, signature[::-1]),
        url.replace(payload, forged.split(":")[0]),
        f"/stop/choice/{forged}/",
    ]

    for link in tampered:
        assert Client().get(link).status_code == 404
        assert Client().post(link).status_code == 404
    assert preference(cast, "Sofia").missing


@pytest.mark.usefixtures("chosen")
def test_a_link_for_another_kind_of_email_does_not_work_here(cast: Cast) -> None:
    other = stop_link(cast.rivera, "prompt").removeprefix(SITE)
    token = other.split("/")[2]

    assert Client().post(f"/stop/choice/{token}/").status_code == 404


def test_an_unknown_choice_is_refused(cast: Cast) -> None:
    data = {"account": cast.rivera.pk, "stop": "everything", "student": ""}
    token = signing.dumps(data, salt=CHOICE_SALT)

    assert Client().get(f"/stop/choice/{token}/").status_code == 404
