"""The kinds of reason for rejecting an application, each with its Dutch label and the
articles its letter cites, in one table: a rejection without a kind, or of a kind without
articles, is refused.

The articles were checked against the Participatiewet as consolidated on 1 January 2025
(wetten.overheid.nl/BWBR0015703/2025-01-01, read in the copy kept in the MinBZK/regelrecht
corpus, corpus/regulation/nl/wet/participatiewet/2025-01-01.yaml). The Participatiewet in
balans (Stb. 2025, wet van 1 oktober 2025) changes parts from 1 January 2026 and 2027; its
overviews name art. 34 (what counts as assets) among them, so the limit itself is never
printed from this table: it comes from the verified norm table of the date.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.vocabulary import RejectionGround


@dataclass(frozen=True)
class Ground:
    label: str  # what the case manager picks in the decision form
    articles: str  # the articles of the Participatiewet, as the letter names them
    explained: str  # what those articles say, in plain words


GROUNDS: dict[RejectionGround, Ground] = {
    # art. 11 lid 1 (a right for whoever lacks the means), art. 19 lid 1 onderdeel a (income
    # below the norm), art. 31 lid 1 (means), art. 32 lid 1 (income)
    RejectionGround.INCOME: Ground(
        "inkomen boven de bijstandsnorm",
        "artikel 11, eerste lid, artikel 19, eerste lid, onderdeel a, en de artikelen 31 en 32",
        "U heeft alleen recht op bijstand als uw inkomen lager is dan de bijstandsnorm.",
    ),
    # art. 11 lid 1, art. 19 lid 1 onderdeel b (no assets to be taken into account), art. 34
    # lid 1 (what assets are), lid 2 onderdeel b and lid 3 (assets below the limit are left)
    RejectionGround.ASSETS: Ground(
        "vermogen boven de vermogensgrens",
        "artikel 11, eerste lid, artikel 19, eerste lid, onderdeel b, en artikel 34",
        "U heeft alleen recht op bijstand als uw vermogen lager is dan de vermogensgrens. "
        "Vermogen is wat u bezit min uw schulden.",
    ),
    # art. 15 lid 1: no right as far as an adequate prior provision (such as WW) can be used
    RejectionGround.PRIOR_PROVISION: Ground(
        "voorliggende voorziening",
        "artikel 15, eerste lid",
        "U heeft geen recht op bijstand als u een andere uitkering kunt krijgen die genoeg is.",
    ),
    # art. 13 lid 1 onderdeel a: no right while lawfully deprived of liberty
    RejectionGround.DETENTION: Ground(
        "vrijheidsbeneming (detentie)",
        "artikel 13, eerste lid, onderdeel a",
        "U heeft geen recht op bijstand zolang u vastzit, bijvoorbeeld in de gevangenis.",
    ),
}
