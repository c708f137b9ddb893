"""Rule packs: the YAML files that hold the rules' data.

The default pack ships with reportlint (``rules/default.yaml`` in the source tree,
``lint/packs/`` in an installed wheel). ``--rules FILE`` adds a user's pack on top:
its pattern lists extend the defaults, and a profile's ``sections`` replace that
profile's required sections. Every mistake in a pack is reported with the file,
line and column of the offending value.
"""

from __future__ import annotations

import os
import re

from .errors import FileError
from .matcher import Matcher
from .printable import UNSAFE
from .record import Record
from .yaml_source import compose, plain, position

DEFAULT_PACK_NAME = "default.yaml"


class SectionSpec(Record):
    __slots__ = ("name", "headings", "examples", "keywords", "openings", "body")

    def __init__(self, name: str, headings: Matcher, examples: list[str] | None = None,
                 keywords: Matcher | None = None, openings: Matcher | None = None, body: bool = False):
        self.name = name
        self.headings = headings  # its usual wordings (section-order uses these)
        self.examples = [] if examples is None else examples  # headings that satisfy it, for messages
        self.keywords = Matcher() if keywords is None else keywords  # words a heading of this part holds
        self.openings = Matcher() if openings is None else openings  # how a paragraph of this part opens
        self.body = body  # text before the later parts' first heading counts as this part


class Profile(Record):
    __slots__ = ("name", "title", "sections", "text")

    def __init__(self, name: str, title: Matcher | None = None, sections: list[SectionSpec] | None = None,
                 text: Matcher | None = None):
        self.name = name
        self.title = Matcher() if title is None else title
        self.sections = [] if sections is None else sections
        # sentences that mark a document of this kind whatever its title (a guide about
        # writing a 工作总结 is no 工作总结): TEXT_MARKS of them in its text choose it
        self.text = Matcher() if text is None else text


class Pack(Record):
    __slots__ = ("default_profile", "profiles", "lists", "mappings", "words", "sources", "user_lists",
                 "default_where", "derived")
    _hidden = ("default_where", "derived")

    def __init__(self, default_profile: str = "", profiles: dict[str, Profile] | None = None,
                 lists: dict[str, Matcher] | None = None, mappings: dict[str, dict[str, str]] | None = None,
                 sources: list[str] | None = None):
        self.default_profile = default_profile
        self.profiles = {} if profiles is None else profiles
        # "placeholder.patterns" → its patterns as one Matcher, and so on for every list in LISTS
        self.lists = {} if lists is None else lists
        # "typos" → {wrong: right}, and so on for every mapping in MAPPINGS
        self.mappings = {} if mappings is None else mappings
        # "typos" → a Matcher of the mapping's words (as plain text, the longest first)
        self.words = {key: _words(mapping) for key, mapping in self.mappings.items()}
        self.sources = [] if sources is None else sources
        self.user_lists: set[str] = set()  # the lists a user's pack added patterns to
        self.default_where = ("", 1, 1)  # where default_profile was set, for an error about it
        self.derived: dict = {}  # what other modules work out from the pack once (lint.debris)

    def matcher(self, key: str) -> Matcher | None:
        """The patterns of the list ``key`` as one Matcher (None when there are none)."""
        return self.lists.get(key) or None

    def patterns(self, key: str) -> list[str]:
        """The patterns of the list ``key`` as written."""
        return self.lists[key].sources if key in self.lists else []

    def extended(self, key: str) -> bool:
        """Whether a user's pack added patterns to the list ``key``."""
        return key in self.user_lists

    def profile(self, name: str | None = None) -> Profile:
        return self.profiles[name or self.default_profile]


def _words(mapping: dict[str, str]) -> Matcher:
    return Matcher.of([re.escape(word) for word in sorted(mapping, key=len, reverse=True)])


# Lists of regular expressions a pack may hold: key → what it is for (shown in errors).
LISTS = {
    "placeholder.patterns": "placeholder patterns",
    "placeholder.allow": "text the placeholder rule leaves alone",
    "watermark.markers": "paywall markers (only the marker is debris)",
    "watermark.paywall": "paywalls and hidden-text notes inside a line",
    "watermark.pieces": "the number of one report in a collection page",
    "watermark.tags": "a site's tag or related link glued to a title",
    "watermark.sites": "a site's name and web address left in the text",
    "watermark.leftovers": "what a text generator or a site's template left in a line",
    "watermark.lines": "advert line patterns",
    "watermark.intros": "site intros and outros around a report",
    "watermark.docsite": "doc-sharing sites' headers and notices",
    "watermark.furniture": "page furniture: breadcrumbs, dates, views, share bars",
    "watermark.copyright": "copyright and takedown lines",
    "watermark.spam": "gambling and SEO spam lines",
    "watermark.collection": "the title of a collection of reports",
    "watermark.hints": "advert phrases that count only outside report prose",
    "watermark.allow": "text the watermark rule leaves alone",
    "watermark.docsite-keys": "words one of which every match of watermark.docsite holds",
    "watermark.intros-keys": "words one of which every match of watermark.intros holds",
    "watermark.lines-keys": "words one of which every match of watermark.lines holds",
    "watermark.hints-keys": "words one of which every match of watermark.hints holds",
    "watermark.furniture-keys": "words one of which every match of watermark.furniture holds",
    "watermark.copyright-keys": "words one of which every match of watermark.copyright holds",
    "watermark.spam-keys": "words one of which every match of watermark.spam holds",
    "watermark.collection-keys": "words one of which every match of watermark.collection holds",
    "watermark.markers-keys": "words one of which every match of watermark.markers holds",
    "watermark.paywall-keys": "words one of which every match of watermark.paywall holds",
    "watermark.pieces-keys": "words one of which every match of watermark.pieces holds",
    "watermark.tags-keys": "words one of which every match of watermark.tags holds",
    "watermark.sites-keys": "words one of which every match of watermark.sites holds",
    "watermark.leftovers-keys": "words one of which every match of watermark.leftovers holds",
    "common-typo.allow": "text the common-typo rule leaves alone",
}
# Lists of plain words rather than patterns: the lists whose key ends so.
WORDS = "-keys"
# The keys of a required section in a profile.
SECTION_KEYS = ("name", "headings", "examples", "keywords", "openings", "body")
# Mappings of plain strings a pack may hold.
MAPPINGS: dict[str, str] = {
    "typos": "common typos (wrong: right)",
}


def default_pack_path() -> str:
    here = os.path.dirname(os.path.realpath(__file__))  # os.path: pathlib costs start-up time
    for candidate in (os.path.join(here, "packs", DEFAULT_PACK_NAME),
                      os.path.join(os.path.dirname(here), "rules", DEFAULT_PACK_NAME)):
        if os.path.isfile(candidate):
            return candidate
    raise FileNotFoundError("the default rule pack is missing from this installation")


def load(paths: list[str] | tuple[str, ...] = ()) -> Pack:
    """The default pack with the given user packs applied in order."""
    pack = _default_pack()
    for path in paths:
        _apply(pack, path, is_default=False)
    return pack


def _default_pack() -> Pack:
    """The default pack, from reportlint's cache while nothing it is made from has changed."""
    from . import cache

    path = default_pack_path()
    try:
        key = cache_key(path)
    except OSError:
        key = None  # unreadable: let _apply report it
    pack = cache.load("default-pack.pickle", key) if key else None
    if not isinstance(pack, Pack):
        pack = Pack()
        _apply(pack, path, is_default=True)
        if key:
            cache.store("default-pack.pickle", key, pack)
    return pack


def cache_key(path: str) -> str:
    """The default pack's key in reportlint's cache: the pack's bytes and PyYAML's release
    (with reportlint's own code and Python's version, see lint.cache.key)."""
    import importlib.util

    from . import cache

    with open(path, "rb") as fh:
        pack = fh.read()
    spec = importlib.util.find_spec("yaml")  # its package names its version; not imported here
    with open(spec.origin, "rb") as fh:
        yaml_release = fh.read()
    return cache.key(pack, yaml_release)


class _Reader:
    def __init__(self, path: str, trusted: bool = False):
        self.path = path
        self.trusted = trusted  # the default pack: plain ``re``; user packs: see lint/regex.py

    def check_tag(self, node) -> None:
        if not plain(node):
            raise self.error(node, f"YAML tag {node.tag!r} is not allowed in a rule pack")

    def error(self, node, message: str) -> FileError:
        return FileError(self.path, *position(node), message)

    def mapping(self, node, what: str) -> list[tuple[str, object, object]]:
        import yaml

        self.check_tag(node)
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping")
        out, seen = [], set()
        for key, value in node.value:
            name = self.string(key, f"a key in {what}")
            if name in seen:
                raise self.error(key, f"duplicate key {name!r} in {what}")
            seen.add(name)
            out.append((name, key, value))
        return out

    def sequence(self, node, what: str) -> list:
        import yaml

        self.check_tag(node)
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return node.value

    def string(self, node, what: str) -> str:
        import yaml

        self.check_tag(node)
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool")) or not str(node.value):
            raise self.error(node, f"{what} must be a non-empty string")
        return str(node.value)

    def regex(self, node, what: str):
        from .regex import PatternError, compile_pattern

        text = self.string(node, what)
        if self.trusted:  # the default pack's patterns are each checked by the test suite
            return text  # (tests/test_packs.py), not compiled one by one by every cold run
        try:
            pattern = compile_pattern(text)
        except PatternError as exc:
            raise self.error(node, f"{what}: {exc}") from None
        if pattern.match(""):
            raise self.error(node, f"{what}: pattern {text!r} matches the empty string")
        return pattern

    def boolean(self, node, what: str) -> bool:
        import yaml

        self.check_tag(node)
        if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":bool"):
            raise self.error(node, f"{what} must be true or false")
        return node.value.lower() in ("true", "yes", "on")

    def words(self, node, what: str) -> Matcher:
        """Plain words, as patterns that match them as written."""
        return Matcher.of([re.escape(self.string(item, what)) for item in self.sequence(node, what)])

    def regexes(self, node, what: str) -> Matcher:
        return Matcher.of([self.regex(item, what) for item in self.sequence(node, what)])


def _apply(pack: Pack, path: str, is_default: bool) -> None:
    import yaml

    root = compose(path, "rule pack")
    pack.sources.append(path)
    if root is None:
        return  # an empty pack changes nothing
    r = _Reader(path, trusted=is_default)
    known = {"version", "default_profile", "profiles"} | {k.split(".")[0] for k in LISTS} | set(MAPPINGS)
    for name, key, value in r.mapping(root, "a rule pack"):
        if name not in known:
            raise r.error(key, f"unknown key {name!r} (expected one of: {', '.join(sorted(known))})")
        if name == "version":
            if not (isinstance(value, yaml.ScalarNode) and value.value == "1"):
                raise r.error(value, "unsupported rule pack version (this reportlint reads version 1)")
        elif name == "default_profile":
            pack.default_profile = r.string(value, "default_profile")
            pack.default_where = (path, *position(value))
        elif name == "profiles":
            _apply_profiles(pack, r, value)
        elif name in MAPPINGS:
            target = pack.mappings.setdefault(name, {})
            for wrong, _k, right in r.mapping(value, name):
                target[wrong] = r.string(right, f"{name}.{wrong}")
                if UNSAFE.search(target[wrong]):  # a fix would write it into the document
                    raise r.error(right, f"{name}.{wrong}: a replacement must not hold control characters")
            pack.words[name] = _words(target)
        else:
            allowed = sorted(k.split(".", 1)[1] for k in LISTS if k.startswith(name + "."))
            for sub, subkey, subvalue in r.mapping(value, name):
                full = f"{name}.{sub}"
                if full not in LISTS:
                    raise r.error(subkey, f"unknown key {sub!r} in {name} (expected one of: {', '.join(allowed)})")
                found = r.words(subvalue, full) if full.endswith(WORDS) else r.regexes(subvalue, full)
                pack.lists[full] = pack.lists.get(full, Matcher()) + found
                if not is_default:  # what the default pack's lists no longer say alone
                    pack.user_lists.add(full)
    if pack.default_profile and pack.default_profile not in pack.profiles:
        where = pack.default_where if pack.default_where[0] else (path, *position(root))
        raise FileError(*where, f"default_profile {pack.default_profile!r} is not a profile")


def _apply_profiles(pack: Pack, r: _Reader, node) -> None:
    for pname, _key, pnode in r.mapping(node, "profiles"):
        profile = pack.profiles.get(pname) or Profile(pname)
        for name, key, value in r.mapping(pnode, f"profile {pname}"):
            if name == "title":
                profile.title = profile.title + r.regexes(value, f"profiles.{pname}.title")
            elif name == "text":
                profile.text = profile.text + r.regexes(value, f"profiles.{pname}.text")
            elif name == "sections":
                sections = []
                for item in r.sequence(value, f"profiles.{pname}.sections"):
                    fields = {n: (k, v) for n, k, v in r.mapping(item, "a section")}
                    for n, (k, _v) in fields.items():
                        if n not in SECTION_KEYS:
                            raise r.error(k, f"unknown key {n!r} in a section (expected {', '.join(SECTION_KEYS)})")
                    if "name" not in fields or "headings" not in fields:
                        raise r.error(item, "a section needs both 'name' and 'headings'")
                    heads = r.regexes(fields["headings"][1], f"profiles.{pname}.sections.headings")
                    if not heads:
                        raise r.error(fields["headings"][1], "a section needs at least one heading pattern")
                    examples = [r.string(e, "a section example") for e in
                                r.sequence(fields["examples"][1], "examples")] if "examples" in fields else []
                    keywords, openings = ([r.regexes(fields[k][1], f"profiles.{pname}.sections.{k}")
                                           if k in fields else Matcher() for k in ("keywords", "openings")])
                    body = r.boolean(fields["body"][1], "a section's body") if "body" in fields else False
                    sections.append(SectionSpec(r.string(fields["name"][1], "a section's name"), heads, examples,
                                                keywords, openings, body))
                profile.sections = sections  # a pack's sections replace the profile's
            else:
                raise r.error(key, f"unknown key {name!r} in profile {pname} (expected title, text, sections)")
        pack.profiles[pname] = profile

