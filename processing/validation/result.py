"""What validating one contact concluded: a verdict, the reason in a few words, a classification."""

from __future__ import annotations

from dataclasses import dataclass

from scrapersky.vocabulary import VerdictValue


@dataclass(frozen=True, slots=True)
class Check:
    """The verdict of one contact."""

    verdict: VerdictValue
    reason: str  # a few words, shown to curators
    classification: str = ""  # role/free/company, the phone's line type, the network ("": keep)
