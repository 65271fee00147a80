package id.pantau.recorder.health.alert;

import java.util.List;

/** One line a NOC operator reads on a phone: what, which, why, what it darkens, for how long. */
final class AlertMessages {

    private AlertMessages() {
    }

    static String text(HealthChange c, AlertKind kind, long sinceStartMs, int suppressed) {
        String subject = (c.kind().name().equals("LINK") ? "Link " : "Camera ") + c.subjectId()
                + (c.subjectName() == null || c.subjectName().equals(c.subjectId()) ? "" : " (" + c.subjectName() + ")");
        StringBuilder b = new StringBuilder(subject);
        switch (kind) {
            case RAISED, CHANGED -> {
                b.append(' ').append(c.state());
                if (c.reason() != null) {
                    b.append(": ").append(c.reason());
                }
                cameras(b, c.cameras(), "dark");
            }
            case RECOVERED -> {
                b.append(" recovered (").append(c.state()).append(") after ").append(duration(sinceStartMs));
                cameras(b, c.cameras(), "behind it");
            }
        }
        if (suppressed > 0) {
            b.append("; flapped ").append(suppressed).append(suppressed == 1 ? " time" : " times")
                    .append(" meanwhile");
        }
        return b.toString();
    }

    private static void cameras(StringBuilder b, List<String> cameras, String what) {
        if (!cameras.isEmpty()) {
            b.append("; ").append(cameras.size()).append(cameras.size() == 1 ? " camera " : " cameras ").append(what)
                    .append(": ").append(String.join(", ", cameras.subList(0, Math.min(10, cameras.size()))));
            if (cameras.size() > 10) {
                b.append(", ...");
            }
        }
    }

    static String duration(long ms) {
        long s = Math.max(0, ms / 1000);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
