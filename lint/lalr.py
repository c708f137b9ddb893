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

from typing import Callable, Iterable

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


def parse(tables: dict, tokens: Iterable[tuple]):
    """Parse ``(type, value, …)`` tokens into a tree of :class:`Node`, as Lark would."""
    states, rules, end_state = tables["states"], tables["rules"], tables["end"]
    state_stack = [tables["start"]]
    value_stack: list = []

    def reduce(number: int) -> None:
        _name, origin, size, include, append_none, expand1 = rule = rules[number]
        if size:
            children = value_stack[-size:]
            del state_stack[-size:]
            del value_stack[-size:]
        else:
            children = []
        if include is not None:
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
            children = filtered
        value = children[0] if expand1 and len(children) == 1 else Node(rule[0], children)
        state_stack.append(states[state_stack[-1]][origin])
        value_stack.append(value)

    for token in tokens:
        while True:
            row = states[state_stack[-1]]
            action = row.get(token[0])
            if action is None:
                raise UnexpectedToken(token, [s for s in row if s.isupper()])
            if action >= 0:
                state_stack.append(action)
                value_stack.append(token[1])
                break
            reduce(-1 - action)
    end = ("$END", None)
    while True:
        row = states[state_stack[-1]]
        action = row.get("$END")
        if action is None or action >= 0:
            raise UnexpectedToken(end, [s for s in row if s.isupper()])
        reduce(-1 - action)
        if state_stack[-1] == end_state:
            return value_stack[-1]


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
