#!/usr/bin/python3
"""Measures groups of processes over one window, from /proc: CPU (utime+stime over the window, as a share of one
core), VmRSS at the end, VmHWM (peak), and PSS at the end (from smaps_rollup; PSS splits shared pages between the
processes that map them, so it is the fair figure for many processes sharing libraries). Per group it prints one
line of key=value pairs; figures are sums over the group's processes.

With --threads GROUP it also writes the CPU of the first process's threads over the window, grouped by thread
name with digits folded to '#', into --threads-out: a cheap profile of where a JVM spends its CPU.

Usage: procstat.py --seconds S --group NAME=PID[,PID...] [--group ...] [--threads NAME --threads-out FILE]
"""
import argparse
import os
import re
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_ticks(stat_path):
    with open(stat_path) as f:
        text = f.read()
    name = text[text.index("(") + 1:text.rindex(")")]
    fields = text.rsplit(")", 1)[1].split()
    return name, int(fields[11]) + int(fields[12])  # utime + stime (fields 14, 15)


def process_ticks(pid):
    try:
        return cpu_ticks("/proc/%d/stat" % pid)[1]
    except (FileNotFoundError, ProcessLookupError):
        return None


def memory_kib(pid):
    values = {"VmRSS": 0, "VmHWM": 0, "Pss": 0}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                key = line.split(":")[0]
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(line.split()[1])
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    values["Pss"] = int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return values


def thread_ticks(pid):
    ticks = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            ticks[int(tid)] = cpu_ticks("/proc/%d/task/%s/stat" % (pid, tid))
        except (FileNotFoundError, ProcessLookupError):
            pass
    return ticks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--group", action="append", required=True, help="NAME=PID[,PID...]")
    parser.add_argument("--threads")
    parser.add_argument("--threads-out")
    args = parser.parse_args()
    groups = []
    for spec in args.group:
        name, pids = spec.split("=", 1)
        groups.append((name, [int(p) for p in pids.split(",") if p]))

    thread_pid = dict(groups)[args.threads][0] if args.threads else None
    start = {pid: process_ticks(pid) for _, pids in groups for pid in pids}
    threads_start = thread_ticks(thread_pid) if thread_pid else {}
    t0 = time.monotonic()
    time.sleep(args.seconds)
    elapsed = time.monotonic() - t0
    end = {pid: process_ticks(pid) for pid in start}
    threads_end = thread_ticks(thread_pid) if thread_pid else {}

    for name, pids in groups:
        alive = [p for p in pids if start[p] is not None and end[p] is not None]
        ticks = sum(end[p] - start[p] for p in alive)
        mem = [memory_kib(p) for p in alive]
        print("%s processes=%d alive=%d cpu=%.1f rss=%.1f hwm=%.1f pss=%.1f window=%.1f" % (
            name, len(pids), len(alive), 100.0 * ticks / CLK_TCK / elapsed,
            sum(m["VmRSS"] for m in mem) / 1024, sum(m["VmHWM"] for m in mem) / 1024,
            sum(m["Pss"] for m in mem) / 1024, elapsed))

    if thread_pid and args.threads_out:
        by_name = {}
        for tid, (tname, ticks) in threads_end.items():
            before = threads_start.get(tid, (tname, 0))[1]
            key = re.sub(r"\d+", "#", tname)
            count, total = by_name.get(key, (0, 0))
            by_name[key] = (count + 1, total + ticks - before)
        with open(args.threads_out, "w") as out:
            out.write("%-20s %8s %12s\n" % ("thread (digits #)", "threads", "cpu(%core)"))
            for key, (count, total) in sorted(by_name.items(), key=lambda kv: -kv[1][1]):
                out.write("%-20s %8d %12.1f\n" % (key, count, 100.0 * total / CLK_TCK / elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
