package id.pantau.recorder.virtualcam;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs virtual cameras standalone: {@code VirtualCameraMain BIND_ADDRESS PORT COUNT MEDIA_DIR [KINDS]}.
 *
 * <p>Mounts, for i = 1..COUNT: {@code cam{i}/main} (H.264 1280x720), {@code cam{i}/sub} (H.264 640x360),
 * {@code cam{i}/h265} (H.265 1280x720) and {@code cam{i}/motion} (H.264 1280x720 with a moving rectangle, see
 * {@link TestMedia}). KINDS is a comma list of main, sub, h265, motion (default: all); missing media is generated
 * into MEDIA_DIR first. With the environment variables {@code VIRTUALCAM_USER} and {@code VIRTUALCAM_PASSWORD} (never
 * on the command line, where any user could read them) every
 * mount demands Digest authentication. With {@code VIRTUALCAM_STAMP_SEND_TIME=1} every frame carries its wall-clock
 * send time ({@link id.pantau.recorder.virtualcam.media.SendTimeSei}), for latency benchmarks.
 */
public final class VirtualCameraMain {

    /** Environment variable that, set to 1, makes virtual cameras stamp each frame's send time. */
    public static final String STAMP_SEND_TIME = "VIRTUALCAM_STAMP_SEND_TIME";

    static final Map<String, TestMedia.Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("main", TestMedia.Kind.MAIN_H264);
        KINDS.put("sub", TestMedia.Kind.SUB_H264);
        KINDS.put("sub5", TestMedia.Kind.SUB5_H264);
        KINDS.put("h265", TestMedia.Kind.MAIN_H265);
        KINDS.put("motion", TestMedia.Kind.MOTION_H264);
    }

    private VirtualCameraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: VirtualCameraMain <bind-address> <port> <count> <media-dir> [main,sub,sub5,h265,motion]");
            System.exit(2);
        }
        InetSocketAddress bind = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        Path mediaDir = Path.of(args[3]);
        List<String> names = args.length > 4 ? List.of(args[4].toLowerCase(Locale.ROOT).split(","))
                : new ArrayList<>(KINDS.keySet());
        Credentials credentials = credentialsFromProperties();

        VirtualCameraServer server = new VirtualCameraServer(bind);
        if ("1".equals(System.getenv(STAMP_SEND_TIME))) {
            server.stampSendTime(System::currentTimeMillis);
        }
        for (String name : names) {
            TestMedia.Kind kind = KINDS.get(name.trim());
            if (kind == null) {
                throw new IllegalArgumentException("Unknown kind " + name + "; expected one of " + KINDS.keySet());
            }
            Path media = TestMedia.ensure(mediaDir, kind);
            for (int i = 1; i <= count; i++) {
                server.mount("cam" + i + "/" + name.trim(), media, credentials);
            }
        }
        server.start();
        System.out.println("READY " + server.url("cam1/" + names.get(0).trim()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "virtualcam-shutdown"));
        stopped.await();
    }

    private static Credentials credentialsFromProperties() {
        String user = System.getenv("VIRTUALCAM_USER");
        String password = System.getenv("VIRTUALCAM_PASSWORD");
        return user == null || password == null ? null : new Credentials(user, password);
    }
}
