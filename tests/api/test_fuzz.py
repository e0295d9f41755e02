"""The API fuzzed from its own OpenAPI description (schemathesis): no generated request gets a 500, and
every answer is one the document describes (its status, its content type, its schema, its headers).

Each operation of /api/openapi.json gets a bounded number of generated requests (valid and invalid
parameters and bodies), sent to the app in process with a write token, on both databases.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from vakanuvis.api.app import create_app

EXAMPLES_PER_OPERATION = 40
TOKEN = {"Authorization": "Bearer s3cret"}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(api_location, tmp_path):
    app = create_app(api_location, tokens="fuzz:s3cret", upload_folder=tmp_path / "uploads")
    app.state.settings.max_upload_bytes = 64 * 1024  # the fuzzer's files stay small
    yield schemathesis.openapi.from_asgi("/api/openapi.json", app)
    app.state.knowledge_base.engine.dispose()


def fuzz_failures(api_schema, checks, examples: int = EXAMPLES_PER_OPERATION) -> list[str]:
    """Each operation fuzzed with `examples` generated requests; one line per operation that failed."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    failures = []
    for operation in operations:
        cases = st.one_of(operation.as_strategy(mode) for mode in GenerationMode)  # valid and invalid

        @given(case=cases)
        @settings(
            max_examples=examples,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def fuzz(case):
            # With the token, writes reach their handlers instead of stopping at the token check.
            response = case.call(headers=TOKEN)
            case.validate_response(response, checks=checks, headers=TOKEN)

        try:
            fuzz()
        except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 — gather every failing operation
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    return failures


def test_every_generated_request_gets_an_answer_the_document_describes(api_schema):
    failures = fuzz_failures(api_schema, CHECKS)
    assert not failures, "\n\n".join(failures)
