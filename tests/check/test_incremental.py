"""Checks kept per document (check.incremental): after ingests and edits the findings are those of checking the
whole corpus again, and only the documents whose inputs changed are checked again."""

from __future__ import annotations

from pathlib import Path

import pytest

import vakanuvis.check as check
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.store import edits

TEXTS = {
    # an anachronism, an impossible day, dates running backwards; the treaty signed in 1921
    "a.txt": "Moskova Antlaşması 16 Mart 1921 tarihinde Moskova’da imzalandı. Sovyetler Birliği 1920 yılında "
    "Ankara’ya bir heyet gönderdi. Meclis 31 Nisan 1921 tarihinde Ankara’da toplandı.\n",
    # no finding
    "b.txt": "Kâzım Karabekir 1920 yılında Kars’a girdi. Kazım Karabekir Paşa Sarıkamış’ta idi. 1921 yılının "
    "12-8 Mayıs günlerinde Kars Konferansı toplandı.\n",
    # the same treaty signed in 1922: a conflict with a.txt, across documents
    "c.txt": "Moskova Antlaşması 16 Mart 1922 tarihinde imzalandı. Ali Fuat Paşa Moskova’ya gitti.\n",
}


@pytest.fixture
def texts(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "texts"
    folder.mkdir()
    paths = {}
    for name, text in TEXTS.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """The ids of the documents the per-document checks run on, in turn."""
    runs: list[str] = []
    real = check.check_document
    monkeypatch.setattr(
        check,
        "check_document",
        lambda document, entities: runs.append(document.id) or real(document, entities),
    )
    return runs


def recomputed(kb: KnowledgeBase) -> list[dict]:
    """Every check over every document read back, as before findings were kept."""
    records = []
    for finding in check.run_checks(kb.load_documents(), *_entities_and_sources(kb)):
        record = check.finding_record(finding)
        record["id"] = edits.finding_id(record)
        records.append(record)
    return records


def _entities_and_sources(kb: KnowledgeBase):
    from vakanuvis.store.documents import load_entities, load_sources

    return load_entities(kb.engine), load_sources(kb.engine)


def kept(kb: KnowledgeBase) -> list[dict]:
    return [{k: v for k, v in record.items() if k != "reviewed"} for record in kb.finding_records()]


def test_findings_after_an_ingest_are_those_of_the_whole_corpus_checked_again(
    database_url, tmp_path, texts, checked
):
    kb = KnowledgeBase(database_url)
    first = kb.ingest([texts["a.txt"], texts["b.txt"]])
    kept(kb)
    assert sorted(checked) == sorted(result.document_id for result in first)
    checked.clear()
    (third,) = kb.ingest([texts["c.txt"]])
    after = kept(kb)
    assert checked == [third.document_id]  # neither a.txt nor b.txt again
    assert after == recomputed(kb)
    kinds = {record["kind"] for record in after}
    assert {"anachronism", "impossible-day", "conflicting-dates"} <= kinds
    conflict = next(record for record in after if record["kind"] == "conflicting-dates")
    assert {item["document"] for item in conflict["evidence"]} == {first[0].document_id, third.document_id}

    fresh = KnowledgeBase(str(tmp_path / "fresh.db"))
    fresh.ingest(texts.values())
    assert kept(fresh) == after

    checked.clear()
    again = KnowledgeBase(database_url)  # another process: what is kept is read, nothing checked
    assert kept(again) == after and checked == []
    # the contract's form of `vakanuvis check --json`
    assert again.checked() == [check.finding_record(finding) for finding in again.findings()]
    assert again.checked(third.document_id) == [
        check.finding_record(finding) for finding in again.findings(third.document_id)
    ]


def test_edits_check_again_what_they_change_and_reviews_stay(database_url, texts, checked):
    kb = KnowledgeBase(database_url)
    results = kb.ingest(texts.values())
    a, c = results[0].document_id, results[2].document_id
    records = kept(kb)
    conflict = next(record for record in records if record["kind"] == "conflicting-dates")
    kb.review_finding(conflict["id"], True)
    checked.clear()

    treaty = next(e for e in kb.entities() if e["name"].startswith("Treaty of Moscow"))
    kb.rename_entity(treaty["id"], "Moskova Antlaşması")
    renamed = kept(kb)
    assert set(checked) <= {a, c}  # the documents naming the treaty, not b.txt
    assert renamed == recomputed(kb)
    assert "Moskova Antlaşması is dated" in next(
        r["message"] for r in renamed if r["kind"] == "conflicting-dates"
    )
    reviewed = {record["id"]: record["reviewed"] for record in kb.finding_records()}
    assert reviewed[conflict["id"]] is True and sum(reviewed.values()) == 1

    checked.clear()
    (event,) = [e for e in kb.events(c) if e["date"] == "1922-03-16"]
    kb.correct_event_date(event["id"], "1921-03-16")
    corrected = kept(kb)
    assert checked == [c]
    assert corrected == recomputed(kb)
    assert "conflicting-dates" not in {record["kind"] for record in corrected}

    checked.clear()
    kb.undo_edit(kb.edits()[0]["id"])
    undone = kept(kb)
    assert checked == [c]
    assert undone == recomputed(kb) == renamed


def test_ingest_check_keeps_the_findings_and_check_json_stays_the_same(tmp_path, texts, checked):
    import json

    from typer.testing import CliRunner

    from vakanuvis.cli import app

    runner = CliRunner()
    db = str(tmp_path / "checked.db")
    ingested = runner.invoke(app, ["ingest", *map(str, texts.values()), "--db", db, "--check"])
    assert ingested.exit_code == 0, ingested.output
    assert len(checked) == 3  # at the end of the ingest
    checked.clear()
    answer = runner.invoke(app, ["check", "--json", "--db", db])
    assert answer.exit_code == 0 and checked == []  # what the ingest kept
    plain = KnowledgeBase(str(tmp_path / "plain.db"))
    plain.ingest(texts.values())
    assert json.loads(answer.stdout) == [check.finding_record(finding) for finding in plain.findings()]
    unknown = runner.invoke(app, ["check", "nosuchdocument", "--json", "--db", db])
    assert unknown.exit_code != 0
