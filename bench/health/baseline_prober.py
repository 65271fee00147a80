#!/usr/bin/env python3
"""Baseline: the same TCP-connect probes (LINKS targets every INTERVAL ms, 1 s timeout) from Python asyncio,
the way a small scripted NOC prober would do it. Prints its own CPU share over the window after a warm-up."""
import asyncio
import resource
import sys
import time


async def probe(host, port):
    t0 = time.monotonic()
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 1.0)
        ms = int((time.monotonic() - t0) * 1000)
        writer.close()
        return ms
    except Exception:
        return None


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# as many sockets as the JVM allows itself (it raises its soft limit to the hard one)
resource.setrlimit(resource.RLIMIT_NOFILE, (resource.getrlimit(resource.RLIMIT_NOFILE)[1],) * 2)


async def main(host, port, links, interval_ms, warmup_s, window_s):
    start = time.monotonic()
    cpu0 = None
    lat, failed, rnd = [], 0, 0
    while True:
        at = start + rnd * interval_ms / 1000
        rnd += 1
        await asyncio.sleep(max(0, at - time.monotonic()))
        elapsed = time.monotonic() - start
        if cpu0 is None and elapsed >= warmup_s:
            cpu0, t0, lat, failed = cpu(), time.monotonic(), [], 0
        if elapsed >= warmup_s + window_s:
            break
        for r in await asyncio.gather(*(probe(host, port) for _ in range(links))):
            if r is None:
                failed += 1
            else:
                lat.append(r)
    share = (cpu() - cpu0) / (time.monotonic() - t0)
    lat.sort()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"python-asyncio-probes links={links} interval_ms={interval_ms} probes={len(lat) + failed} "
          f"failed={failed} cpu_pct={share * 100:.2f} p50_ms={lat[len(lat) // 2] if lat else -1} "
          f"p99_ms={lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else -1} rss_mib={rss}")


a = sys.argv
asyncio.run(main(a[1], int(a[2]), int(a[3]), int(a[4]), int(a[5]), int(a[6])))
