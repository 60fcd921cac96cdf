"""ftfy's fix_encoding on a file (the mojibake repair alone, what zhlens's repairText does on the
bench's Latin-1 file; fix_text adds HTML entities, quotes and widths), timed like bench/timing.ts: one warm-up run, then the median of
repeated runs in wall time and in CPU time of this process (time.process_time). Prints one JSON
line: runs, wallMs, cpuMs, maxRssKb, version; or {"missing": reason} when ftfy is not installed.

    python3 bench/time_ftfy.py FILE [BUDGET_MS]
"""
import json
import resource
import statistics
import sys
import time

try:
    import ftfy
except ImportError as e:
    print(json.dumps({"missing": str(e)}))
    sys.exit(0)

path = sys.argv[1]
budget_ms = float(sys.argv[2]) if len(sys.argv) > 2 else 1500
with open(path, encoding="utf-8") as f:
    text = f.read()

c0 = time.process_time()
ftfy.fix_encoding(text)
slow = (time.process_time() - c0) * 1000 > budget_ms / 3
walls, cpus = [], []
while len(walls) < 50 and (len(walls) < (3 if slow else 5) or sum(cpus) < budget_ms):
    w0, c0 = time.perf_counter(), time.process_time()
    ftfy.fix_encoding(text)
    cpus.append((time.process_time() - c0) * 1000)
    walls.append((time.perf_counter() - w0) * 1000)
    if slow and len(walls) >= 3:
        break
print(json.dumps({
    "runs": len(walls),
    "wallMs": statistics.median(walls),
    "cpuMs": statistics.median(cpus),
    "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "version": ftfy.__version__,
}))
