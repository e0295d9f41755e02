"""Error types whose messages a historian can read; the CLI prints them as one line."""


class VakanuvisError(Exception):
    """Base of every error the tool reports to its user."""

    exit_code = 1


class UnreadableFile(VakanuvisError):
    """A file that cannot be turned into a document (missing, empty, binary, damaged, no text layer)."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


class UnknownDocument(VakanuvisError):
    def __init__(self, document_id: str) -> None:
        super().__init__(f"no document with id {document_id!r} (see `vakanuvis documents`)")


class UnknownRecord(VakanuvisError):
    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(f"no {kind} with id {record_id!r}")


class BadDatabase(VakanuvisError):
    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"cannot use database {url}: {why}")


class BadOption(VakanuvisError):
    exit_code = 2


class BadEdit(VakanuvisError):
    """An edit of the knowledge base that cannot be made as asked (empty name, not an EDTF date...)."""

    exit_code = 2


class EditConflict(BadEdit):
    """An undo the knowledge base's present state does not allow (already undone, a later edit needs it)."""
