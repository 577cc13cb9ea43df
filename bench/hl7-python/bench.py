#!/usr/bin/env python3
"""Times Debian's python3-hl7 hl7.parse over every file of the shared HL7
corpus, visiting every field, repetition, component and subcomponent (and
unescaping each value that holds the escape character), like Chartroom's
BenchmarkParseFull. Usage: bench.py [DIR] [RUNS]"""
import os
import statistics
import sys
import time

import hl7

d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/data/hl7v2/messages")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
texts = []
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), "rb") as f:
        texts.append(f.read().decode("latin-1"))
nbytes = sum(len(t) for t in texts)


def visit(node, msg):
    if isinstance(node, str):
        if "\\" in node:
            node = msg.unescape(node)
        return len(node)
    n = 0
    for child in node:
        n += visit(child, msg)
    return n


def one_pass():
    n = 0
    for t in texts:
        m = hl7.parse(t)
        n += visit(m, m)
    return n


one_pass()
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    one_pass()
    times.append((time.perf_counter() - t0) * 1000)
print("RESULT peer=python-hl7 messages=%d bytes=%d runs=%d median_ms=%.3f" % (len(texts), nbytes, runs, statistics.median(times)))
