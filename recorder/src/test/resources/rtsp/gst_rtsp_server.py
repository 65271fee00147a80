#!/usr/bin/python3
"""A live RTSP test camera built on GStreamer's RTSP server (Debian: python3-gi, gir1.2-gst-rtsp-server-1.0,
gstreamer1.0-plugins-{base,good,bad,ugly}). Serves a moving test pattern, encoded live, at /h264 and /h265.

Usage: gst_rtsp_server.py PORT [--size 640x360] [--fps 25] [--gop 25] [--user U --password P]
Prints "READY <port>" once it listens on 127.0.0.1.
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def launch_line(codec, width, height, fps, gop, bitrate_kbps):
    source = (f"videotestsrc is-live=true pattern=ball ! video/x-raw,width={width},height={height},"
              f"framerate={fps}/1,format=I420")
    if codec == "h264":
        encode = (f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={gop} bitrate={bitrate_kbps} "
                  f"! h264parse ! rtph264pay name=pay0 pt=96 config-interval=-1")
    else:
        encode = (f"x265enc tune=zerolatency speed-preset=ultrafast key-int-max={gop} bitrate={bitrate_kbps} "
                  f"! h265parse ! rtph265pay name=pay0 pt=96 config-interval=-1")
    return f"( {source} ! {encode} )"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--gop", type=int, default=25)
    parser.add_argument("--bitrate", type=int, default=800)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    for codec in ("h264", "h265"):
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch_line(codec, width, height, args.fps, args.gop, args.bitrate))
        factory.set_shared(False)
        if args.user:
            permissions = GstRtspServer.RTSPPermissions()
            permissions.add_permission_for_role("camera-user", "media.factory.access", True)
            permissions.add_permission_for_role("camera-user", "media.factory.construct", True)
            factory.set_permissions(permissions)
        mounts.add_factory("/" + codec, factory)

    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "camera-user")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
        server.set_auth(auth)

    if server.attach(None) == 0:
        print("FAILED to listen on port", args.port, flush=True)
        sys.exit(1)
    print("READY", args.port, flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
