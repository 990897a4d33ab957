#!/usr/bin/env python3
"""Lists the test cases a Swift Testing run started but never ended, from its event stream
(swift test --event-stream-output-path FILE --event-stream-version 0): what a hung run was
waiting on. Prints nothing when every started test case ended."""
import json
import sys

names = {}
started = {}
ended = set()
with open(sys.argv[1], encoding="utf-8", errors="replace") as stream:
    for line in stream:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # the last line of a killed run may be cut short
        payload = record.get("payload", {})
        if record.get("kind") == "test":
            names[payload.get("id")] = payload.get("displayName") or payload.get("name")
            continue
        case = payload.get("_testCase") or payload.get("testCase") or {}
        key = (payload.get("testID"), case.get("id"))
        if payload.get("kind") == "testCaseStarted":
            started[key] = case
        elif payload.get("kind") == "testCaseEnded":
            ended.add(key)

for (test_id, case_id), case in started.items():
    if (test_id, case_id) in ended:
        continue
    argument = case.get("displayName")
    print(f"  still running: {names.get(test_id, test_id)}" + (f" ({argument})" if argument else ""))
