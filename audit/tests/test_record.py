from decimal import Decimal

from audit.record import changed


def test_a_new_record_changes_only_the_fields_it_sets() -> None:
    assert changed({}, "points", Decimal(0))
    assert changed({}, "missing", True)
    assert not changed({}, "missing", False)
    assert not changed({}, "comment", "")
    assert not changed({}, "points", None)


def test_an_old_record_changes_the_fields_that_differ_in_value() -> None:
    assert not changed({"points": Decimal("18.00")}, "points", Decimal(18))
    assert changed({"points": None}, "points", Decimal(0))
    assert changed({"missing": True}, "missing", False)
