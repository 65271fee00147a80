package id.pantau.storage.camera;

/** How RTP reaches the recorder: interleaved in the RTSP TCP connection (default, survives NAT and loss) or UDP. */
public enum Transport {
  TCP,
  UDP
}
