package id.pantau.recorder.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * GStreamer's RTSP server (Debian packages) as a child process: live test pattern at /h264 and /h265 on
 * 127.0.0.1. Can be paused (SIGSTOP) to simulate a hung camera, and killed and restarted on the same port.
 */
public final class GstRtspServer implements AutoCloseable {

    private static final Path SCRIPT = Path.of("src", "test", "resources", "rtsp", "gst_rtsp_server.py");

    private final int port;
    private final List<String> extraArgs;
    private Process process;

    private GstRtspServer(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = extraArgs;
    }

    /** Starts a server on a free port; extra args as the script takes them (e.g. --user u --password p). */
    public static GstRtspServer start(String... extraArgs) throws IOException {
        GstRtspServer server = new GstRtspServer(freePort(), List.of(extraArgs));
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    public String url(String mount) {
        return "rtsp://127.0.0.1:" + port + "/" + mount;
    }

    public String url(String mount, String user, String password) {
        return "rtsp://" + user + ":" + password + "@127.0.0.1:" + port + "/" + mount;
    }

    public long pid() {
        return process.pid();
    }

    /** (Re)starts the server process and waits until it listens. */
    public synchronized void restart() throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toAbsolutePath().toString(),
                String.valueOf(port)));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String line = ready.get(20, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("GStreamer RTSP server did not start");
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("GStreamer RTSP server did not start: " + e, e);
        }
        // keep draining its output so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "gst-rtsp-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** SIGSTOP: the process stops answering but its sockets stay open, as a hung camera's would. */
    public void pause() throws IOException, InterruptedException {
        Processes.runOk(List.of("kill", "-STOP", String.valueOf(process.pid())), 10);
    }

    public void resume() throws IOException, InterruptedException {
        Processes.runOk(List.of("kill", "-CONT", String.valueOf(process.pid())), 10);
    }

    /** Kills the server (the camera goes away). */
    public synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            resume();
        }
        kill();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
