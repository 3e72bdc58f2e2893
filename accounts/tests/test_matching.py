from hypothesis import given
from hypothesis import strategies as st

from accounts.matching import (
    ContactOnFile,
    contact_for_added_student,
    contact_for_new_account,
    mask_email,
    names_match,
    normalize_name,
)


def on_file(
    first: str = "José",
    last: str = "De la Cruz",
    email: str = "jose@example.org",
    online_access: bool = True,
    key: int = 1,
) -> ContactOnFile:
    return ContactOnFile(key, first, last, email, online_access)


def test_names_ignore_case_accents_and_extra_spaces() -> None:
    assert names_match("  jose ", "DE  LA cruz", on_file())
    assert names_match("JOSÉ", "de la cruz", on_file())


def test_names_must_otherwise_be_exact() -> None:
    assert not names_match("Jos", "De la Cruz", on_file())
    assert not names_match("José", "Cruz", on_file())
    assert not names_match("José", "DelaCruz", on_file())


@given(st.text())
def test_normalizing_twice_changes_nothing(name: str) -> None:
    assert normalize_name(normalize_name(name)) == normalize_name(name)


def test_new_account_needs_online_access_and_an_email() -> None:
    assert contact_for_new_account("José", "De la Cruz", [on_file()]) == on_file()
    assert contact_for_new_account("José", "De la Cruz", [on_file(email="")]) is None
    blocked = on_file(online_access=False)
    assert contact_for_new_account("José", "De la Cruz", [blocked]) is None


def test_new_account_picks_the_matching_contact_among_several() -> None:
    other = on_file(first="Rosa", key=2)
    assert contact_for_new_account("rosa", "de la cruz", [on_file(), other]) == other


def test_added_student_needs_the_same_email() -> None:
    contacts = [on_file()]
    assert contact_for_added_student(
        "José", "De la Cruz", "JOSE@example.org ", contacts
    )
    assert not contact_for_added_student(
        "José", "De la Cruz", "j@example.org", contacts
    )
    assert not contact_for_added_student("José", "De la Cruz", "", [on_file(email="")])


def test_masked_email_keeps_the_first_letter_and_the_domain() -> None:
    assert mask_email("jane.doe@example.org") == "j•••@example.org"
