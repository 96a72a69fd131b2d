"""The job-title vocabulary in Swedish, Danish, Norwegian, Polish and Portuguese (the common
titles of a small business), by seniority: fragments of regular expressions that
processing.contacts.titles adds to its lists (matched as those are)."""

EXECUTIVE_TITLES = [
    # Swedish, Danish, Norwegian
    r"vd",
    r"verkställande direktör",
    r"ägare",
    r"indehaver",
    r"innehaver",
    r"daglig leder",
    r"administrerende direktør",
    # Polish
    r"właściciel(?:ka)?",
    r"współwłaściciel(?:ka)?",
    r"prezes(?: zarządu)?",
    # Portuguese
    r"sóci[oa](?:-gerente)?",
    r"gerente",
    r"diretora? (?:geral|clínic[oa])",
    r"fundador(?:a)?",
    r"proprietári[oa]",
]
MANAGER_TITLES = [
    r"ekonomiansvarig",
    r"arbetsledare",
    r"kontorchef",
    r"lønnsansvarlig",
    r"kierownik(?: biura)?",
    r"mistrz(?: mechanik)?",
]
STAFF_TITLES = [
    r"(?:autorisert )?regnskapsfører",
    r"consultora? imobiliári[oa]",
]
