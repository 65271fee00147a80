#!/usr/bin/python3
"""Baseline RTSP server for the benchmark: GStreamer's rtsp-server playing one MP4 at COUNT paths.

Usage: gst_rtsp_baseline.py PORT COUNT FILE.mp4
Serves rtsp://127.0.0.1:PORT/cam{i}/main for i = 1..COUNT, each client with its own pipeline
(filesrc ! qtdemux ! h264parse ! rtph264pay), paced in real time by the pipeline clock. No re-encoding.
Debian packages: python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good gstreamer1.0-plugins-bad.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    port, count, media = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    mounts = server.get_mount_points()
    launch = ("( filesrc location=%s ! qtdemux ! h264parse config-interval=-1 "
              "! rtph264pay name=pay0 pt=96 mtu=1400 )" % media)
    for i in range(1, count + 1):
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch)
        factory.set_shared(False)
        mounts.add_factory("/cam%d/main" % i, factory)
    if server.attach(None) == 0:
        sys.exit("cannot listen on 127.0.0.1:%s" % port)
    print("READY rtsp://127.0.0.1:%s/cam1/main" % port, flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
