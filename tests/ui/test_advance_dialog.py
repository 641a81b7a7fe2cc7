"""An advance granted from the dossier: amount, norm and schedule shown before saving, then
the agreement offered."""

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from sqlalchemy import select

from correspondence.records import reference
from correspondence.rules.formatting import euros
from correspondence.rules.money import percentage_of
from correspondence.rules.norms import norm_for
from store.models import Advance
from store.vocabulary import Household
from tests.support.ui import answer, open_window, search_for

START = date(2026, 11, 30)


def test_an_advance_shows_its_amount_and_norm_then_is_stored_with_its_schedule(
    qtbot, demo_database, app_context, monkeypatch
):
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    search_for(qtbot, window, "Idrissi")  # single parent, 36, no advance yet
    dialog = window.grant_advance()
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(START))
    dialog.first_due.setDate(QDate(2027, 1, 1))
    dialog.repayment.months.setValue(4)

    with demo_database.session() as session:
        birth = date(1990, 1, 1)  # any adult under the pension age has the same norm
        table, norm = norm_for(
            reference.norm_tables(session), START, Household.SINGLE_PARENT, birth
        )
    amount = percentage_of(norm, Decimal(90))
    terms = dialog.terms.text()
    assert f"Voorschot {euros(amount)}" in terms
    assert f"90 % van de norm {euros(norm)}" in terms
    assert f"normtabel van {table.effective_from:%d-%m-%Y}" in terms
    assert "alleenstaande ouder, 21 jaar tot de AOW-leeftijd" in terms
    assert dialog.schedule.rowCount() == 4
    assert dialog.schedule.item(0, 1).text() == "01-01-2027"
    assert dialog.schedule.item(3, 3).text() == euros(0)
    assert dialog.save_button.isEnabled()

    # an amount that is no amount: nothing to save, the message under the field
    dialog.repayment.mode.setCurrentIndex(1)
    dialog.repayment.monthly.setText("1.00")
    assert not dialog.save_button.isEnabled()
    assert dialog.schedule.rowCount() == 0
    assert "geen bedrag" in dialog.form.errors["repayment"].text()
    dialog.repayment.mode.setCurrentIndex(0)
    assert dialog.save_button.isEnabled()

    asked = answer(monkeypatch, yes=True)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    assert asked == ["Het voorschot is toegekend. Wilt u nu de voorschotovereenkomst maken?"]
    letter = window.letter_dialog
    qtbot.addWidget(letter)
    assert letter.kind.currentText() == "Voorschotovereenkomst"
    with demo_database.session() as session:
        advance = session.scalars(select(Advance).order_by(Advance.id.desc())).first()
        assert (advance.starts_on, advance.amount_cents, advance.norm_cents) == (
            START,
            amount,
            norm,
        )
        assert [i.due_on for i in advance.instalments] == [
            date(2027, 1, 1),
            date(2027, 2, 1),
            date(2027, 3, 1),
            date(2027, 4, 1),
        ]
        assert sum(i.amount_cents for i in advance.instalments) == amount
    letter.accept()
