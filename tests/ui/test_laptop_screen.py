"""Every window fits a 1366×768 laptop screen with its task bar, and shows every button whole."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QToolBar, QToolButton
from sqlalchemy import select

from correspondence.queries import views
from correspondence.workflows.demo import demo_bsn
from store.models import Client
from tests.support.data import TODAY
from tests.support.ui import open_window
from ui import forms
from ui.call_dialog import CallDialog
from ui.case_dialog import CaseDialog
from ui.client_dialog import ClientDialog
from ui.employees_window import EmployeesWindow
from ui.municipalities_window import MunicipalitiesWindow
from ui.norms_window import NormImportDialog, NormsWindow

AVAILABLE = QSize(1366, 728)  # 1366×768 less a task bar of 40 pixels


@pytest.fixture(autouse=True)
def laptop(monkeypatch):
    """The forms size themselves to the screen's room, whatever screen the tests run on."""
    monkeypatch.setattr(forms, "screen_room", lambda widget: AVAILABLE - QSize(0, forms.TITLE_BAR))


def assert_fits(qtbot, window) -> None:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(10)  # the layout settles
    name = window.windowTitle()
    assert window.width() <= AVAILABLE.width() and window.height() <= AVAILABLE.height(), name
    hint = window.minimumSizeHint()
    assert hint.width() <= AVAILABLE.width() and hint.height() <= AVAILABLE.height(), name
    buttons = window.findChildren(QPushButton) + window.findChildren(QToolButton)
    shown = [b for b in buttons if b.isVisible()]
    assert shown, name
    for button in shown:
        place = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert window.rect().contains(place), f"{name}: {button.text()} {place}"


def test_every_window_fits_a_laptop_screen(qtbot, demo_database, app_context):
    QSettings("Poortpost", "Poortpost").clear()  # a first start: the windows' own sizes
    context = app_context(demo_database)
    window = open_window(qtbot, context)
    assert_fits(qtbot, window)
    toolbar = window.findChild(QToolBar, "toolbar")
    assert all(toolbar.widgetForAction(a).isVisible() for a in toolbar.actions() if a.text())
    with demo_database.session() as session:
        client = session.scalar(select(Client).where(Client.bsn == demo_bsn(6)))
        dossier = views.dossier_of(session, client.id, TODAY)
        municipalities, managers = views.municipalities(session), views.case_managers(session)
    decisions = [(d.id, d.label) for d in dossier.decisions]
    towns = MunicipalitiesWindow(context)
    for dialog in (
        ClientDialog(context, municipalities, (client.id, dossier.client_input)),
        CaseDialog(context, client.id, managers, (dossier.case.id, dossier.case_input)),
        CallDialog(context, client.id, decisions),
        EmployeesWindow(context),
        NormsWindow(context),
        NormImportDialog(context, Path("normen.csv"), date(2027, 1, 1)),
        towns,
        towns.edit(),  # the form of the first municipality, with every field
        window.open_batch(),
    ):
        assert_fits(qtbot, dialog)


def test_a_refused_client_form_scrolls_and_keeps_its_buttons_in_view(
    qtbot, sqlite_database, app_context
):
    context = app_context(sqlite_database)
    with sqlite_database.session() as session:
        municipalities = views.municipalities(session)
    dialog = ClientDialog(context, municipalities)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.inputs["bsn"].setText("1")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    shown = [label for label in dialog.form.errors.values() if not label.isHidden()]
    assert len(shown) >= 5
    assert dialog.height() > dialog.minimumSizeHint().height()  # grew for its messages
    assert_fits(qtbot, dialog)
