"""The fault suite: faults injected into the running pipeline, and what it lost, duplicated and took to recover."""
