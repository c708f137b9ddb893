"""``python -m lint.scale``: lint an archive on a Dask cluster, the findings written as Parquet.

For audits of a whole archive — hundreds of thousands of reports across departments and
years — that outgrow one machine::

    python -m lint.scale archive/ --output audit/                 # a LocalCluster on this machine
    python -m lint.scale archive/ -o audit/ --scheduler tcp://10.0.0.5:8786
    python -m lint.scale --from paths.txt -o audit/               # paths or URLs, one a line

The documents (files and directories, found as ``reportlint`` finds them, or paths and
URLs listed in a file) go into a Dask bag, in path order, which the cluster lints
through lint.api with the run's configuration (``--config``, else the one found from the
current directory, as ``reportlint`` does). Each worker writes its partitions' findings
and the run's summaries go beside them:

- ``OUTPUT/findings/part-NNNNN.parquet``: one row per finding, the columns of
  ``reportlint --format json`` (``fix`` a struct, or null); read the directory as one
  table (``pyarrow.parquet.read_table``) to have them in the command line's order;
- ``OUTPUT/by_rule.parquet``: per rule, its findings and the files that have one;
- ``OUTPUT/by_folder.parquet``: per folder, its files, those with findings, their
  findings and the files that could not be read.

A file that cannot be read is a ``read-error`` finding, as on the command line. Workers
read the documents and write the Parquet files themselves, so with a remote scheduler
both must be on storage every worker sees (URLs are read with fsspec: ``http(s)://``
needs aiohttp, ``s3://`` needs s3fs). Exit status as ``reportlint``'s: 0 no findings,
1 findings, 2 usage or I/O error.

Needs the ``scale`` extra: ``pip install 'reportlint[scale]'`` (dask[bag], distributed,
pyarrow).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from . import api
from .errors import UsageError
from .findings import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, READ_ERROR, fails, read_error

DEFAULT_PARTITION = 100  # documents per task: enough to outweigh a task's overhead


def is_url(source: str) -> bool:
    return "://" in source


def folder_of(path: str) -> str:
    """The folder a document is summarised under: its path up to the last separator."""
    cut = max(path.rfind("/"), path.rfind(os.sep))
    return path[:cut] if cut > 0 else "."


# --- on the workers ------------------------------------------------------------------------------


def lint_source(source: str, config: api.Config, base: str = "") -> dict:
    """One document's findings (as the JSON output's objects) and its folder. A relative
    path is read from ``base`` (the directory the run was started in, which a worker's
    own current directory need not be) and reported as given."""
    try:
        if is_url(source):
            import fsspec

            with fsspec.open(source, "rb") as fh:
                data = fh.read()
        else:
            with open(os.path.join(base, source), "rb") as fh:
                data = fh.read()
    except OSError as exc:
        findings = [read_error(source, f"cannot read file: {exc.strerror or exc}")]
    else:
        findings = api.lint_bytes(data, source, config=config)
    return {"path": source, "folder": folder_of(source), "findings": [f.as_dict() for f in findings]}


def schema():
    import pyarrow as pa

    position = [(name, pa.int32()) for name in ("line", "column", "end_line", "end_column")]
    return pa.schema([("path", pa.string()), *position, ("rule", pa.string()), ("code", pa.string()),
                      ("severity", pa.string()), ("message", pa.string()),
                      ("fix", pa.struct([*position, ("replacement", pa.string())]))])


def write_part(index: int, records: list[dict], output: str) -> dict:
    """Write a partition's findings as ``findings/part-INDEX.parquet``; return its counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [f for record in records for f in record["findings"]]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema()),
                   os.path.join(output, "findings", f"part-{index:05d}.parquet"))
    return counts(records)


def counts(records: list[dict]) -> dict:
    """What the summaries add up: per rule (findings, files), per folder (files, files with
    findings, findings, unreadable files), and the severities found."""
    rules: dict[tuple, list[int]] = {}
    folders: dict[str, list[int]] = {}
    severities: set[str] = set()
    for record in records:
        findings = record["findings"]
        folder = folders.setdefault(record["folder"], [0, 0, 0, 0])
        folder[0] += 1
        folder[1] += bool(findings)
        folder[2] += len(findings)
        folder[3] += any(f["rule"] == READ_ERROR[0] for f in findings)
        seen = set()
        for f in findings:
            key = (f["rule"], f["code"])
            entry = rules.setdefault(key, [0, 0])
            entry[0] += 1
            if key not in seen:
                seen.add(key)
                entry[1] += 1
            severities.add(f["severity"])
    return {"rules": rules, "folders": folders, "severities": severities, "files": len(records)}


# --- on the client ---------------------------------------------------------------------------------


def combine(parts: list[dict]) -> dict:
    total = {"rules": {}, "folders": {}, "severities": set(), "files": 0}
    for part in parts:
        for key, (findings, files) in part["rules"].items():
            entry = total["rules"].setdefault(key, [0, 0])
            entry[0] += findings
            entry[1] += files
        for folder, values in part["folders"].items():
            entry = total["folders"].setdefault(folder, [0, 0, 0, 0])
            for i, value in enumerate(values):
                entry[i] += value
        total["severities"] |= part["severities"]
        total["files"] += part["files"]
    return total


def write_summaries(total: dict, output: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rules = sorted(total["rules"].items(), key=lambda kv: (-kv[1][0], kv[0][1]))
    pq.write_table(pa.table({
        "rule": pa.array([rule for (rule, _code), _ in rules], pa.string()),
        "code": pa.array([code for (_rule, code), _ in rules], pa.string()),
        "findings": pa.array([n for _, (n, _files) in rules], pa.int64()),
        "files": pa.array([files for _, (_n, files) in rules], pa.int64()),
    }), os.path.join(output, "by_rule.parquet"))
    folders = sorted(total["folders"].items())
    columns = ("files", "files_with_findings", "findings", "unreadable")
    pq.write_table(pa.table({
        "folder": pa.array([folder for folder, _ in folders], pa.string()),
        **{name: pa.array([values[i] for _, values in folders], pa.int64()) for i, name in enumerate(columns)},
    }), os.path.join(output, "by_folder.parquet"))


def run(sources: list[str], output: str, config: api.Config, client, partition_size: int = DEFAULT_PARTITION) -> dict:
    """Lint ``sources`` on ``client``'s cluster, write the Parquet files into ``output``;
    return the run's totals (see :func:`counts`)."""
    import dask
    import dask.bag as db

    output = os.path.abspath(output)  # written by the workers, wherever they run
    os.makedirs(os.path.join(output, "findings"), exist_ok=True)
    if not sources:
        return combine([write_part(0, [], output)]) | {"seconds": 0.0}
    start = time.perf_counter()
    shared = dask.delayed(config, pure=True)  # sent to each worker once, not with every task
    linted = db.from_sequence(sources, partition_size=partition_size).map(lint_source, shared, os.getcwd())
    parts = [dask.delayed(write_part)(index, part, output) for index, part in enumerate(linted.to_delayed())]
    total = combine(client.gather(client.compute(parts)))
    total["seconds"] = time.perf_counter() - start
    write_summaries(total, output)
    return total


# --- the command line ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m lint.scale",
        description="Lint an archive on a Dask cluster; write the findings as Parquet (one row per finding) "
                    "with summaries per rule and per folder.",
        epilog="Exit status: 0 no findings, 1 findings, 2 usage or I/O error.")
    p.add_argument("sources", nargs="*", metavar="PATH",
                   help="files and directories (searched as reportlint searches them), or URLs")
    p.add_argument("--from", dest="lists", action="append", default=[], metavar="FILE",
                   help="a file listing paths or URLs, one a line ('-': standard input); may be repeated")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help="directory for findings/, by_rule.parquet and by_folder.parquet (new or empty)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler (tcp://host:8786); default: a LocalCluster on this machine")
    p.add_argument("--timeout", type=float, default=30, metavar="SECONDS",
                   help="how long to try to reach the --scheduler (default: 30)")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="workers of the LocalCluster, one process each (default: one per CPU)")
    p.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION, metavar="N",
                   help=f"documents per task (default: {DEFAULT_PARTITION})")
    p.add_argument("--config", metavar="FILE", help="configuration file instead of the one found upward")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--profile", metavar="NAME", help="document profile (default: chosen from each title)")
    return p


def gather_sources(args, settings, errors: list[str]) -> list[str]:
    """The documents to lint, in path order, each once."""
    from .files import discover

    local, urls = [], []
    for source in args.sources:
        (urls if is_url(source) else local).append(source)
    for listing in args.lists:
        try:
            if listing == "-":
                lines = sys.stdin.read().splitlines()
            else:
                with open(listing, encoding="utf-8") as fh:
                    lines = fh.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--from {listing}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        for line in (line.strip() for line in lines):
            if line and not line.startswith("#"):
                (urls if is_url(line) else local).append(line)
    found = discover(local, errors, settings.accepts) if local else []
    return sorted(set(found) | set(urls))


def check_output(output: str) -> None:
    if os.path.exists(output) and (not os.path.isdir(output) or os.listdir(output)):
        raise UsageError(f"--output {output}: exists and is not an empty directory; choose a new one "
                         "(nothing is overwritten)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return scale(args)
    except UsageError as exc:
        print(f"reportlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def scale(args) -> int:
    from . import config as configuration

    try:
        import dask  # noqa: F401
        import distributed
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"python -m lint.scale needs the scale extra ({exc.name} is missing): "
                         "pip install 'reportlint[scale]'") from None
    if not args.sources and not args.lists:
        raise UsageError("no PATH given (and no --from FILE)")
    if args.partition_size < 1 or args.workers < 0:
        raise UsageError("--partition-size must be at least 1 and --workers at least 0")
    settings = configuration.resolve(argparse.Namespace(
        isolated=args.isolated, config=args.config, select=None, ignore=None, profile=args.profile, rules=[]))
    config = api.Config.from_settings(settings)
    check_output(args.output)
    errors: list[str] = []
    sources = gather_sources(args, settings, errors)

    if args.scheduler:
        try:
            client = distributed.Client(args.scheduler, timeout=args.timeout)
        except (OSError, ValueError) as exc:  # no scheduler there (TimeoutError is an OSError), a bad address
            raise UsageError(f"--scheduler {args.scheduler}: cannot connect: {exc}") from None
        cluster = None
    else:
        from .parallel import cpu_count

        cluster = distributed.LocalCluster(n_workers=args.workers or cpu_count(), threads_per_worker=1,
                                           processes=True, dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        workers = len(client.scheduler_info()["workers"])
        total = run(sources, args.output, config, client, args.partition_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    for message in errors:
        print(f"reportlint: error: {message}", file=sys.stderr)
    findings = sum(n for n, _files in total["rules"].values())
    rate = total["files"] / total["seconds"] if total["seconds"] else 0.0
    print(f"reportlint: linted {total['files']} files on {workers} workers in {total['seconds']:.1f}s "
          f"({rate:.0f} files/s): {findings} findings; wrote {args.output}", file=sys.stderr)
    unreadable = sum(values[3] for values in total["folders"].values())
    if errors or unreadable:
        return EXIT_ERROR
    return EXIT_FINDINGS if any(fails(s, settings.fail_on) for s in total["severities"]) else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
