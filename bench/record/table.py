#!/usr/bin/python3
"""Turns the key=value lines of bench/record/run.sh's results.txt into markdown tables."""
import re
import sys


def parse(path):
    rows = {}
    for line in open(path):
        m = re.match(r"n=(\d+) (\S+)(.*)", line.strip())
        if not m:
            continue
        n, head, rest = int(m[1]), m[2], m[3]
        row = rows.setdefault(n, {})
        if head.startswith("load="):
            row[head] = rest.strip()
        elif "=" in head:  # frames=pantau, objects=pantau, stored=baseline ...
            row[head] = dict(re.findall(r"(\w+)=([\w.]+)", rest))
        else:  # a procstat group
            row[head] = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)}
    return rows


def ratio(a, b):
    return "%.2f" % (a / b) if b else "-"


def lost(frames):
    if not frames:
        return "-"
    lost_n, expected = int(frames["lost"]), int(frames["expected"])
    return "%d of %d" % (lost_n, expected)


def main():
    rows = parse(sys.argv[1])
    print("| cameras | Pantau recorder CPU (% of a core) | Pantau recorder RSS MiB (peak; PSS) "
          "| S3 endpoint CPU % / RSS MiB (PSS) | baseline CPU (% of a core) | baseline RSS sum MiB (PSS sum) "
          "| CPU ratio | memory ratio RSS (PSS) | frames lost Pantau / baseline |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for n in sorted(rows):
        r = rows[n]
        p, s3, b = r.get("pantau"), r.get("s3"), r.get("baseline")
        cells = [str(n)]
        cells.append("%.1f" % p["cpu"] if p else "-")
        cells.append("%.0f (%.0f; %.0f)" % (p["rss"], p["hwm"], p["pss"]) if p else "-")
        cells.append("%.1f / %.0f (%.0f)" % (s3["cpu"], s3["rss"], s3["pss"]) if s3 else "-")
        cells.append("%.1f" % b["cpu"] if b else "-")
        cells.append("%.0f (%.0f)" % (b["rss"], b["pss"]) if b else "-")
        cells.append(ratio(p["cpu"], b["cpu"]) if p and b else "-")
        cells.append("%s (%s)" % (ratio(p["rss"], b["rss"]), ratio(p["pss"], b["pss"])) if p and b else "-")
        cells.append("%s / %s" % (lost(r.get("frames=pantau")), lost(r.get("frames=baseline"))))
        print("| " + " | ".join(cells) + " |")
    print()
    print("| cameras | load average at start (Pantau; baseline) | virtual cameras CPU % (Pantau; baseline phase) "
          "| kernel threads CPU % (Pantau; baseline phase) | Pantau + S3 CPU | ratio to baseline | Pantau + S3 RSS (PSS) MiB | ratio RSS (PSS) "
          "| stored objects: frames lost (ffprobe) | MiB written (Pantau S3; baseline) |")
    print("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |")
    for n in sorted(rows):
        r = rows[n]
        p, s3, b = r.get("pantau"), r.get("s3"), r.get("baseline")
        vp, vb = r.get("vcam-pantau"), r.get("vcam-baseline")
        kp, kb = r.get("kernel-pantau"), r.get("kernel-baseline")
        cells = [str(n), "%s; %s" % (r.get("load=pantau", "-"), r.get("load=baseline", "-")),
                 "%s; %s" % ("%.1f" % vp["cpu"] if vp else "-", "%.1f" % vb["cpu"] if vb else "-"),
                 "%s; %s" % ("%.1f" % kp["cpu"] if kp else "-", "%.1f" % kb["cpu"] if kb else "-")]
        if p and s3:
            cpu, rss, pss = p["cpu"] + s3["cpu"], p["rss"] + s3["rss"], p["pss"] + s3["pss"]
            cells += ["%.1f" % cpu, ratio(cpu, b["cpu"]) if b else "-", "%.0f (%.0f)" % (rss, pss),
                      "%s (%s)" % (ratio(rss, b["rss"]), ratio(pss, b["pss"])) if b else "-"]
        else:
            cells += ["-"] * 4
        cells.append(lost(r.get("objects=pantau")))
        cells.append("%s; %s" % (r.get("stored=pantau", {}).get("mib", "-"), r.get("stored=baseline", {}).get("mib", "-")))
        print("| " + " | ".join(cells) + " |")
    floors = [m for m in ("write", "fsync", "sha", "syncfs") if any("floor-" + m in rows[n] for n in rows)]
    if floors:
        names = {"write": "appends only", "fsync": "appends + fdatasync", "sha": "appends + fdatasync + SHA-256",
                 "syncfs": "appends + SHA-256 + one syncfs a second"}
        print()
        print("| cameras | " + " | ".join("floor: %s (%% of a core; ratio to baseline; kernel threads)" % names[m]
                                          for m in floors)
              + " | Pantau recorder | baseline |")
        print("| ---: | " + " | ".join("---:" for _ in floors) + " | ---: | ---: |")
        for n in sorted(rows):
            r = rows[n]
            b, p = r.get("baseline"), r.get("pantau")
            cells = [str(n)]
            for m in floors:
                f, k = r.get("floor-" + m), r.get("kernel-floor-" + m)
                cells.append("%.1f (%s; %s)" % (f["cpu"], ratio(f["cpu"], b["cpu"]) if b else "-",
                                                "%.1f" % k["cpu"] if k else "-") if f else "-")
            cells.append("%.1f" % p["cpu"] if p else "-")
            cells.append("%.1f" % b["cpu"] if b else "-")
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
