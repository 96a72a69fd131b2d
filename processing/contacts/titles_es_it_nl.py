"""The job-title vocabulary in Spanish, Italian and Dutch (Flemish), by seniority: fragments of
regular expressions that processing.contacts.titles adds to its lists (matched as those are).

Titles that are also common surnames (Schilder, Timmerman, Kapper) are left out, and Dutch
"-leider" titles are listed with their compound's first part ("leider" alone is German for
"unfortunately", and a suffix would let every German page through roles.may_name_roles).
Optional endings are written as separate entries where the gate needs the whole word
("\\w*medewerker", "\\w*medewerkster": may_name_roles tests a compound by its last letters).
"""

ASSISTANT_TITLES = [
    r"apprendista",
    r"tirocinante",
]
EXECUTIVE_TITLES = [
    # Italian
    r"titolare",
    r"contitolare",
    r"amministrat(?:ore|rice)(?: unic[oa]| delegat[oa])?",
    r"legale rappresentante",
    r"rappresentante legale",
    r"fondat(?:ore|rice)",
    r"cofondat(?:ore|rice)",
    r"presidente",
    r"direttore(?: generale| tecnico)?",
    r"direttrice(?: generale| tecnica)?",
    r"socio fondatore",
    # Dutch
    r"eigenaar",
    r"eigenaresse",
    r"mede-?eigenaar",
    r"oprichter",
    r"mede-?oprichter",
    r"zaakvoerder",
    r"zaakvoerster",
    r"bestuurder",
    r"vennoot",
    r"algemeen directeur",
]
MANAGER_TITLES = [
    # Italian
    r"responsabile(?: \w+)?",
    # Dutch
    r"projectleider",
    r"teamleider",
    r"bedrijfsleider",
    r"afdelingsleider",
    r"praktijkleider",
    r"vestigingsleider",
    r"filiaalleider",
    r"groepsleider",
    r"ploegleider",
    r"projectleidster",
    r"teamleidster",
    r"bedrijfsleidster",
    r"afdelingsleidster",
    r"praktijkleidster",
    r"vestigingsleidster",
    r"\w*coördinator",
    r"\w+coordinator",
]
STAFF_TITLES = [
    # Spanish
    r"recepcionista",
    r"odontólog[oa]",
    r"dentista",
    r"higienista(?: dental)?",
    r"enfermer[oa]",
    r"fisioterapeuta",
    r"veterinari[oa]",
    r"abogad[oa]",
    r"arquitect[oa]",
    r"ingenier[oa]",
    r"mecánic[oa]",
    r"técnic[oa](?: \w+)?",
    r"secretari[oa]",
    r"administrativ[oa]",
    r"contable",
    r"asesor(?:a)?(?: \w+)?",
    r"peluquer[oa]",
    r"cociner[oa]",
    r"camarer[oa]",
    r"dependient[ae]",
    r"electricista",
    r"fontaner[oa]",
    r"diseñador(?:a)?(?: \w+)?",
    r"psicólog[oa]",
    r"farmacéutic[oa]",
    r"óptic[oa](?:-optometrista)?",
    # Italian
    r"impiegat[oa]",
    r"segretari[oa]",
    r"tecnic[oa](?: di \w+)?",
    r"ingegnere",
    r"architetto",
    r"geometra",
    r"commercialista",
    r"ragioniere",
    r"avvocat(?:o|essa)",
    r"consulente(?: \w+)?",
    r"collaborat(?:ore|rice)",
    r"progettista",
    r"odontoiatra",
    r"igienista",
    r"fisioterapista",
    r"infermier[ea]",
    r"elettricista",
    r"idraulico",
    r"panettier[ea]",
    r"parrucchier[ea]",
    # Dutch
    r"\w*medewerker",
    r"\w*medewerkster",
    r"\w*beheerder",
    r"werkvoorbereider",
    r"monteur",
    r"boekhouder",
    r"adviseur",
    r"\w*verkoper",
    r"secretaresse",
    r"tandarts",
    r"mondhygiënist\w*",
    r"fysiotherapeut",
    r"loodgieter",
    # Departments
    r"amministrazione",
    r"administratie",
    r"boekhouding",
]
