"""Engine fixtures; the helpers live in engine_support (a unique module name: several test
folders have a conftest, so tests must not import from "conftest")."""

from engine_support import record_file, recording, workers

__all__ = ["record_file", "recording", "workers"]
