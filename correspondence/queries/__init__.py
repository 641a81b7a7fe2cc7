"""The read models that windows and commands show."""
