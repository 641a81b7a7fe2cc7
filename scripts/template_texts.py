"""The texts of the first versions of the templates: the text blocks and the letters, each a
list of paragraphs (plain, or with their style) and tables. build_templates.py writes them."""

from __future__ import annotations

# a paragraph, a paragraph with its style, or a table given as rows of cells
Item = str | tuple[str, str] | list[list[str]]

# Participatiewet art. 52 lid 1: "Het college verleent uiterlijk binnen vier weken na de datum
# van aanvraag en vervolgens telkens uiterlijk na vier weken, bij wijze van voorschot algemene
# bijstand in de vorm van een renteloze geldlening, zolang het recht op algemene bijstand niet
# is vastgesteld", unless (onderdelen a and b) the applicant's own failure to give the
# information or cooperate keeps the right from being established, or it is clear at once
# that there is no right. Checked against copies of lid 1 (burgerkrachtcentraal.nl, linking
# wetten.overheid.nl/BWBR0015703) in the stored reference pages; the consolidated text in force
# on 1 January 2026 could not be opened there. The days are deadlines.legal_advance_dates:
# each on a working day (Atw art. 1).
LEGAL_ADVANCE: list[Item] = [
    "{%p if voorschot_recht.aanvraag %}",
    "Wij hebben uw aanvraag ontvangen op {{ voorschot_recht.aanvraag|datum }}. Hebben wij "
    "dan nog niet beslist? Dan krijgt u uiterlijk op {{ voorschot_recht.eerste|dag_datum }} "
    "een voorschot. Dat is 4 weken na uw aanvraag. Daar hoeft u niet om te vragen. Hebben "
    "wij daarna nog steeds niet beslist? Dan krijgt u elke 4 weken opnieuw een voorschot: "
    "het volgende uiterlijk op {{ voorschot_recht.volgende|dag_datum }}.",
    "{%p else %}",
    "Heeft u de uitkering aangevraagd en hebben wij nog niet beslist? Dan krijgt u uiterlijk "
    "4 weken na de dag waarop wij uw aanvraag ontvingen een voorschot. Daar hoeft u niet om "
    "te vragen. Hebben wij daarna nog steeds niet beslist? Dan krijgt u elke 4 weken opnieuw "
    "een voorschot.",
    "{%p endif %}",
    "U heeft dan recht op een voorschot volgens artikel 52 van de Participatiewet. U krijgt "
    "het voorschot niet als al duidelijk is dat u geen recht op bijstand heeft. U krijgt het "
    "ook niet als wij niet kunnen beslissen omdat u ons de nodige informatie niet geeft.",
]

BLOCKS: dict[str, list[Item]] = {
    # The objection clause of every decision (Awb 3:45: that objection is possible, by whom,
    # within which term and to whom). Checked against the law in force on 1 January 2026.
    "bezwaar": [
        ("Kop", "Bent u het niet eens met dit besluit?"),
        # Awb 6:4 lid 1 (objecting by lodging a notice); Awb 2:1 lid 2 and 3 (a representative,
        # who may be asked for a written authorisation; lid 1 and 2 before 1 January 2024)
        "Dan kunt u bezwaar maken. Dat kunt u zelf doen. Iemand anders mag het ook voor u doen. "
        "Geef die persoon dan schriftelijk toestemming. Dat heet een machtiging.",
        # Awb 6:7 (six weeks), 6:8 lid 1 (from the day after sending), 6:9 lid 1 (received
        # before the end of the term); Atw art. 1 lid 1 moves a last day on a Saturday, Sunday
        # or holiday (Atw art. 3) to the next working day
        "**Wij moeten uw bezwaar uiterlijk op {{ besluit.bezwaartermijn|dag_datum }} hebben.**",
        "{%p if besluit.bezwaar_verschoven %}",
        "U heeft zes weken de tijd. Die zes weken beginnen op de dag nadat wij deze brief "
        "hebben verstuurd en eindigen op {{ besluit.zes_weken|dag_datum }}. Die dag is geen "
        "werkdag ({{ besluit.bezwaar_verschoven }}). Daarom heeft u tot en met de eerste "
        "werkdag daarna.",
        "{%p else %}",
        "Dat is zes weken na de dag waarop wij deze brief hebben verstuurd.",
        "{%p endif %}",
        # Awb 6:9 lid 2: posted before the end of the term and received within a week after
        # it; that week is a statutory term too (Atw art. 1)
        "Stuurt u uw bezwaar per post? Dan is het op tijd als u het uiterlijk op "
        "{{ besluit.bezwaartermijn|dag_datum }} op de post doet. Wij moeten het dan uiterlijk "
        "op {{ besluit.bezwaar_per_post|dag_datum }} hebben.",
        # Awb 6:4 lid 1: lodged with the body that took the decision
        "Stuur uw bezwaar naar: {{ gemeente.college }}, {{ gemeente.postadres }}.",
        # Wet modernisering elektronisch bestuurlijk verkeer (Stb. 2023, 183), in force on
        # 1 January 2026: a resident may send an official message such as an objection
        # electronically, through the channel the body designates (Awb afdeling 2.3). Shown
        # only for a municipality whose channel beheer has set.
        "{%p if bezwaar_digitaal %}",
        "U kunt ook digitaal bezwaar maken via {{ bezwaar_digitaal.adres }}. "
        "{{ bezwaar_digitaal.inloggen }}Ook dan moeten wij uw bezwaar uiterlijk op "
        "{{ besluit.bezwaartermijn|dag_datum }} hebben.",
        "{%p endif %}",
        # Awb 6:5 lid 1: signed, name and address, date, the decision, the grounds
        "Zet in uw brief:",
        ("Opsomming", "•\u00a0uw naam en adres;"),
        ("Opsomming", "•\u00a0de datum;"),
        (
            "Opsomming",
            "•\u00a0over welk besluit het gaat: noem ons kenmerk {{ brief.kenmerk }} "
            "of stuur een kopie van deze brief mee;",
        ),
        ("Opsomming", "•\u00a0waarom u het niet eens bent met het besluit;"),
        ("Opsomming", "•\u00a0uw handtekening."),
        # Awb 6:16 (an objection does not suspend the decision), 8:81 (provisional measure,
        # also pending an objection), 8:82 (court fee); the court's postal address is
        # reference data (rules.legal_channels)
        "Het besluit blijft gelden zolang wij uw bezwaar behandelen. Is uw situatie dringend? "
        "Dan kunt u de rechter vragen om snel een tijdelijke beslissing te nemen. Dat heet een "
        "voorlopige voorziening. Dat kan alleen als u ook bezwaar heeft gemaakt. U vraagt het "
        "aan de voorzieningenrechter van de {{ rechtbank.naam }}. Dat is de rechter die in "
        "dringende zaken beslist. U betaalt daarvoor griffierecht. Dat is een bedrag voor de "
        "kosten van de rechtbank.",
        "Stuur dat verzoek naar: {{ rechtbank.naam }}, locatie {{ rechtbank.locatie }}, "
        "{{ rechtbank.postadres }}.",
    ],
    "contact": [
        ("Kop", "Heeft u vragen?"),
        "Neem dan contact op met {{ contactpersoon.naam }}, uw vaste contactpersoon. Bel "
        "{{ contactpersoon.telefoon }} of mail naar {{ contactpersoon.email }}. U kunt ook ons "
        "team bellen op {{ gemeente.telefoon }} of mailen naar {{ gemeente.email }}.",
    ],
    "ondertekening": [
        "Met vriendelijke groet,",
        "namens het college van burgemeester en wethouders van {{ gemeente.naam }},",
        "",
        "{{ contactpersoon.naam }}",
        "klantmanager Werk en Inkomen",
    ],
    "voorschot_uitleg": [
        ("Kop", "Wat is een voorschot?"),
        "Een voorschot is een lening zonder rente. U krijgt het terwijl wij uw aanvraag "
        "onderzoeken, zodat u uw vaste lasten kunt betalen.",
        ("Kop", "Wanneer krijgt u een voorschot?"),
        *LEGAL_ADVANCE,
        # the municipality's own offer (setting advance_local_offer), said to be no rule of law
        "{%p if voorschot_aanbod %}",
        "Vraagt u zelf om een voorschot? Dan kunt u het al krijgen binnen 4 weken na uw "
        "melding, uiterlijk op {{ voorschot_aanbod.uiterlijk|dag_datum }}. Dat is een afspraak "
        "van de gemeente {{ gemeente.naam }}, geen regel uit de wet.",
        "{%p endif %}",
        ("Kop", "Wat gebeurt er met het voorschot?"),
        # Participatiewet art. 52 lid 1: the advance is bijstand lent; once the right is
        # established it is settled with the benefit
        "Krijgt u bijstand? Dan halen wij het voorschot van uw uitkering af. Dat heet "
        "verrekenen. U krijgt dan de eerste keer minder uitbetaald. U hoeft niets apart terug "
        "te betalen.",
        # Participatiewet art. 58 lid 2 onderdeel d: the college "kan" recover bijstand that
        # was "ingevolge artikel 52 bij wijze van voorschot verleend" when it was established
        # later that there is no right; a power used in a decision of its own that weighs the
        # client's interests (Awb 3:4) and is open to objection. Lid 1 is the duty to recover
        # after a breach of the duty to inform. Checked against the text consolidated on
        # 1 January 2025 (wetten.overheid.nl/BWBR0015703, in the MinBZK/regelrecht corpus
        # copy); the Participatiewet in balans (phases on 1 January 2026 and 2027) is not
        # reported to change art. 58 in the overviews we could read.
        "Krijgt u geen bijstand? Dan kunnen wij het voorschot terugvorderen. Dat betekent dat u "
        "het moet terugbetalen. Dat doen wij met een apart besluit: een terugvorderingsbesluit. "
        "Dat is een besluit waarin staat hoeveel u moet terugbetalen en hoe. Dat besluit nemen "
        "wij op grond van artikel 58, tweede lid, onderdeel d, van de Participatiewet. Wij "
        "kijken daarbij naar wat u kunt betalen. Bent u het niet eens met dat besluit? Dan kunt "
        "u er bezwaar tegen maken.",
    ],
}

INSTALMENTS: list[Item] = [
    [
        ["Termijn", "Uiterlijk betalen op", "Bedrag", "Daarna nog te betalen"],
        ["{%tr for t in voorschot.termijnen %}", "", "", ""],
        ["{{ t.nummer }}", "{{ t.datum|datum }}", "{{ t.bedrag|bedrag }}", "{{ t.saldo|bedrag }}"],
        ["{%tr endfor %}", "", "", ""],
    ],
]

# Participatiewet art. 19 lid 3: 4,8 % of the bijstand is holiday allowance; the text and
# where it was checked are in rules.holiday_allowance
HOLIDAY_IN_ADVANCE: list[Item] = [
    "In het voorschot zit {{ voorschot.vakantiegeld|bedrag }} vakantiegeld. Dat heet ook "
    "vakantietoeslag. Het is {{ vakantiegeld_procent }}% van het bedrag (artikel 19, derde "
    "lid, Participatiewet).",
]

TOLD_IN_ADVANCE: list[Item] = [
    "{%p if besluit.uitleg.nodig %}",
    "{%p if besluit.uitleg.bereikt %}",
    ("Kop", "Wij hebben u dit al verteld"),
    "Op {{ besluit.uitleg.datum|dag_datum }} heeft {{ besluit.uitleg.door }} u "
    "{{ besluit.uitleg.kanaal }} verteld wat wij hebben besloten en waarom.",
    "{%p else %}",
    ("Kop", "Wij hebben geprobeerd u dit vooraf te vertellen"),
    "Wij hebben u gebeld op {{ besluit.uitleg.pogingen|join(' en ') }}, maar wij hebben u "
    "niet bereikt.",
    "{%p endif %}",
    "{%p endif %}",
]

CLOSING: list[Item] = ["[[ contact ]]", "[[ ondertekening ]]"]
DECISION_CLOSING: list[Item] = ["[[ bezwaar ]]", *CLOSING]

LETTERS: dict[str, list[Item]] = {
    "homework-letter": [
        "{{ klant.aanhef }},",
        "U heeft zich op {{ melding.datum|datum }} gemeld op het Werkplein, omdat u een "
        "bijstandsuitkering wilt aanvragen. U heeft toen een huiswerkmap gekregen. In deze brief "
        "leest u wat u nu moet doen.",
        ("Kop", "Kom naar de {{ bijeenkomst.naam }}"),
        "**Wij verwachten u op {{ bijeenkomst.datum|dag_datum }} om {{ bijeenkomst.tijd }} uur.**",
        "Adres: {{ bijeenkomst.plaats }}. De bijeenkomst duurt een uur. U hoort wat uw rechten en "
        "plichten zijn. Neem een geldig identiteitsbewijs mee.",
        # the seed: every attendee receives the afspraakformulier with the interview's date and
        # time and the fixed contact person, who is assigned there and not before
        "Op de bijeenkomst hoort u wie uw vaste contactpersoon is. U krijgt daar een "
        "afspraakformulier. Daarop staan de dag en de tijd van uw eerste gesprek met die persoon. "
        "Dat gesprek heet het participatiegesprek.",
        ("Kop", "Wat zit er in de huiswerkmap?"),
        ("Opsomming", "•\u00a0informatie over werk zoeken en solliciteren;"),
        ("Opsomming", "•\u00a0uitleg over het schrijven van een cv;"),
        ("Opsomming", "•\u00a0een huiswerkopdracht over uw vaardigheden en competenties;"),
        ("Opsomming", "•\u00a0een aanvraagformulier voor een bijstandsuitkering."),
        # the seed: the participation interview asks for the homework assignment on skills and
        # competences from the folder, a current CV and proof of the last five applications
        ("Kop", "Uw huiswerk"),
        "Maak de huiswerkopdracht voor uw participatiegesprek. De opdracht gaat over wat u kunt "
        "en wat voor iemand u bent. Vaardigheden zijn dingen die u kunt, zoals met een "
        "computer werken. Competenties zijn eigenschappen die helpen bij werk, zoals op tijd "
        "komen en goed samenwerken.",
        # the seed: residents register as job seekers on werk.nl and upload a CV there; the
        # upload may also come later
        "Staat u nog niet ingeschreven als werkzoekende op werk.nl? Doe dat dan nu. Zet daar "
        "ook uw cv op.",
        ("Kop", "Neem dit mee naar het participatiegesprek"),
        ("Opsomming", "•\u00a0een cv dat klopt met uw situatie van nu;"),
        ("Opsomming", "•\u00a0bewijs van uw laatste vijf sollicitaties;"),
        ("Opsomming", "•\u00a0de huiswerkopdracht over uw vaardigheden en competenties."),
        ("Kop", "Hoe lang duurt het?"),
        "Na de bijeenkomst heeft u het participatiegesprek en volgt u de Workshop naar Werk. Van "
        "uw melding tot het einde van de workshop duurt het gemiddeld 11 dagen. Van uw melding "
        "tot ons besluit over de uitkering duurt het gemiddeld 36 dagen. Als wij uw aanvraag "
        "hebben ontvangen, beslissen wij binnen 8 weken.",
        ("Kop", "U kunt de uitkering nu al aanvragen"),
        "U hoeft niet te wachten tot u de bijeenkomst en de workshop heeft gehad. U kunt het "
        "aanvraagformulier meteen invullen en inleveren. U kunt het ook doen terwijl u de "
        "bijeenkomst en de workshop volgt.",
        ("Kop", "Heeft u geld nodig voordat wij beslissen?"),
        "Dan kunt u een voorschot krijgen. Dat is een lening zonder rente van "
        "{{ voorschot_percentage }}% van de bijstandsuitkering die voor u geldt.",
        *LEGAL_ADVANCE,
        # the municipality's own offer (setting advance_local_offer; Haarlem's evaluation of the
        # Poortmodel: "Binnen vier weken na de fysieke melding op het Werkplein, kan een
        # voorschot van 90% ... worden verstrekt"); not a right of the law, so it says "kunt"
        "{%p if voorschot_aanbod %}",
        "Wilt u het voorschot eerder? Vraag er dan om bij ons team. Dan kunt u het krijgen "
        "binnen 4 weken na uw melding, uiterlijk op {{ voorschot_aanbod.uiterlijk|dag_datum }}. "
        "Dat is een afspraak van de gemeente {{ gemeente.naam }}, geen regel uit de wet.",
        "{%p endif %}",
        # no fixed contact person yet: the meeting assigns one
        ("Kop", "Heeft u vragen?"),
        "Bel ons team op {{ gemeente.telefoon }} of mail naar {{ gemeente.email }}.",
        "[[ ondertekening ]]",
    ],
    "appointment-form": [
        "{{ klant.aanhef }},",
        "U was op {{ bijeenkomst.datum|datum }} bij de {{ bijeenkomst.naam }}. Met dit "
        "formulier bevestigen wij uw afspraak voor het participatiegesprek.",
        ("Kop", "Uw afspraak"),
        [
            ["Wanneer", "{{ gesprek.datum|dag_datum }} om {{ gesprek.tijd }} uur"],
            ["Waar", "{{ gesprek.plaats }}"],
            ["Met wie", "{{ contactpersoon.naam }}, uw vaste contactpersoon"],
        ],
        ("Kop", "Neem dit mee"),
        ("Opsomming", "•\u00a0een cv dat klopt met uw situatie van nu;"),
        ("Opsomming", "•\u00a0bewijs van uw laatste vijf sollicitaties;"),
        ("Opsomming", "•\u00a0de huiswerkopdracht over uw vaardigheden en competenties."),
        ("Kop", "Uw vaste contactpersoon"),
        "{{ contactpersoon.naam }} is uw vaste contactpersoon. U heeft met deze persoon contact "
        "tijdens uw aanvraag en zolang u een uitkering krijgt. Kunt u niet komen? Bel of mail "
        "dan zo snel mogelijk.",
        *CLOSING,
    ],
    "advance-agreement": [
        "{{ klant.aanhef }},",
        "U krijgt een voorschot op uw bijstandsuitkering. In deze overeenkomst staan de afspraken "
        "die wij daarover met u maken.",
        ("Kop", "Hoeveel krijgt u?"),
        "**U krijgt een voorschot van {{ voorschot.bedrag|bedrag }}.**",
        "Dat is {{ voorschot.percentage }}% van de bijstandsnorm voor {{ voorschot.leefvorm }}. "
        "De bijstandsnorm is het bedrag van de bijstand per maand. Uw voorschot gaat in op "
        "{{ voorschot.start|datum }}. Op die dag is de bijstandsnorm "
        "{{ voorschot.norm|bedrag }} per maand.",
        *HOLIDAY_IN_ADVANCE,
        "Wij houden van het voorschot geen vakantiegeld apart. U krijgt het hele bedrag.",
        "[[ voorschot_uitleg ]]",
        # the schedule is a proposal only: a repayment is set by the recovery decision
        # (Participatiewet art. 58), never fixed in this agreement
        ("Kop", "Voorstel: zo zou u kunnen terugbetalen"),
        "Dit schema is een voorstel. Het is nog geen afspraak. Krijgt u geen bijstand? Dan staat "
        "in het terugvorderingsbesluit hoe u terugbetaalt. Dat kan anders zijn dan dit voorstel.",
        *INSTALMENTS,
        "Kunt u deze bedragen niet betalen? Neem dan contact op met uw contactpersoon. Wij zoeken "
        "samen naar een bedrag dat u wel kunt betalen.",
        ("Kop", "Ondertekening"),
        "Met uw handtekening zegt u dat u het voorschot krijgt als lening zonder rente en dat u "
        "deze afspraken kent. U zegt daarmee nog geen ja tegen het voorstel om terug te betalen.",
        [
            ["Namens het college", "De klant"],
            ["{{ contactpersoon.naam }}", "{{ klant.naam }}"],
            ["Datum:", "Datum:"],
            ["Handtekening:", "Handtekening:"],
        ],
        ("Kop", "Zo stuurt u de overeenkomst terug"),
        # the postal address is the municipality's (reference data), the desk its Werkplein
        "Onderteken de overeenkomst en stuur haar naar {{ gemeente.college }}, "
        "{{ gemeente.postadres }}. U kunt de ondertekende overeenkomst ook afgeven bij de balie "
        "van het {{ werkplein }}.",
        *CLOSING,
    ],
    "decision-grant": [
        "{{ klant.aanhef }},",
        "**U krijgt een bijstandsuitkering vanaf {{ besluit.ingangsdatum|datum }}.**",
        ("Kop", "Waarom krijgt u bijstand?"),
        "U heeft op {{ aanvraag.ontvangen|datum }} bijstand aangevraagd. Wij hebben uw aanvraag "
        "onderzocht. U heeft niet genoeg inkomen en vermogen om van te leven en u voldoet aan de "
        "voorwaarden.",
        "{%p for reden in besluit.redenen %}",
        "{{ reden }}",
        "{%p endfor %}",
        ("Kop", "Welke regels gelden?"),
        "Wij hebben besloten op grond van deze artikelen van de Participatiewet:",
        ("Opsomming", "•\u00a0artikel 11: wie recht heeft op bijstand;"),
        ("Opsomming", "•\u00a0artikel 21: de hoogte van de bijstand;"),
        ("Opsomming", "•\u00a0artikel 44: de dag waarop de bijstand ingaat."),
        ("Kop", "Hoeveel krijgt u?"),
        "Uw bijstandsnorm is {{ besluit.norm|bedrag }} per maand. Dat is het bedrag van de "
        "bijstand voor {{ besluit.leefvorm }}. Heeft u inkomsten? Dan trekken wij die van dit "
        "bedrag af.",
        # Participatiewet art. 19 lid 3 (4,8 % of the bijstand is holiday allowance; the
        # text and where it was checked: rules.holiday_allowance); the month is the
        # municipality's setting, the law names none
        "In uw bijstand zit vakantiegeld. Dat heet ook vakantietoeslag. Het is "
        "{{ vakantiegeld_procent }}% van uw bijstand (artikel 19, derde lid, Participatiewet).",
        "Bij de hele norm is dat {{ besluit.vakantiegeld|bedrag }} per maand. Dat deel houden "
        "wij elke maand apart. U krijgt het later in één keer.",
        "{%p if besluit.vakantiegeld_maand %}",
        "Wij betalen het gespaarde vakantiegeld in {{ besluit.vakantiegeld_maand }}.",
        "{%p endif %}",
        # the day of payment is the municipality's setting (rules.benefit_days)
        "{%p if besluit.betaaldag %}",
        "Wij betalen de bijstand elke maand uiterlijk op de {{ besluit.betaaldag }}e van de maand.",
        "{%p endif %}",
        # Participatiewet art. 52 lid 1: an advance is bijstand, lent while the right is not
        # yet established; once it is, what was advanced is part of the bijstand over the
        # same period, so it is deducted and not recovered (art. 58 lid 2 onderdeel d is only
        # for an advance when no right follows)
        "{%p if voorschot %}",
        ("Kop", "U kreeg al een voorschot"),
        "U kreeg vanaf {{ voorschot.start|datum }} een voorschot van "
        "{{ voorschot.bedrag|bedrag }}. Een voorschot is bijstand die u vooruit krijgt "
        "(artikel 52 van de Participatiewet).",
        "Daarom trekken wij het voorschot af van de bijstand die wij u nog moeten betalen. U "
        "hoeft het niet apart terug te betalen.",
        "{%p endif %}",
        ("Kop", "Wat zijn uw plichten?"),
        "Met de uitkering heeft u ook plichten:",
        # Participatiewet art. 17 lid 1 (report every change that can matter for the right)
        (
            "Opsomming",
            "•\u00a0Geef veranderingen meteen aan ons door. Bijvoorbeeld werk, inkomen, een "
            "verhuizing of iemand die bij u komt wonen (artikel 17).",
        ),
        # Participatiewet art. 17 lid 2 (cooperate when asked)
        ("Opsomming", "•\u00a0Geef ons de papieren en informatie waar wij om vragen (artikel 17)."),
        # Participatiewet art. 9 lid 1 onderdeel a (find, accept and keep generally accepted
        # work) and b (use what the college offers for it and cooperate with the inquiry into
        # one's prospects), from the day of the melding; read in the same 2025 copy
        ("Opsomming", "•\u00a0Zoek werk en neem werk aan dat u kunt doen (artikel 9)."),
        ("Opsomming", "•\u00a0Kom naar afspraken met uw contactpersoon (artikel 9)."),
        ("Kop", "Wat gebeurt er als u zich niet aan uw plichten houdt?"),
        # art. 54 lid 3 and 58 lid 1: a breach of art. 17 lid 1 leads to revision and
        # recovery of what was paid too much; art. 18a lid 1: an administrative fine
        "Geeft u een verandering niet of te laat door? Dan moet u de bijstand terugbetalen die "
        "u te veel kreeg (artikel 58).",
        "U kunt dan ook een boete krijgen (artikel 18a).",
        # art. 18 lid 2: the bijstand is lowered for not meeting the other duties (art. 18 lid 9:
        # not when there is no blame at all)
        "Zoekt u geen werk of komt u niet naar een afspraak? Dan kunnen wij uw bijstand "
        "verlagen (artikel 18).",
        "De artikelen over uw plichten staan in de Participatiewet.",
        *DECISION_CLOSING,
    ],
    "decision-rejection": [
        "{{ klant.aanhef }},",
        "**U krijgt geen bijstandsuitkering.**",
        ("Kop", "Waarom krijgt u geen bijstand?"),
        "U heeft op {{ aanvraag.ontvangen|datum }} bijstand aangevraagd. Wij hebben uw aanvraag "
        "onderzocht. Dit is wat wij hebben vastgesteld:",
        "{%p for reden in besluit.redenen %}",
        "{{ reden }}",
        "{%p endfor %}",
        # the articles of the decision's kind of reason, one table beside its label
        # (rules.grounds, where each is checked against the law)
        ("Kop", "Welke regels gelden?"),
        "Wij hebben besloten op grond van de Participatiewet:",
        ("Opsomming", "•\u00a0{{ besluit.grond.artikelen }}."),
        "{{ besluit.grond.uitleg }}",
        # Participatiewet art. 34 lid 3: the limit of the household, from the verified norm
        # table in force on the day of the application
        "{%p if besluit.vermogensgrens %}",
        "De vermogensgrens voor {{ besluit.vermogensgrens.leefvorm }} is "
        "{{ besluit.vermogensgrens.bedrag|bedrag }}. Dat bedrag geldt sinds "
        "{{ besluit.vermogensgrens.sinds|datum }}.",
        "{%p endif %}",
        ("Kop", "Wat betekent dit voor u?"),
        "U krijgt geen uitkering van ons. Verandert uw situatie? Dan kunt u opnieuw bijstand "
        "aanvragen.",
        "{%p if voorschot %}",
        "U heeft een voorschot van {{ voorschot.bedrag|bedrag }} gekregen. Dat moet u "
        "terugbetalen. Daarover krijgt u een aparte brief.",
        "{%p endif %}",
        *TOLD_IN_ADVANCE,
        *DECISION_CLOSING,
    ],
    # Awb 4:5 lid 1 aanhef en onder c (information insufficient, after a term to complete it),
    # lid 4 (sent within four weeks after that term passed: the letter is refused otherwise,
    # deadlines.not_processed_refusal); Participatiewet art. 17 (duty to inform)
    "decision-not-processed": [
        "{{ klant.aanhef }},",
        "**Wij nemen uw aanvraag voor bijstand niet in behandeling.**",
        ("Kop", "Waarom niet?"),
        "U heeft op {{ aanvraag.ontvangen|datum }} bijstand aangevraagd. Op "
        "{{ besluit.gevraagd_op|datum }} hebben wij u om deze informatie gevraagd:",
        "{%p for stuk in besluit.ontbrekend %}",
        ("Opsomming", "•\u00a0{{ stuk }}"),
        "{%p endfor %}",
        "U had tot en met {{ besluit.aanvullen_tot|dag_datum }} de tijd om ons deze informatie "
        "te geven. Die termijn is voorbij. Wij hebben de informatie niet of niet volledig "
        "gekregen. Zonder deze informatie kunnen wij niet beoordelen of u recht heeft op "
        "bijstand.",
        "{%p for reden in besluit.redenen %}",
        "{{ reden }}",
        "{%p endfor %}",
        ("Kop", "Welke regels gelden?"),
        "Wij hebben besloten op grond van artikel 4:5 van de Algemene wet bestuursrecht en "
        "artikel 17 van de Participatiewet. U moet ons alle informatie geven die wij nodig hebben "
        "om uw aanvraag te beoordelen. Geeft u die niet binnen de termijn die wij u gaven, dan "
        "mogen wij uw aanvraag niet in behandeling nemen.",
        ("Kop", "Wat betekent dit voor u?"),
        # Participatiewet art. 44: bijstand starts on the day of the (new) application at the
        # earliest; the old application gives no earlier start
        "Wij beslissen niet over uw recht op bijstand. U kunt opnieuw bijstand aanvragen. Lever "
        "dan alle gevraagde informatie in. De bijstand kan dan op zijn vroegst ingaan op de dag "
        "waarop u opnieuw aanvraagt, niet op {{ aanvraag.ontvangen|datum }}. Wacht daarom niet "
        "te lang.",
        *TOLD_IN_ADVANCE,
        *DECISION_CLOSING,
    ],
    "decision-advance-recovery": [
        "{{ klant.aanhef }},",
        "**U moet het voorschot van {{ voorschot.bedrag|bedrag }} terugbetalen.**",
        ("Kop", "Waarom moet u het voorschot terugbetalen?"),
        "U heeft vanaf {{ voorschot.start|datum }} een voorschot gekregen op een "
        "bijstandsuitkering. Een voorschot is een lening. Wij hebben besloten dat u geen recht "
        "heeft op bijstand. Daarom moet u het voorschot terugbetalen.",
        "{%p for reden in besluit.redenen %}",
        "{{ reden }}",
        "{%p endfor %}",
        # Awb 3:4: the college weighs the interests the decision touches; the case manager's
        # own paragraph, without which the decision is refused (rules.sending)
        ("Kop", "Wat hebben wij afgewogen?"),
        "Wij hebben gekeken wat terugbetalen voor u betekent. Dit hebben wij afgewogen:",
        "{%p for regel in besluit.afweging %}",
        "{{ regel }}",
        "{%p endfor %}",
        ("Kop", "Welke regels gelden?"),
        # Participatiewet art. 58 lid 2 onderdeel d (checked as told in voorschot_uitleg)
        "Wij vorderen het voorschot terug op grond van artikel 58, tweede lid, onderdeel d, "
        "van de Participatiewet.",
        "Daarin staat dat wij een voorschot mogen terugvragen als u geen recht op bijstand heeft.",
        "Wij moeten daarbij uw belangen afwegen. Dat staat in artikel 3:4 van de Algemene wet "
        "bestuursrecht.",
        ("Kop", "Hoeveel was het voorschot?"),
        "Het voorschot was {{ voorschot.percentage }}% van de bijstandsnorm van "
        "{{ voorschot.norm|bedrag }} per maand.",
        "De bijstandsnorm is het bedrag van de bijstand per maand.",
        *HOLIDAY_IN_ADVANCE,
        "Ook dat deel betaalt u terug.",
        ("Kop", "Hoe betaalt u terug?"),
        "U betaalt het voorschot terug in termijnen:",
        *INSTALMENTS,
        # the municipality's account (reference data; the letter is refused without it); the
        # kenmerk names this decision and no other, so it is the payment reference
        "Maak elk bedrag over naar rekening {{ besluit.iban }} van de gemeente "
        "{{ gemeente.naam }}.",
        "Zet bij elke betaling ons kenmerk {{ brief.kenmerk }} in de omschrijving. Dan weten wij "
        "waarvoor u betaalt.",
        "Kunt u deze bedragen niet betalen? Neem dan contact op met uw contactpersoon. Wij zoeken "
        "samen naar een bedrag dat u wel kunt betalen.",
        ("Kop", "Wat gebeurt er als u niet op tijd betaalt?"),
        # Participatiewet art. 60 lid 2 (collection by dwangbevel), art. 58 lid 5 (the claim
        # may be raised with the costs of recovering it when payment is late)
        "Dan kunnen wij het geld innen met een dwangbevel. Dat is een officieel bevel om te "
        "betalen (artikel 60, tweede lid, Participatiewet).",
        "De kosten daarvan kunnen dan bij uw schuld komen (artikel 58, vijfde lid, "
        "Participatiewet).",
        ("Kop", "U houdt genoeg over om van te leven"),
        # Awb 4:93 lid 4 (set-off only as far as attachment would be) and Awb 4:116 (the
        # beslagvrije voet of Rv art. 475c-475e holds when collecting by dwangbevel), both
        # read through Participatiewet art. 60 lid 6, which sets them aside only while the
        # information duty of art. 60 lid 1 is not met (checked copy as above)
        "Wij houden ons altijd aan de beslagvrije voet.",
        "De beslagvrije voet is het bedrag dat u elke maand zeker overhoudt om van te leven.",
        *TOLD_IN_ADVANCE,
        *DECISION_CLOSING,
    ],
    # Participatiewet art. 41 lid 4 (a young person under 27 can apply four weeks after the
    # melding at the earliest) and art. 44 (bijstand starts on the day of the application at
    # the earliest); the days are deadlines.search_period. The exception for a young person in a
    # pressing situation came with the Participatiewet in balans (Stb. 2025, in force on
    # 1 January 2026): the college may handle the application before the four weeks end. Its
    # place, art. 41 lid 11, is taken from secondary copies, not the consolidated text: the
    # Goeree-Overflakkee policy rule on it (lokaleregelgeving.overheid.nl/CVDR755166, in force
    # 1 January 2026) and ISD Bollenstreek's policy (bgr-2025-3343: young people "in knellende
    # situaties" may apply at once). Art. 44 lid 5 (bijstand before the application, in
    # special circumstances) is a power of the college, not promised here. What the young
    # person does in the four weeks is the municipality's practice in the seed evaluation.
    "search-period-letter": [
        "{{ klant.aanhef }},",
        "U heeft zich op {{ melding.datum|datum }} gemeld op het Werkplein. U wilt een "
        "bijstandsuitkering aanvragen. U bent jonger dan 27 jaar. Daarom zoekt u eerst 4 weken "
        "zelf naar werk of naar een opleiding. Dat heet de zoektermijn.",
        ("Kop", "Wanneer kunt u bijstand aanvragen?"),
        "**U kunt bijstand aanvragen vanaf {{ zoektermijn.aanvragen_vanaf|dag_datum }}.**",
        "Dat is 4 weken na uw melding. Uw zoektermijn loopt tot en met "
        "{{ zoektermijn.einde|dag_datum }}. Eerder aanvragen kan alleen als uw situatie "
        "dringend is. Daarover leest u hieronder meer.",
        "De bijstand gaat op zijn vroegst in op de dag waarop u de aanvraag doet. Dat is dus op "
        "zijn vroegst {{ zoektermijn.bijstand_vanaf|dag_datum }}. Vraagt u later aan? Dan gaat "
        "de bijstand ook later in.",
        ("Kop", "Wat doet u in de zoektermijn?"),
        "In het gesprek over uw zoektermijn maken wij afspraken met u. U doet in ieder geval dit:",
        (
            "Opsomming",
            "•\u00a0schrijf u in als werkzoekende op werk.nl en zet daar uw cv op;",
        ),
        ("Opsomming", "•\u00a0solliciteer op vacatures en schrijf u in bij uitzendbureaus;"),
        (
            "Opsomming",
            "•\u00a0kijk welke opleiding u kunt volgen met studiefinanciering en schrijf u in;",
        ),
        ("Opsomming", "•\u00a0kom naar de afspraken met het Leerplein over school of opleiding;"),
        (
            "Opsomming",
            "•\u00a0ga naar de voorlichting van het RMC over een opleiding die bij u past;",
        ),
        (
            "Opsomming",
            "•\u00a0bewaar bewijs van wat u doet, zoals uw sollicitatiebrieven en de "
            "antwoorden die u krijgt.",
        ),
        "Het RMC helpt jongeren bij het kiezen van een opleiding of werk. Daarna volgt u "
        "misschien trainingen, bijvoorbeeld over een cv maken, solliciteren en hoe u overkomt "
        "bij een werkgever.",
        ("Kop", "Na de 4 weken"),
        "Na 4 weken heeft u een gesprek met uw contactpersoon. Dat heet het participatiegesprek. "
        "Heeft u dan nog geen werk of opleiding? Dan krijgt u in dat gesprek het "
        "aanvraagformulier voor bijstand. Neem het bewijs van wat u heeft gedaan mee.",
        ("Kop", "Is uw situatie dringend?"),
        "Heeft u geen woning of geen geld voor eten? Of is uw situatie om een andere reden heel "
        "moeilijk? Neem dan meteen contact op met uw contactpersoon. Wij kijken dan of u "
        "eerder bijstand mag aanvragen.",
        ("Kop", "Welke regels gelden?"),
        "De zoektermijn staat in artikel 41, vierde lid, van de Participatiewet. Eerder "
        "aanvragen in een dringende situatie staat in artikel 41, elfde lid. Wanneer de bijstand "
        "ingaat, staat in artikel 44.",
        *CLOSING,
    ],
}
