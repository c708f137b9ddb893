"""Running the report grammar's LALR tables, as Lark computed them, without re-analysing it.

Lark analyses ``report.lark`` (LALR(1) tables, and how each rule shapes the tree:
inlined ``_rules`` and helper rules, ``[optional]`` placeholders, ``?rule``
expansion). Analysing the grammar and importing Lark take several times longer than
linting a report, so :func:`tables` keeps that analysis as plain data in reportlint's
cache, keyed by the grammar's text, and :func:`parse` runs it: the same shift/reduce
loop and the same tree shaping as Lark's LALR parser, over the line tokens of
``lint.parser``. The tables are rebuilt by Lark whenever the grammar changes; the test
suite checks that both give the same trees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import cache


class Node:
    """A tree node shaped like ``lark.Tree``: ``data`` (the rule) and ``children``."""

    __slots__ = ("data", "children")

    def __init__(self, data: str, children: list):
        self.data, self.children = data, children

    def __repr__(self) -> str:
        return f"Node({self.data!r}, {self.children!r})"


class UnexpectedToken(Exception):
    def __init__(self, token: tuple, expected: list[str]):
        super().__init__(f"unexpected {token[0]} token; expected one of {', '.join(sorted(expected))}")
        self.token, self.expected = token, expected


def extract(parser) -> dict:
    """Plain data for :func:`parse` from a ``lark.Lark`` LALR parser built with maybe_placeholders."""
    from lark.parse_tree_builder import maybe_create_child_filter

    lalr = parser.parser.parser
    table = lalr._parse_table
    options = parser.options
    rules, index = [], {}
    for rule in parser.rules:
        index[rule] = len(rules)
        empty = rule.options.empty_indices if options.maybe_placeholders else None
        filt = maybe_create_child_filter(rule.expansion, rule.options.keep_all_tokens, False, empty)
        if filt is None:
            include, append_none = None, 0
        elif len(filt.args) == 1:  # no placeholders: [(index, expand)]
            include, append_none = [(i, bool(x), 0) for i, x in filt.args[0]], 0
        else:
            include, append_none = [(i, bool(x), n) for i, x, n in filt.args[0]], filt.args[1]
        name = rule.alias or rule.options.template_source or rule.origin.name
        expand1 = bool(rule.options.expand1 and not rule.alias)
        # str(): Lark's names may be its Token class, which would drag Lark into every load
        rules.append((str(name), str(rule.origin.name), len(rule.expansion), include, append_none, expand1))
    states = {}
    for state, actions in table.states.items():
        row = {}
        for symbol, (action, arg) in actions.items():
            # shift/goto: the next state (>= 0); reduce: -1 - the rule's index
            row[str(symbol)] = arg if action.name == "Shift" else -1 - index[arg]
        states[state] = row
    return {"rules": rules, "states": states,
            "start": int(table.start_states["start"]), "end": int(table.end_states["start"])}


_END = ("$END", None)


def parse(tables: dict, tokens: Iterable[tuple]):
    """Parse ``(type, value, …)`` tokens into a tree of :class:`Node`, as Lark would."""
    states, end_state = tables["states"], tables["end"]
    reductions = _reductions(tables)
    state_stack = [tables["start"]]
    value_stack: list = []
    for token in tokens:
        kind = token[0]
        while True:
            action = states[state_stack[-1]].get(kind)
            if action is None:
                raise UnexpectedToken(token, [s for s in states[state_stack[-1]] if s.isupper()])
            if action >= 0:
                state_stack.append(action)
                value_stack.append(token[1])
                break
            _reduce(states, state_stack, value_stack, reductions[-1 - action])
    while True:
        row = states[state_stack[-1]]
        action = row.get("$END")
        if action is None or action >= 0:
            raise UnexpectedToken(_END, [s for s in row if s.isupper()])
        _reduce(states, state_stack, value_stack, reductions[-1 - action])
        if state_stack[-1] == end_state:
            return value_stack[-1]


def _reduce(states: dict, state_stack: list, value_stack: list, reduction: tuple) -> None:
    """Replace a rule's children on top of the stacks by the rule's value and goto state."""
    origin, size, build = reduction
    if size == 1:  # the most common reduction: replace the top in place
        value_stack[-1] = build([value_stack[-1]])
        state_stack[-1] = states[state_stack[-2]][origin]
        return
    if size:
        children = value_stack[-size:]
        del state_stack[-size:]
        del value_stack[-size:]
    else:
        children = []
    value_stack.append(build(children))
    state_stack.append(states[state_stack[-1]][origin])


# The tables last prepared by _reductions, with what it made of them.
_PREPARED: tuple = (None, None)


def _reductions(tables: dict) -> list[tuple]:
    """``(origin, size, builder)`` per rule of ``tables``, made once for the same tables."""
    global _PREPARED
    if _PREPARED[0] is not tables:
        _PREPARED = (tables, [(origin, size, _builder(name, size, include, append_none, expand1))
                              for name, origin, size, include, append_none, expand1 in tables["rules"]])
    return _PREPARED[1]


def _builder(name: str, size: int, include, append_none: int, expand1: bool) -> Callable[[list], object]:
    """The function that turns a rule's popped children into its tree value, as Lark's
    tree builder does: keep the included children, splice in the children of inlined
    rules (``expand``), insert None for each missing ``[optional]``, and let a ``?rule``
    with one child stand for that child (``expand1``).

    The common shapes get a builder of their own, so most reductions do not walk the
    ``include`` list: a rule that keeps all its children; the left recursion of
    ``x*`` / ``x+`` helpers, which grows the list it already has; and a rule that keeps
    its first child and splices in the others (``sec2: H2 para* sec4* sec3*``).
    """
    def finish(children: list):
        if expand1 and len(children) == 1:
            return children[0]
        return Node(name, children)

    plain = not expand1 and not append_none
    if include is None and not expand1:
        return lambda children: Node(name, children)
    if include is None:
        return finish
    if plain and include == [(0, True, 0), (1, False, 0)]:
        def grow(children: list):  # x* / x+ helper: [*first.children, second]
            # The first child is the helper's own node from the step before, held by
            # nothing but this reduction: it takes the second child and the name.
            node = children[0]
            node.children.append(children[1])
            node.data = name
            return node
        return grow
    if plain and include == [(0, False, 0)] + [(i, True, 0) for i in range(1, size)]:
        def first_and_spliced(children: list):  # [first, *second.children, *third.children …]
            kept = [children[0]]
            for child in children[1:]:
                kept += child.children
            return Node(name, kept)
        return first_and_spliced

    def shape(children: list):
        filtered: list = []
        for i, expand, nones in include:
            if nones:
                filtered += [None] * nones
            if expand:
                if filtered:
                    filtered += children[i].children
                else:  # left recursion (para+, sec1*): grow the child's own list, as Lark does,
                    filtered = children[i].children  # rather than copying it at every step
            else:
                filtered.append(children[i])
        if append_none:
            filtered += [None] * append_none
        return finish(filtered)
    return shape


def tables(grammar_path: str, build: Callable[[], object]) -> dict:
    """The tables for the grammar at ``grammar_path``: from the cache, else from ``build()`` (a Lark)."""
    try:
        key = (cache.file_key(grammar_path), cache.code_key(__file__))
    except OSError:
        key = None
    data = cache.load("grammar", key) if key else None
    if not isinstance(data, dict):
        data = extract(build())
        if key:
            cache.store("grammar", key, data)
    return data
