"""Reads shared by workflows and queries: the reference data in force and rows by id."""
