"""Where on the first page the return address and the address must print, so that they show
in the window of the window envelope the letter is posted in: an A4 sheet folded in three, in
an EA5/6 (110 × 220 mm) or a C5/6 (114 × 229 mm) envelope with the window on the left.

Measured in millimetres from the top left corner of the sheet, as a letter template is laid
out. The house style (scripts/build_templates.py) puts the address block there, and
tests/integration/test_address_window.py measures it in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    """A rectangle on the sheet, in millimetres from its top left corner."""

    left: float
    top: float
    right: float
    bottom: float

    def inset(self, by: float) -> Area:
        return Area(self.left + by, self.top + by, self.right - by, self.bottom - by)

    def holds(self, other: Area) -> bool:
        return (
            self.left <= other.left
            and self.top <= other.top
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


# The window as seen on the folded sheet, for letter templates (officeconsult.no, "Brevmaler:
# plassering av mottakerfelt i vinduskonvolutter"): E6/5, the Dutch EA5/6, has a window of
# 95 × 30 mm whose top is 40 mm below the top of the sheet; C6/5, the Dutch C5/6, 100 × 35 mm
# at 39 mm; both start 15 mm from the left edge. NEN 1026 (letter paper) and NEN 1025
# (envelopes) are not public; this is the part of the window that both envelopes show.
WINDOW = Area(left=15, top=40, right=110, bottom=70)
# Free space between the text and every edge of the window, kept however the folded sheet
# slides in the envelope: 1/8 inch, the clearance of USPS Publication 25, 3-9 "Window
# Envelope" (about.usps.com/publications/pub25/pub25_ch3_009.htm). No Dutch envelope maker's
# figure was found; bpost asks the same without a number ("no part of the address may
# disappear under the window", bpost.be, adressering-adres-positionering).
CLEARANCE = 25.4 / 8
ADDRESS_AREA = WINDOW.inset(CLEARANCE)
