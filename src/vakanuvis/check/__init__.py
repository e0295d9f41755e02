"""Source criticism: rules that flag what a text gets wrong, each quoting its evidence exactly."""

from __future__ import annotations

from vakanuvis.check.anachronism import find_anachronisms
from vakanuvis.check.chronology import find_backward_chronology, find_events_before_existence
from vakanuvis.check.citation_variants import find_citation_variants
from vakanuvis.check.conclusion import find_conclusion_contradictions
from vakanuvis.check.conclusion_negated import find_conclusions_denying_the_body
from vakanuvis.check.conflicting_dates import find_conflicting_dates
from vakanuvis.check.figures import find_figure_disagreements
from vakanuvis.check.footnotes import find_marker_problems, find_repeated_footnotes
from vakanuvis.check.happening_disagrees import find_happening_disagreements
from vakanuvis.check.publication import find_citations_after_publication
from vakanuvis.check.quantities import find_quantity_conflicts
from vakanuvis.check.ranges import find_impossible_days, find_reversed_ranges
from vakanuvis.check.spellings import find_names_listed_twice, find_spelling_variants
from vakanuvis.check.territory_given import find_territories_given_otherwise
from vakanuvis.check.told_before_it_happened import (
    find_events_told_before_they_happened,
    find_treaties_acted_upon_before_they_existed,
)
from vakanuvis.check.units_listed_twice import find_units_listed_twice
from vakanuvis.model import Document, Entity, Finding, Source


def check_document(document: Document, entities: dict[str, Entity]) -> list[Finding]:
    """Every rule that reads one document alone (and the entities its mentions name)."""
    findings: list[Finding] = []
    findings += find_anachronisms(document, entities)
    findings += find_reversed_ranges(document)
    findings += find_impossible_days(document)
    findings += find_repeated_footnotes(document)
    findings += find_marker_problems(document)
    findings += find_quantity_conflicts(document)
    findings += find_figure_disagreements(document)
    findings += find_citations_after_publication(document)
    findings += find_citation_variants(document)
    findings += find_spelling_variants(document, entities)
    findings += find_names_listed_twice(document)
    findings += find_units_listed_twice(document)
    findings += find_backward_chronology(document)
    findings += find_events_before_existence(document, entities)
    findings += find_events_told_before_they_happened(document)
    findings += find_treaties_acted_upon_before_they_existed(document, entities)
    findings += find_conclusion_contradictions(document)
    findings += find_conclusions_denying_the_body(document)
    findings += find_territories_given_otherwise(document)
    findings += find_happening_disagreements(document)
    return findings


def run_checks(
    documents: list[Document], entities: dict[str, Entity], sources: dict[str, Source] | None = None
) -> list[Finding]:
    """Every rule over every document, then the rules that compare documents. `sources`: the works the
    footnotes cite, merged across the corpus (key -> Source with its citations), for the checks that
    compare citations."""
    findings: list[Finding] = []
    for document in documents:
        findings += check_document(document, entities)
    findings += find_conflicting_dates(documents, entities)
    return findings


def finding_record(finding: Finding) -> dict:
    """A finding in the contract's JSON form."""
    return {
        "kind": finding.kind,
        "message": finding.message,
        "severity": finding.severity,
        "evidence": [
            {
                "document": item.document,
                "text": item.text,
                "start": item.span.start,
                "end": item.span.end,
                **({"footnote": item.span.footnote} if item.span.footnote is not None else {}),
            }
            for item in finding.evidence
        ],
    }
