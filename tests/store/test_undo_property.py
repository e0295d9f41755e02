"""Undo as an invariant (hypothesis): on a real knowledge base, any sequence of edits, undos and re-ingests,
once every standing edit is undone (in any order), leaves exactly the state before the first edit; an undo
that is refused is an EditConflict (409 over HTTP) and changes nothing."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from vakanuvis.errors import EditConflict
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.store.edits import review_finding, reviewed_findings

NAMES = ["Yeni Ad", "Gazi Paşa", "Ankara Hükûmeti", "İsmet", "Mustafa Kemal"]
DATES = ["1921", "1922-05", "1923-07-24", "1919-07/1919-08", "1920-04-23"]


def state(kb: KnowledgeBase) -> dict:
    """What `entities --json`, `events --json` and the reviewed findings show."""
    return {
        "entities": sorted(
            (e["id"], e["name"], tuple(e["aliases"]), e["type"], e["mentions"]) for e in kb.entities()
        ),
        "events": sorted(
            (
                e["id"],
                e["date"],
                e["start"],
                e["end"],
                tuple(e["actors"]),
                tuple(e["places"]),
                tuple(sorted((role, tuple(names)) for role, names in e["roles"].items())),
            )
            for e in kb.events()
        ),
        "reviewed": sorted(reviewed_findings(kb.engine)),
    }


@pytest.fixture
def copies_of_a_knowledge_base(database_url, demo_article, tmp_path):
    """A function giving a new copy of one knowledge base holding the demo article (a file copy on SQLite,
    a database made from it as template on PostgreSQL), so each example starts from the same state."""
    template = KnowledgeBase(database_url)
    template.ingest([demo_article])
    template.engine.dispose()
    made: list[KnowledgeBase] = []

    def copy() -> KnowledgeBase:
        number = len(made)
        if "://" not in database_url:
            location = str(tmp_path / f"copy-{number}.db")
            shutil.copyfile(database_url, location)
        else:
            import psycopg

            base, name = database_url.rsplit("/", 1)
            location = f"{base}/{name}_{number}"
            with psycopg.connect(database_url, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{name}_{number}" TEMPLATE "{name}"')
        if made:
            made[-1].engine.dispose()
        made.append(KnowledgeBase(location))
        return made[-1]

    yield copy
    for kb in made:
        kb.engine.dispose()
    if "://" in database_url:
        import psycopg

        base, name = database_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            for number in range(len(made)):
                connection.execute(f'DROP DATABASE IF EXISTS "{name}_{number}" WITH (FORCE)')


def test_undoing_every_edit_in_any_order_restores_the_knowledge_base(
    copies_of_a_knowledge_base, demo_article
):
    kb = copies_of_a_knowledge_base()
    original = state(kb)
    findings = [f["id"] for f in kb.finding_records()][:3] or ["f-one", "f-two"]

    class Edits(RuleBasedStateMachine):
        """Each run starts on a new copy of the knowledge base, in the original state."""

        @initialize(rng=st.randoms(use_true_random=False))
        def start(self, rng):
            nonlocal kb
            kb = copies_of_a_knowledge_base()
            self.rng = rng  # the order the teardown undoes the standing edits in

        @rule(data=st.data(), name=st.sampled_from(NAMES))
        def rename(self, data, name):
            entity = data.draw(st.sampled_from([e["id"] for e in kb.entities()]))
            kb.rename_entity(entity, name, by="alice")

        @rule(data=st.data())
        def merge(self, data):
            keys = [e["id"] for e in kb.entities()]
            chosen = data.draw(st.lists(st.sampled_from(keys), min_size=2, max_size=3, unique=True))
            kb.merge_entities(chosen[0], chosen[1:], by="alice")

        @rule(data=st.data(), edtf=st.sampled_from(DATES))
        def correct_date(self, data, edtf):
            event = data.draw(st.sampled_from([e["id"] for e in kb.events()]))
            kb.correct_event_date(event, edtf, by="bob")

        @rule(finding=st.sampled_from(findings), reviewed=st.booleans())
        def review(self, finding, reviewed):
            # the demo article may give no finding: the store's own call takes any stable id
            review_finding(kb.engine, finding, reviewed, "bob")

        @precondition(lambda self: bool(kb.edits()))
        @rule(data=st.data())
        def undo(self, data):
            edit = data.draw(st.sampled_from(kb.edits()))
            self._undo(edit)

        @rule()
        def ingest_again(self):
            kb.ingest([demo_article], force=True)

        def _undo(self, edit):
            before = (state(kb), kb.edits())
            try:
                kb.undo_edit(edit["id"], by="carol")
            except EditConflict:
                assert (state(kb), kb.edits()) == before
                assert edit["undone"], f"edit {edit['id']} was refused though it stands"

        @invariant()
        def reviewed_are_the_standing_reviews(self):
            standing: dict[str, bool] = {}
            for edit in reversed(kb.edits()):
                if edit["action"] == "review-finding" and not edit["undone"]:
                    standing[edit["target"]] = edit["after"]["reviewed"]
            assert state(kb)["reviewed"] == sorted(k for k, v in standing.items() if v)

        def teardown(self):
            standing = [e for e in kb.edits() if not e["undone"]]
            self.rng.shuffle(standing)
            for edit in standing:
                self._undo(edit)
            assert state(kb) == original

    run_state_machine_as_test(
        Edits,
        settings=settings(
            max_examples=25,
            stateful_step_count=8,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )


def test_a_refused_undo_is_a_409_over_http(database_url, demo_article, tmp_path):
    from fastapi.testclient import TestClient

    from vakanuvis.api.app import create_app

    kb = KnowledgeBase(database_url)
    kb.ingest([demo_article])
    entity = kb.entities()[0]["id"]
    edit = kb.rename_entity(entity, "Yeni Ad", by="alice")
    kb.engine.dispose()
    app = create_app(database_url, tokens="alice:s3cret", upload_folder=tmp_path / "uploads")
    with TestClient(app) as client:
        headers = {"Authorization": "Bearer s3cret"}
        assert client.post(f"/api/edits/{edit['id']}/undo", headers=headers).status_code == 200
        again = client.post(f"/api/edits/{edit['id']}/undo", headers=headers)
        assert again.status_code == 409 and f"edit {edit['id']} was already undone" in again.json()["detail"]
    app.state.knowledge_base.engine.dispose()
