"""What an employee does at each step of the route, from the dossier's steps table.

`StepPanel` puts the buttons beside the table: they follow the selected row, as do the row's
context menu and Ctrl+Enter, and the "Volgende stap" line links to the same first action.
Which actions a step offers is one rule, `correspondence.rules.route_steps.step_actions`.
`StepActionRunner` opens the dialog of the action chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from correspondence.queries.route import RouteView, SessionOption, open_sessions
from correspondence.queries.views import Dossier
from correspondence.rules.route_steps import (
    ACTION_LABELS,
    Step,
    StepAction,
    StepKey,
    possible_actions,
    primary_action,
    why_not,
)
from correspondence.rules.vocabulary import AppointmentKind, Attendance, SessionKind

if TYPE_CHECKING:
    from ui.forms import FormDialog
    from ui.main_window import MainWindow

SHORTCUT = "Ctrl+Return"
SESSIONS = {
    StepKey.RIGHTS_MEETING: SessionKind.RIGHTS_MEETING,
    StepKey.WORKSHOP: SessionKind.WORKSHOP,
}
INTERVIEWS = {
    StepKey.INTERVIEW: AppointmentKind.PARTICIPATION_INTERVIEW,
    StepKey.SEARCH_INTERVIEW: AppointmentKind.SEARCH_PERIOD_INTERVIEW,
}


class StepPanel(QWidget):
    """The steps table with a column of buttons beside it, one per action."""

    requested = Signal(object, object)  # the StepAction, the Step

    def __init__(self, table: QTableWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.itemSelectionChanged.connect(self._refresh)
        table.doubleClicked.connect(lambda _index: self.run_primary())
        shortcut = QShortcut(QKeySequence(SHORTCUT), table)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.run_primary)
        self.buttons: dict[StepAction, QPushButton] = {}
        column = QVBoxLayout()
        for action, label in ACTION_LABELS.items():
            button = QPushButton(label)
            button.setObjectName(f"step_{action.value}")
            button.clicked.connect(lambda _checked=False, action=action: self.run(action))
            column.addWidget(button)
            self.buttons[action] = button
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(table, 1)
        row.addLayout(column)
        self.steps: tuple[Step, ...] = ()
        self.next_step: Step | None = None
        self.case_open = False
        self.client_id: int | None = None
        self.kept: StepKey | None = None  # the row selected last, kept when the dossier reloads
        # why an action cannot be carried out in this window at all (None: it can)
        self._refresh()

    # --- what is shown ---

    def show_steps(self, dossier: Dossier | None) -> None:
        """Called once the table is filled: the row selected before stays selected, else the
        next step's row is."""
        same_client = dossier is not None and dossier.client_id == self.client_id
        before = self.kept if same_client else None
        self.client_id = dossier.client_id if dossier else None
        self.steps = dossier.steps if dossier else ()
        self.next_step = dossier.next_due if dossier else None
        self.case_open = bool(dossier and dossier.case and dossier.case.open)
        self.select(before or (self.next_step.key if self.next_step else None))
        self._refresh()

    def select(self, key: StepKey | None) -> None:
        keys = [step.key for step in self.steps]
        if key in keys:
            self.table.selectRow(keys.index(key))
        else:
            self.table.clearSelection()

    def selected_step(self) -> Step | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.steps):
            return None
        return self.steps[rows[0].row()]

    def reason(self, step: Step | None, action: StepAction) -> str:
        """Why `action` cannot be done at `step`; "" when it can."""
        if step is None:
            return "Kies eerst een stap."
        return why_not(step, action, self.case_open) or ""

    def _refresh(self) -> None:
        step = self.selected_step()
        if step is not None:
            self.kept = step.key
        offered = set(possible_actions(step)) if step else set()
        first = primary_action(step, self.case_open) if step else None
        for action, button in self.buttons.items():
            reason = self.reason(step, action)
            button.setVisible(action in offered or (step is None and action is StepAction.BOOK))
            button.setEnabled(not reason)
            if not reason and action is first:
                reason_or_hint = f"{ACTION_LABELS[action]} (Ctrl+Enter)"
            else:
                reason_or_hint = reason
            button.setToolTip(reason_or_hint)
            button.setDefault(action is first and not reason)

    def next_link(self) -> str:
        """The "Volgende stap" line's link to the next step's first action, as rich text."""
        step = self.next_step
        action = primary_action(step, self.case_open) if step else None
        if action is None or (step and self.reason(step, action)):
            return ""
        return f' · <a href="{action.value}">{ACTION_LABELS[action]}</a>'

    # --- what is done ---

    def run(self, action: StepAction, step: Step | None = None) -> bool:
        step = step or self.selected_step()
        if step is None or self.reason(step, action):
            return False
        self.requested.emit(action, step)
        return True

    def run_primary(self) -> bool:
        step = self.selected_step()
        action = primary_action(step, self.case_open) if step else None
        return action is not None and self.run(action, step)

    def run_next(self, _link: str = "") -> bool:
        """The action the "Volgende stap" line links to, on the next step's row."""
        step = self.next_step
        if step is None:
            return False
        self.select(step.key)
        action = primary_action(step, self.case_open)
        return action is not None and self.run(action, step)

    def context_menu(self, step: Step) -> QMenu:
        menu = QMenu(self.table)
        menu.setToolTipsVisible(True)
        for action in possible_actions(step):
            item = menu.addAction(ACTION_LABELS[action])
            reason = self.reason(step, action)
            item.setEnabled(not reason)
            item.setToolTip(reason)
            item.triggered.connect(lambda _checked=False, a=action, s=step: self.run(a, s))
        return menu

    def _context_menu(self, position: QPoint) -> None:
        row = self.table.rowAt(position.y())
        if not 0 <= row < len(self.steps):
            return
        self.table.selectRow(row)
        self.context_menu(self.steps[row]).popup(self.table.viewport().mapToGlobal(position))


class StepActionRunner:
    """Opens the dialog of a step's action for the dossier the main window shows."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: FormDialog | None = None
        panel = window.dossier_view.step_panel
        panel.requested.connect(self.run)

    def run(self, action: StepAction, step: Step) -> None:
        dossier = self.window.dossier_view.dossier
        if dossier is None or dossier.route is None:
            return
        view, client_id = dossier.route, dossier.client_id
        if action is StepAction.ADVANCE:
            self.window.grant_advance()
        elif action is StepAction.DECISION:
            self.window.new_decision()
        elif action is StepAction.BOOK:
            self.book(client_id, view, SESSIONS[step.key])
        elif action is StepAction.MOVE:
            self.move(client_id, view, SESSIONS[step.key])
        elif action is StepAction.ATTENDANCE:
            self.attendance(client_id, view, SESSIONS[step.key])
        elif action in (StepAction.PLAN, StepAction.HELD):
            self.interview(action, client_id, view, INTERVIEWS[step.key])
        elif action is StepAction.APPLICATION:
            from ui.application_dialog import ApplicationDialog

            self._open(ApplicationDialog(self.window.context, client_id, view, self.window))
        elif action is StepAction.ROUTE:
            from ui.route_dialog import RouteDialog

            self._open(RouteDialog(self.window.context, client_id, view, self.window))

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _with_sessions(
        self, kind: SessionKind, earliest: date, show: Callable[[tuple[SessionOption, ...]], object]
    ) -> None:
        def done(options: tuple[SessionOption, ...]) -> None:
            show(options)

        self.window.context.ops.read(
            self.window, lambda session: open_sessions(session, kind, earliest), on_done=done
        )

    def _earliest(self, view: RouteView, kind: SessionKind) -> date:
        """From tomorrow, and after the session the client missed."""
        earliest = self.window.context.today() + timedelta(days=1)
        booked = view.booking(kind)
        return max(earliest, booked.on + timedelta(days=1)) if booked else earliest

    def book(self, client_id: int, view: RouteView, kind: SessionKind) -> None:
        from ui.session_dialog import SessionDialog

        context, case_id = self.window.context, view.case_id
        self._with_sessions(
            kind,
            self._earliest(view, kind),
            lambda options: self._open(
                SessionDialog(context, client_id, case_id, kind, options, parent=self.window)
            ),
        )

    def move(self, client_id: int, view: RouteView, kind: SessionKind) -> None:
        from ui.session_dialog import SessionDialog

        booking, context = view.booking(kind), self.window.context
        if booking is None:
            return
        earliest = context.today() + timedelta(days=1)
        self._with_sessions(
            kind,
            earliest,
            lambda options: self._open(
                SessionDialog(
                    context,
                    client_id,
                    view.case_id,
                    kind,
                    tuple(o for o in options if o.day != booking.on),
                    moving=booking,
                    parent=self.window,
                )
            ),
        )

    def attendance(self, client_id: int, view: RouteView, kind: SessionKind) -> None:
        """After an absence or an excuse the next session is offered at once."""
        from ui.session_dialog import AttendanceDialog

        booking = view.booking(kind)
        if booking is None:
            return
        dialog = AttendanceDialog(self.window.context, client_id, booking, self.window)

        def recorded() -> None:
            if dialog.saved_value in (Attendance.ABSENT, Attendance.EXCUSED):
                self.book(client_id, view, kind)

        dialog.accepted.connect(recorded)
        self._open(dialog)

    def interview(
        self, action: StepAction, client_id: int, view: RouteView, kind: AppointmentKind
    ) -> None:
        from ui.interview_dialog import HeldDialog, InterviewDialog

        context = self.window.context
        if action is StepAction.PLAN:
            self._open(InterviewDialog(context, client_id, view, kind, self.window))
        elif (appointment := view.appointment(kind)) is not None:
            self._open(HeldDialog(context, client_id, appointment, self.window))
