"""What git ignores, honoured when a directory in a git work tree is searched.

The ``.gitignore`` of each directory from the work tree's root down, then the
repository's ``info/exclude``, with git's precedence: the file nearest to a path
decides, and within a file the last line that matches. The patterns are git's own
(pathspec's GitIgnoreSpec). ``--no-ignore`` turns this off; files named on the command
line are always linted.
"""

from __future__ import annotations

import os


def work_tree(start: str) -> str | None:
    """The root of the git work tree ``start`` is in, or None."""
    here = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _git_dir(root: str) -> str:
    """The directory holding ``info/exclude``: ``.git``, or for a linked work tree (a
    ``.git`` file naming its git directory) the repository's common directory."""
    dot_git = os.path.join(root, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    try:
        with open(dot_git, encoding="utf-8") as fh:
            first = fh.readline().strip()
    except (OSError, UnicodeDecodeError):
        return dot_git
    if not first.startswith("gitdir:"):
        return dot_git
    git_dir = os.path.join(root, first[len("gitdir:"):].strip())
    try:
        with open(os.path.join(git_dir, "commondir"), encoding="utf-8") as fh:
            return os.path.normpath(os.path.join(git_dir, fh.read().strip()))
    except (OSError, UnicodeDecodeError):
        return git_dir


def _spec(path: str):
    from pathspec import GitIgnoreSpec

    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return GitIgnoreSpec.from_lines(fh.read().splitlines())
    except OSError:
        return None


class Ignored:
    """Answers whether git ignores a path below ``root`` (a work tree's root)."""

    def __init__(self, root: str):
        self.root = root
        self._specs: dict[str, object] = {}  # directory → its .gitignore's spec (None: none)
        self.exclude = _spec(os.path.join(_git_dir(root), "info", "exclude"))

    def _dir_spec(self, directory: str):
        if directory not in self._specs:
            self._specs[directory] = _spec(os.path.join(directory, ".gitignore"))
        return self._specs[directory]

    def __call__(self, path: str, is_dir: bool = False) -> bool:
        """Whether ``path`` (a file, or with ``is_dir`` a directory) is ignored."""
        full = os.path.abspath(path)
        suffix = "/" if is_dir else ""
        directory = os.path.dirname(full)
        while True:  # the nearest .gitignore first
            spec = self._dir_spec(directory)
            if spec is not None:
                found = spec.check_file(os.path.relpath(full, directory).replace(os.sep, "/") + suffix).include
                if found is not None:
                    return found
            if directory == self.root or os.path.dirname(directory) == directory:
                break
            directory = os.path.dirname(directory)
        if self.exclude is not None:
            found = self.exclude.check_file(os.path.relpath(full, self.root).replace(os.sep, "/") + suffix).include
            if found is not None:
                return found
        return False


def for_directory(path: str) -> Ignored | None:
    """What git ignores below the directory ``path``, or None when it is not in a work tree
    (or is itself ignored: a directory named on the command line is searched whole)."""
    root = work_tree(path)
    if root is None:
        return None
    ignored = Ignored(root)
    full = os.path.abspath(path)
    if full != root and ignored(full, is_dir=True):
        return None
    return ignored
