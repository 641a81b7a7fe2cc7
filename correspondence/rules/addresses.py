"""Postal addresses in Dutch layout: postcode, two spaces, city in capitals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
    street: str
    number: str
    addition: str
    postcode: str
    city: str

    @property
    def street_line(self) -> str:
        addition = self.addition.strip()
        number = f"{self.number.strip()}-{addition}" if addition else self.number.strip()
        return f"{self.street.strip()} {number}"

    @property
    def city_line(self) -> str:
        return f"{self.postcode}  {self.city.strip().upper()}"

    @property
    def lines(self) -> tuple[str, str]:
        return (self.street_line, self.city_line)


def postbus_lines(postbus: str, postcode: str, city: str) -> tuple[str, str]:
    return (f"Postbus {postbus}", f"{postcode}  {city.upper()}")
