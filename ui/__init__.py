"""The desktop windows of Poortpost (PySide6). No business rules live here."""
