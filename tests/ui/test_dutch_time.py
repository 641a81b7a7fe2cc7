"""Times are Dutch local time whatever the machine's zone: the call form proposes the time it
is in the Netherlands, and the contact log shows the call at the time the form showed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime

from tests.support.ui import open_window, search_for

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_a_call_logged_on_a_new_york_machine_is_in_dutch_time(
    qtbot, demo_database, app_context, new_york
):
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    search_for(qtbot, window, "Ørsted")
    dialog = window.log_call()
    assert dialog is not None
    qtbot.addWidget(dialog)
    proposed = dialog.at.dateTime().toPython()
    dutch_now = datetime.now(AMSTERDAM).replace(tzinfo=None)
    assert abs(proposed - dutch_now) < timedelta(minutes=2)
    assert abs(proposed - datetime.now()) > timedelta(hours=5)  # not the machine's own clock
    earlier = QDateTime(dialog.at.dateTime().addSecs(-3600))
    dialog.at.setDateTime(earlier)
    shown = dialog.at.dateTime().toString("dd-MM-yyyy HH:mm")
    dialog.reached.setChecked(True)
    dialog.note.setPlainText("Afwijzing uitgelegd; de klant begrijpt het.")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    view = window.dossier_view
    when = [view.contacts.item(row, 0).text() for row in range(view.contacts.rowCount())]
    assert shown in when
