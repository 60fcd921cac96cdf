"""Python's codecs as one of the real decoders of the repair evaluation (scripts/eval-repair.mjs).

Reads a JSON list of tasks on stdin: {"b64": bytes, "decode": codec, "errors": "replace"|"ignore",
"save": true|false}. Decodes the bytes with the codec (U+FFFD or nothing for what it cannot read);
with "save", the result is written back with the same codec (errors='replace': what it cannot hold
becomes '?') and read again, as when a misread text is saved by a program that keeps the legacy
code page. Writes the list of resulting texts as JSON on stdout.
"""
import base64
import json
import sys

out = []
for task in json.load(sys.stdin):
    raw = base64.b64decode(task["b64"])
    text = raw.decode(task["decode"], errors=task.get("errors", "replace"))
    if task.get("save"):
        text = text.encode(task["decode"], errors="replace").decode(task["decode"], errors="replace")
    out.append(text)
json.dump(out, sys.stdout, ensure_ascii=False)
