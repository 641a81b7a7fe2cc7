"""The fixed day the workflow tests work on, a valid client, and a case on the standard route."""

from datetime import date

from sqlalchemy.orm import Session

from correspondence.rules.inputs import CaseInput, ClientInput
from correspondence.workflows import cases, clients
from store.models import Employee
from store.vocabulary import Role

TODAY = date(2026, 11, 30)

VALID = ClientInput(
    bsn="123456782",
    initials="J.",
    first_name="Jan",
    prefix="de",
    surname="Vries",
    salutation="heer",
    birth_date=date(1980, 5, 1),
    household="single",
    street="Zijlsingel",
    house_number="1",
    postcode="2013dn",
    city="Haarlem",
    municipality="haarlem",
)


def open_standard_case(session: Session, actor: Employee) -> int:
    """A new client of case manager Petra Jansen on the standard route, registered TODAY."""
    manager = Employee(username="pjansen", full_name="Petra Jansen", role=Role.CASE_MANAGER)
    session.add(manager)
    session.flush()
    client = clients.create_client(session, actor, VALID, TODAY)
    data = CaseInput(route="standard", registered_on=TODAY, case_manager_id=manager.id)
    return cases.open_case(session, actor, client.id, data, TODAY).id
