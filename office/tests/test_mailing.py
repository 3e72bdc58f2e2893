"""The pure rules of mailing: home addresses, households and the order of the pile."""

from office.mailing import (
    Addressed,
    Homeroom,
    Household,
    Recipient,
    address_key,
    home_address,
    households,
    preferring,
    sorted_by_family,
    sorted_by_homeroom,
)
from records.models import Student

ELM = {"line1": "12 Elm Street", "city": "Middletown", "state": "CT"}
OAK = {"line1": "48 Oak Lane", "city": "Middletown", "state": "CT"}


def student(pk: int, first: str, last: str) -> Student:
    return Student(pk=pk, first_name=first, last_name=last, grade=7)


def contact(
    first: str,
    last: str,
    line1: str = "",
    line2: str = "",
    city: str = "",
    state: str = "",
    postal_code: str = "",
) -> Recipient:
    return Recipient(first, last, line1, line2, city, state, postal_code)


def child(
    pk: int,
    first: str,
    last: str,
    *recipients: Recipient,
    homeroom: Homeroom | None = None,
) -> Addressed:
    return Addressed(student(pk, first, last), tuple(recipients), homeroom)


def first_names(piles: list[Household]) -> list[list[str]]:
    return [[a.student.first_name for a in pile.students] for pile in piles]


def test_addresses_compare_without_case_spacing_or_punctuation() -> None:
    assert address_key(["12 Elm St.", "Middletown,  CT"]) == address_key(
        ["12 ELM ST", "middletown ct"]
    )
    assert address_key(["12 Elm St"]) != address_key(["14 Elm St"])


def test_a_street_without_a_town_is_not_mailable() -> None:
    assert not contact("Ann", "Lee", line1="12 Elm Street").mailable
    assert not contact("Ann", "Lee", city="Middletown").mailable
    assert contact("Ann", "Lee", line1="12 Elm Street", postal_code="06457").mailable


def test_the_home_address_is_the_first_mailable_one_with_everyone_living_there() -> (
    None
):
    maria = contact("Maria", "Rivera", **ELM)
    jorge = contact(
        "Jorge", "Rivera", line1="12 elm street.", city="Middletown", state="ct"
    )
    aunt = contact("Ana", "Soto", **OAK)
    nobody = contact("No", "Address")

    address = home_address([nobody, maria, aunt, jorge])

    assert address is not None
    assert address.names == ("Maria Rivera", "Jorge Rivera")
    assert address.mailing_lines == [
        "Maria Rivera and Jorge Rivera",
        "12 Elm Street",
        "Middletown CT",
    ]


def test_no_mailable_contact_means_no_home_address() -> None:
    assert home_address([]) is None
    assert home_address([contact("No", "Address", line2="Flat 2")]) is None


def test_siblings_at_one_address_share_a_household() -> None:
    maria = contact("Maria", "Rivera", **ELM)
    wei = contact("Wei", "Chen", **OAK)

    piles, without = households(
        [
            child(1, "Sofia", "Rivera", maria),
            child(2, "Lily", "Chen", wei),
            child(3, "Mateo", "Rivera", maria),
        ]
    )

    assert first_names(piles) == [["Lily"], ["Mateo", "Sofia"]]
    assert piles[1].address.mailing_lines[0] == "Maria Rivera"
    assert without == []


def test_siblings_with_different_contacts_at_one_address_share_one_too() -> None:
    mother = contact("Maria", "Rivera", **ELM)
    stepfather = contact(
        "Tom", "Baker", line1="12 ELM STREET", city="MIDDLETOWN", state="CT"
    )

    piles, _ = households(
        [child(1, "Sofia", "Rivera", mother), child(2, "Ben", "Baker", stepfather)]
    )

    assert len(piles) == 1
    assert piles[0].address.names == ("Tom Baker", "Maria Rivera")


def test_students_without_an_address_are_set_aside_not_dropped() -> None:
    piles, without = households(
        [
            child(1, "Sofia", "Rivera", contact("Maria", "Rivera", **ELM)),
            child(2, "Noah", "Park", contact("Jin", "Park")),
            child(3, "Ava", "Brown"),
        ]
    )

    assert first_names(piles) == [["Sofia"]]
    assert [a.student.first_name for a in without] == ["Ava", "Noah"]


def test_by_homeroom_room_order_and_those_without_one_last() -> None:
    late = Homeroom("Room 104", "Rosa Alvarez")
    early = Homeroom("Room 101", "Sam Brooks")
    piles, _ = households(
        [
            child(1, "Ava", "Brown", contact("Kim", "Brown", **OAK)),
            child(
                2,
                "Lily",
                "Chen",
                contact("Wei", "Chen", line1="1 Main", city="X"),
                homeroom=late,
            ),
            child(
                3, "Sofia", "Rivera", contact("Maria", "Rivera", **ELM), homeroom=early
            ),
        ]
    )

    assert first_names(sorted_by_homeroom(piles)) == [["Sofia"], ["Lily"], ["Ava"]]
    assert first_names(sorted_by_family(piles)) == [["Ava"], ["Lily"], ["Sofia"]]


def test_a_household_goes_with_its_first_homeroom() -> None:
    maria = contact("Maria", "Rivera", **ELM)
    piles, _ = households(
        [
            child(1, "Mateo", "Rivera", maria),
            child(2, "Sofia", "Rivera", maria, homeroom=Homeroom("Room 210", "")),
            child(
                3,
                "Lily",
                "Chen",
                contact("Wei", "Chen", **OAK),
                homeroom=Homeroom("Room 300", ""),
            ),
        ]
    )

    ordered = sorted_by_homeroom(piles)

    assert first_names(ordered) == [["Sofia", "Mateo"], ["Lily"]]


def test_the_asking_account_comes_first_the_rest_in_order() -> None:
    first = Recipient("A", "One", account_id=None)
    second = Recipient("B", "Two", account_id=7)
    third = Recipient("C", "Three", account_id=None)

    assert preferring([first, second, third], 7) == (second, first, third)
    assert preferring([first, second, third], None) == (first, second, third)
