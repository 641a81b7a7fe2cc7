"""Poortpost domain: the Poortmodel rules, workflows and document generation (no Qt)."""
