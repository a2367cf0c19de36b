#!/usr/bin/env python3
"""Where a sampled-thread-time trace spent its working time, by frame pattern.

    python3 bench/trace_shares.py TRACE.speedscope.json PATTERN...

dotnet-trace's Speedscope export ends every sample with CPU_TIME (managed code running) or
UNMANAGED_CODE_TIME (native code, which is mostly waiting). "Working" samples are the CPU_TIME ones plus
native time inside SQLite or a socket send; idle pool threads and waits drop out. For each pattern, the
share of working time with a matching frame anywhere on the stack (shares overlap: they are inclusive).
"""
import collections
import json
import sys


def shares(path, patterns):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    under = collections.Counter()
    working = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if stack and last is not None and at > last:
                names = [frames[i] for i in stack]
                leaf = names[-1]
                native_work = leaf == "UNMANAGED_CODE_TIME" and any(
                    "SQLitePCL" in n or "Interop+Sys.Send" in n for n in names[-4:])
                if leaf == "CPU_TIME" or native_work:
                    working += at - last
                    for pattern in patterns:
                        if any(pattern in n for n in names):
                            under[pattern] += at - last
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    return working, under


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    working, under = shares(sys.argv[1], sys.argv[2:])
    print(f"working time sampled: {working / 1000:.1f} s (all threads)")
    for pattern in sys.argv[2:]:
        print(f"{100 * under[pattern] / max(working, 1e-9):5.1f} %  {pattern}")
