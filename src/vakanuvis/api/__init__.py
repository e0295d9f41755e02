"""The HTTP API: FastAPI app, thin routes over the store's query and edit functions."""
