#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test results from meson's testlog.json: each TAP subtest counts
once; a test without TAP output counts as one. Prints 'N passed, N failed'
(and skips, if any) as the last line; exits 1 when anything failed."""
import json
import re
import sys

passed = failed = skipped = 0
for line in (line for path in sys.argv[1:] for line in open(path, encoding="utf-8")):
    if True:
        entry = json.loads(line)
        result = entry.get("result")
        output = entry.get("stdout") or ""
        tap = re.findall(r"^(ok|not ok)\b[^#\n]*(#\s*(SKIP|TODO)\b)?", output, re.M | re.I)
        if tap and entry.get("protocol", "") != "exitcode":
            for status, _, directive in tap:
                if directive.upper() == "SKIP":
                    skipped += 1
                elif status == "ok":
                    passed += 1
                else:
                    failed += 1
            # A crash after some subtests passed still fails the test.
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not any(s == "not ok" for s, _, _ in tap):
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed else 0)
