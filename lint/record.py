"""The base of reportlint's small data classes.

``dataclasses`` imports ``inspect`` and writes each class's methods as source code
that it compiles: for reportlint's twenty classes that was a third of the start-up of
linting one file. A :class:`Record` lists its fields in ``__slots__`` (also the order
of ``repr`` and equality) and writes its own ``__init__``; the base gives it
``__repr__`` and ``__eq__`` over those fields, leaving out the ones in ``_hidden``.
Slots also make the many small objects of a run (lines, paragraphs, findings)
smaller and quicker to make. A :class:`Value` is an immutable record.
"""

from __future__ import annotations

from operator import itemgetter


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


class Value(tuple):
    """An immutable record: a tuple whose items are named by ``_fields``.

    What ``collections.namedtuple`` makes, without generating code: the class writes
    its ``__new__``; the fields become read-only properties. A value equals only a
    value of its own class (not a plain tuple), and can be hashed.
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for index, name in enumerate(cls._fields):
            setattr(cls, name, property(itemgetter(index), doc=f"Field {index}: {name}."))

    def __getnewargs__(self) -> tuple:  # for pickle: __new__ takes the fields one by one
        return tuple(self)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and tuple.__eq__(self, other)

    def __ne__(self, other) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def _replace(self, **changes):
        return type(self)(*(changes.pop(name, value) for name, value in zip(self._fields, self)))

    def _asdict(self) -> dict:
        return dict(zip(self._fields, self))
