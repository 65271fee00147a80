package id.pantau.recorder.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool to completion and returns its output. */
public final class Processes {

    private Processes() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        var out = p.getInputStream();
        var err = p.getErrorStream();
        var stdout = new java.io.ByteArrayOutputStream();
        var stderr = new java.io.ByteArrayOutputStream();
        Thread t1 = new Thread(() -> copy(out, stdout));
        Thread t2 = new Thread(() -> copy(err, stderr));
        t1.start();
        t2.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        t1.join();
        t2.join();
        return new Result(p.exitValue(), stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    public static Result runOk(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Result r = run(command, timeoutSeconds);
        if (r.exitCode() != 0) {
            throw new IOException("failed (" + r.exitCode() + "): " + command + "\n" + r.stderr());
        }
        return r;
    }

    private static void copy(java.io.InputStream in, java.io.OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // process ended
        }
    }
}
