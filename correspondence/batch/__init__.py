"""Batch printing of decisions for the post room."""
