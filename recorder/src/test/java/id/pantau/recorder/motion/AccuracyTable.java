package id.pantau.recorder.motion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Event-level accuracy against ground truth: a detected event is a true positive if it overlaps a true stretch of
 * motion; a true stretch is found if some event overlaps it, and its start error is that of the first such event.
 */
final class AccuracyTable {

    /** Tallies of one row. */
    static final class Row {
        int truths;
        int detected;
        int truePositives;
        int found;
        double maxStartErrorSeconds;
        double sumStartErrorSeconds;

        double precision() {
            return detected == 0 ? 1 : (double) truePositives / detected;
        }

        double recall() {
            return truths == 0 ? 1 : (double) found / truths;
        }

        double meanStartError() {
            return found == 0 ? 0 : sumStartErrorSeconds / found;
        }

        void add(Row o) {
            truths += o.truths;
            detected += o.detected;
            truePositives += o.truePositives;
            found += o.found;
            sumStartErrorSeconds += o.sumStartErrorSeconds;
            maxStartErrorSeconds = Math.max(maxStartErrorSeconds, o.maxStartErrorSeconds);
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** Scores one run: {@code truth} and {@code detected} as [start, end] in seconds. */
    Row score(String row, List<double[]> truth, List<double[]> detected) {
        Row r = new Row();
        r.truths = truth.size();
        r.detected = detected.size();
        for (double[] d : detected) {
            if (truth.stream().anyMatch(t -> overlaps(t, d))) {
                r.truePositives++;
            }
        }
        for (double[] t : truth) {
            detected.stream().filter(d -> overlaps(t, d)).findFirst().ifPresent(d -> {
                r.found++;
                double error = Math.abs(d[0] - t[0]);
                r.sumStartErrorSeconds += error;
                r.maxStartErrorSeconds = Math.max(r.maxStartErrorSeconds, error);
            });
        }
        rows.computeIfAbsent(row, k -> new Row()).add(r);
        return r;
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] <= b[1] && b[0] <= a[1];
    }

    Row overall() {
        Row all = new Row();
        rows.values().forEach(all::add);
        return all;
    }

    /** A Markdown table: one line per row and the overall line. */
    String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| scene | true events | detected | precision | recall | start error mean / max (s) |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach((name, r) -> lines.add(line(name, r)));
        lines.add(line("**overall**", overall()));
        return String.join("\n", lines);
    }

    private static String line(String name, Row r) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f / %.2f |", name, r.truths, r.detected,
                r.precision(), r.recall(), r.meanStartError(), r.maxStartErrorSeconds);
    }
}
