package id.pantau.recorder.ingest.rtsp;

import id.pantau.recorder.ingest.IngestFailure;
import id.pantau.recorder.segment.VideoCodec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The H.264 or H.265 video track a session description (RFC 4566) offers: payload type, control URLs, the
 * out-of-band parameter sets (sprop-parameter-sets, or sprop-vps/sps/pps) as Annex-B, and the frame rate if the
 * camera states one (0 otherwise).
 */
record SdpVideoTrack(VideoCodec codec, int payloadType, String control, String sessionControl,
                     byte[] parameterSets, double frameRate) {

    private static final byte[] START_CODE = {0, 0, 0, 1};

    /** The first supported video track of the description. */
    static SdpVideoTrack parse(String sdp) throws IngestFailure {
        List<Media> media = new ArrayList<>();
        String sessionControl = null;
        Media current = null;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                current = new Media(line.substring(2).split("\\s+"));
                media.add(current);
            } else if (line.startsWith("a=control:")) {
                String control = line.substring("a=control:".length()).strip();
                if (current == null) {
                    sessionControl = control;
                } else {
                    current.control = control;
                }
            } else if (line.startsWith("a=") && current != null) {
                current.attribute(line.substring(2));
            }
        }
        String unsupported = null;
        for (Media m : media) {
            if (!m.isVideo()) {
                continue;
            }
            for (String format : m.formats()) {
                int payloadType = parseInt(format, -1);
                String encoding = m.encodings.getOrDefault(payloadType, "");
                VideoCodec codec = switch (encoding.toUpperCase(Locale.ROOT)) {
                    case "H264" -> VideoCodec.H264;
                    case "H265", "HEVC" -> VideoCodec.H265;
                    default -> null;
                };
                if (codec != null) {
                    Map<String, String> fmtp = m.formatParameters.getOrDefault(payloadType, Map.of());
                    return new SdpVideoTrack(codec, payloadType, m.control, sessionControl,
                            parameterSets(codec, fmtp), m.frameRate);
                }
                if (unsupported == null) {
                    unsupported = encoding.isEmpty() ? staticCodecName(payloadType) : codecName(encoding);
                }
            }
        }
        if (unsupported != null) {
            throw new IngestFailure(IngestFailure.Kind.UNSUPPORTED_CODEC, "unsupported codec: " + unsupported);
        }
        throw new IngestFailure(IngestFailure.Kind.MALFORMED, "malformed stream: no video stream");
    }

    private static byte[] parameterSets(VideoCodec codec, Map<String, String> fmtp) {
        List<String> keys = codec == VideoCodec.H264 ? List.of("sprop-parameter-sets")
                : List.of("sprop-vps", "sprop-sps", "sprop-pps");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String key : keys) {
            String value = fmtp.get(key);
            if (value == null) {
                continue;
            }
            for (String base64 : value.split(",")) {
                try {
                    byte[] nal = Base64.getDecoder().decode(base64.strip());
                    if (nal.length > 0) {
                        out.writeBytes(START_CODE);
                        out.writeBytes(nal);
                    }
                } catch (IllegalArgumentException e) {
                    // a damaged set is left out; in-band parameter sets still describe the stream
                }
            }
        }
        return out.toByteArray();
    }

    /** FFmpeg's names, as the FFmpeg ingest reported them. */
    private static String codecName(String encoding) {
        return switch (encoding.toUpperCase(Locale.ROOT)) {
            case "JPEG" -> "mjpeg";
            case "MP4V-ES" -> "mpeg4";
            default -> encoding.toLowerCase(Locale.ROOT);
        };
    }

    private static String staticCodecName(int payloadType) {
        return switch (payloadType) {
            case 26 -> "mjpeg";
            case 32 -> "mpeg1video";
            case 34 -> "h263";
            default -> "payload type " + payloadType;
        };
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One m= section with the attributes that matter here. */
    private static final class Media {
        private final String[] fields;
        private final Map<Integer, String> encodings = new HashMap<>();
        private final Map<Integer, Map<String, String>> formatParameters = new HashMap<>();
        private String control;
        private double frameRate;

        Media(String[] fields) {
            this.fields = fields;
        }

        boolean isVideo() {
            return fields.length >= 4 && fields[0].equals("video") && fields[2].startsWith("RTP/");
        }

        List<String> formats() {
            return List.of(fields).subList(Math.min(3, fields.length), fields.length);
        }

        void attribute(String attribute) {
            int colon = attribute.indexOf(':');
            if (colon < 0) {
                return;
            }
            String name = attribute.substring(0, colon);
            String value = attribute.substring(colon + 1).strip();
            switch (name) {
                case "rtpmap" -> {
                    String[] parts = value.split("\\s+", 2);
                    if (parts.length == 2) {
                        encodings.put(parseInt(parts[0], -1), parts[1].split("/")[0].strip());
                    }
                }
                case "fmtp" -> {
                    String[] parts = value.split("\\s+", 2);
                    if (parts.length == 2) {
                        formatParameters.put(parseInt(parts[0], -1), fmtp(parts[1]));
                    }
                }
                case "framerate", "x-framerate" -> frameRate = parseDouble(value);
                default -> {
                }
            }
        }

        private static Map<String, String> fmtp(String text) {
            Map<String, String> params = new HashMap<>();
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
                }
            }
            return params;
        }
    }
}
