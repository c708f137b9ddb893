"""The base of reportlint's small data classes.

``dataclasses`` imports ``inspect`` and writes each class's methods as source code
that it compiles: for reportlint's twenty classes that was a third of the start-up of
linting one file. A record lists its fields in ``__slots__`` (also the order of
``repr`` and equality) and writes its own ``__init__``; this base gives it
``__repr__`` and ``__eq__`` over those fields, leaving out the ones in ``_hidden``.
Slots also make the many small objects of a run (lines, paragraphs, findings)
smaller and quicker to make.
"""

from __future__ import annotations


class Record:
    __slots__ = ()
    _hidden: tuple[str, ...] = ()  # fields neither shown by repr nor compared

    def _shown(self) -> list[str]:
        return [name for name in self.__slots__ if name not in self._hidden]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown())
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._shown())

    __hash__ = None  # mutable, like the data classes they replace
