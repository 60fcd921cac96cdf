#!/usr/bin/env python3
"""Repair (or check) a JSON Lines corpus with zhlens on a Dask distributed cluster.

The corpus is read with dask.bag.read_text, which cuts every input file into partitions at line
ends (--blocksize); each partition goes through `zhlens repair --jsonl` (or `detect --jsonl`)
on whichever worker Dask gives it, and comes back as one output file, part-NNNNN.jsonl, in input
order: concatenated, the parts are the corpus with one record per record read. Each partition
also writes its corpus report; the job merges them with `zhlens report` into report.json and
prints the readable form. Nothing is written over the input.

The same script runs on one laptop (a scheduler and workers on 127.0.0.1) or on a cluster; the
workers need Node and zhlens (`--zhlens "node /opt/zhlens/dist/cli.js"`), and the input and
output paths must be reachable from every worker (a shared file system, or any URL fsspec
reads, such as s3:// with s3fs installed).

    dask-scheduler --host 127.0.0.1 --scheduler-file sched.json &
    dask-worker --scheduler-file sched.json --nthreads 1 &    # one per core, on each machine
    python3 recipes/dask/zhlens_dask.py --scheduler-file sched.json \
        --zhlens "node dist/cli.js" 'crawl/*.jsonl' repaired/

Uses only Debian's python3-dask and python3-distributed (and what they depend on).
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

import dask
import dask.bag as db
import fsspec
from distributed import Client, get_worker


def zhlens_partition(lines, index, output, zhlens, command, options):
    """One partition through the zhlens CLI's streaming mode; writes part-NNNNN.jsonl, returns what the driver checks."""
    started = time.monotonic()
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8", "surrogateescape")
    # The report goes to a local temporary file first: zhlens writes it by renaming, which an
    # object store cannot do.
    with tempfile.TemporaryDirectory(prefix="zhlens-dask-") as tmp:
        report = os.path.join(tmp, "report.json")
        run = subprocess.run(
            [*zhlens, command, "--jsonl", "--report", report, *options],
            input=data,
            capture_output=True,
            check=False,
        )
        if run.returncode != 0:
            raise RuntimeError(f"zhlens failed on partition {index} (exit {run.returncode}): {run.stderr.decode(errors='replace')[-2000:]}")
        with open(report, encoding="utf-8") as f:
            report_text = f.read()
    with fsspec.open(f"{output}/part-{index:05d}.jsonl", "wb") as out:
        out.write(run.stdout)
    with fsspec.open(f"{output}/part-{index:05d}.report.json", "w", encoding="utf-8") as f:
        f.write(report_text)
    try:
        worker = get_worker().name
    except ValueError:  # run without a cluster (dask's local scheduler)
        worker = None
    return {
        "partition": index,
        "lines_in": len(lines),
        "lines_out": run.stdout.count(b"\n"),
        "worker": worker,
        "seconds": round(time.monotonic() - started, 3),
        "report": report_text,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="+", help="JSON Lines files or globs (any URL fsspec reads)")
    parser.add_argument("output", help="folder for part-NNNNN.jsonl, their reports and report.json")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="scheduler address, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--scheduler-file", help="the file dask-scheduler --scheduler-file wrote")
    parser.add_argument("--min-workers", type=int, default=1, help="wait for this many workers before starting")
    parser.add_argument("--zhlens", default="zhlens", help='how workers run zhlens (default "zhlens"; e.g. "node /opt/zhlens/dist/cli.js")')
    parser.add_argument("--command", choices=["repair", "detect"], default="repair")
    parser.add_argument("--blocksize", default="64MiB", help="partition size (default 64MiB; cut at line ends)")
    parser.add_argument("--jobs", type=int, default=1, help="zhlens threads per partition (default 1: Dask already runs one task per worker thread)")
    parser.add_argument("--text-field", help="zhlens --text-field")
    parser.add_argument("--source-field", help="zhlens --source-field")
    parser.add_argument("--script", choices=["keep", "simplified", "traditional"], help="repair --script")
    args = parser.parse_args(argv)

    zhlens = shlex.split(args.zhlens)
    options = ["--jobs", str(args.jobs)]
    if args.text_field:
        options += ["--text-field", args.text_field]
    if args.source_field:
        options += ["--source-field", args.source_field]
    if args.script:
        if args.command != "repair":
            parser.error("--script applies to repair")
        options += ["--script", args.script]

    if args.scheduler_file:
        client = Client(scheduler_file=args.scheduler_file)
    elif args.scheduler:
        client = Client(args.scheduler)
    else:
        # No cluster named: a local one, worker processes on this machine.
        client = Client(processes=True, dashboard_address=None)
    client.wait_for_workers(args.min_workers)
    started = time.monotonic()

    fs, _, _ = fsspec.core.get_fs_token_paths(args.output)
    fs.makedirs(args.output, exist_ok=True)
    # errors="surrogateescape": bytes that are not UTF-8 travel as they are, and zhlens flags them.
    lines = db.read_text(args.input, blocksize=args.blocksize, encoding="utf-8", errors="surrogateescape")
    tasks = [dask.delayed(zhlens_partition)(part, i, args.output, zhlens, args.command, options) for i, part in enumerate(lines.to_delayed())]
    results = sorted(dask.compute(*tasks), key=lambda r: r["partition"])

    for r in results:
        if r["lines_in"] != r["lines_out"]:
            raise SystemExit(f"partition {r['partition']}: {r['lines_in']} lines in, {r['lines_out']} out")
    merged = subprocess.run([*zhlens, "report", "--json", "-"], input="".join(r["report"] for r in results).encode(), capture_output=True, check=True).stdout
    with fsspec.open(f"{args.output}/report.json", "wb") as f:
        f.write(merged)
    manifest = {
        "partitions": [{k: r[k] for k in ("partition", "lines_in", "lines_out", "worker", "seconds")} for r in results],
        "workers": sorted({r["worker"] for r in results if r["worker"]}),
        "seconds": round(time.monotonic() - started, 3),
    }
    with fsspec.open(f"{args.output}/manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
    readable = subprocess.run([*zhlens, "report", "-"], input=merged, capture_output=True, check=True).stdout.decode()
    print(readable, end="")
    print(f"{len(results)} partitions on {len(manifest['workers'])} workers in {manifest['seconds']} s; output in {args.output}", file=sys.stderr)
    client.close()


if __name__ == "__main__":
    main()
