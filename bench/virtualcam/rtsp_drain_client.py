#!/usr/bin/python3
"""Light RTSP load client: COUNT connections, DESCRIBE/SETUP (TCP interleaved)/PLAY, then drains the RTP.

It parses only the 4-byte interleaved framing and the RTP marker bit, so it can count bytes and frames of
hundreds of streams on one core. While streaming it measures a server process from /proc: CPU (utime+stime
over the window, as a share of one core) and resident memory.

Usage: rtsp_drain_client.py --port P --count N --server-pid PID [--warmup S] [--seconds S] [--label NAME]
"""
import argparse
import os
import re
import selectors
import socket
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
KEEPALIVE_SECONDS = 20


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime (fields 14, 15)


def memory_kib(pid):
    values = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":")
                values[key] = int(value.split()[0])
    return values


class Stream:
    def __init__(self, port, path, timeout):
        self.url = "rtsp://127.0.0.1:%d/%s" % (port, path)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.cseq = 0
        self.session = None
        self.buf = bytearray()
        self.bytes = 0
        self.frames = 0

    def request(self, method, url, headers=()):
        self.cseq += 1
        lines = ["%s %s RTSP/1.0" % (method, url), "CSeq: %d" % self.cseq, "User-Agent: drain-client"]
        if self.session:
            lines.append("Session: " + self.session)
        lines.extend(headers)
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())

    def read_response(self):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise IOError("closed during handshake: " + self.url)
            data += chunk
        head, rest = data.split(b"\r\n\r\n", 1)
        text = head.decode("latin-1")
        length = int((re.search(r"(?im)^content-length:\s*(\d+)", text) or [0, 0])[1])
        while len(rest) < length:
            rest += self.sock.recv(4096)
        status = int(text.split(" ", 2)[1])
        if status != 200:
            raise IOError("%s answered %s" % (self.url, text.splitlines()[0]))
        self.buf += rest[length:]
        return text, rest[:length].decode("latin-1")

    def start(self):
        self.request("DESCRIBE", self.url, ["Accept: application/sdp"])
        head, sdp = self.read_response()
        base = (re.search(r"(?im)^content-base:\s*(\S+)", head) or [None, self.url + "/"])[1]
        media = sdp.split("m=video", 1)[1]
        control = re.search(r"(?m)^a=control:(\S+)", media)[1]
        track = control if control.startswith("rtsp://") else base.rstrip("/") + "/" + control
        self.request("SETUP", track, ["Transport: RTP/AVP/TCP;unicast;interleaved=0-1"])
        head, _ = self.read_response()
        self.session = re.search(r"(?im)^session:\s*([^;\s]+)", head)[1]
        self.request("PLAY", base)
        self.read_response()
        self.sock.setblocking(False)

    def drain(self):
        try:
            chunk = self.sock.recv(262144)
        except BlockingIOError:
            return True
        if not chunk:
            return False
        self.bytes += len(chunk)
        buf = self.buf
        buf += chunk
        pos, end = 0, len(buf)
        while end - pos >= 4:
            if buf[pos] == 0x24:  # '$' channel length16
                length = (buf[pos + 2] << 8) | buf[pos + 3]
                if end - pos < 4 + length:
                    break
                if buf[pos + 1] == 0 and length > 1 and buf[pos + 5] & 0x80:
                    self.frames += 1
                pos += 4 + length
            else:  # an RTSP response to a keep-alive
                stop = buf.find(b"\r\n\r\n", pos)
                if stop < 0:
                    break
                pos = stop + 4
        del buf[:pos]
        return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--path", default="cam{i}/main")
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--label", default="server")
    args = parser.parse_args()

    streams = []
    t0 = time.monotonic()
    for i in range(1, args.count + 1):
        stream = Stream(args.port, args.path.format(i=i), timeout=30)
        stream.start()
        streams.append(stream)
    setup_seconds = time.monotonic() - t0
    selector = selectors.DefaultSelector()
    for stream in streams:
        selector.register(stream.sock, selectors.EVENT_READ, stream)

    closed = 0
    last_keepalive = time.monotonic()

    def pump(until):
        nonlocal closed, last_keepalive
        while True:
            now = time.monotonic()
            if now >= until:
                return
            if now - last_keepalive > KEEPALIVE_SECONDS:
                for s in streams:
                    s.sock.setblocking(True)
                    s.request("GET_PARAMETER", s.url + "/")
                    s.sock.setblocking(False)
                last_keepalive = now
            for key, _ in selector.select(timeout=min(0.5, until - now)):
                if not key.data.drain():
                    selector.unregister(key.fileobj)
                    closed += 1

    pump(time.monotonic() + args.warmup)
    bytes0 = sum(s.bytes for s in streams)
    frames0 = [s.frames for s in streams]
    cpu0, own0, w0 = cpu_seconds(args.server_pid), time.process_time(), time.monotonic()
    pump(w0 + args.seconds)
    cpu1, own1, w1 = cpu_seconds(args.server_pid), time.process_time(), time.monotonic()
    window = w1 - w0
    mem = memory_kib(args.server_pid)
    per_stream_fps = [(s.frames - f0) / window for s, f0 in zip(streams, frames0)]
    total_bytes = sum(s.bytes for s in streams) - bytes0
    print("%-28s streams=%d closed=%d setup=%.1fs window=%.1fs server_cpu=%.1f%% server_rss=%.0fMiB "
          "server_peak_rss=%.0fMiB rx=%.1fMbit/s fps_avg=%.2f fps_min=%.2f client_cpu=%.1f%%" % (
              args.label, len(streams), closed, setup_seconds, window,
              100.0 * (cpu1 - cpu0) / window, mem.get("VmRSS", 0) / 1024, mem.get("VmHWM", 0) / 1024,
              total_bytes * 8 / window / 1e6, sum(per_stream_fps) / len(per_stream_fps), min(per_stream_fps),
              100.0 * (own1 - own0) / window), flush=True)
    for stream in streams:
        stream.sock.close()
    return 0 if closed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
