"""The workflows' services: ``process_single_{source}_for_{workflow}``, one module per workflow.

Each is called by the engine outside any transaction with a claimed row, does its I/O, and
returns a ``persist()`` callable that the engine runs atomically with marking the row Complete
(see :mod:`processing.engine`).
"""
