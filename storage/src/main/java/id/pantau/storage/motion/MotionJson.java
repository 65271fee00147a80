package id.pantau.storage.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON text kept in the index for zones ({@code [{"kind":"exclude","points":[[x,y],...]}]}) and boxes
 * ({@code [[x,y,w,h],...]}). Hand-written for these two shapes only, so storage needs no JSON library.
 */
public final class MotionJson {

    private MotionJson() {
    }

    public static String zones(List<Zone> zones) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            b.append(i == 0 ? "" : ",").append("{\"kind\":\"").append(z.kind().name().toLowerCase(Locale.ROOT))
                    .append("\",\"points\":[");
            for (int j = 0; j < z.points().size(); j++) {
                Zone.Point p = z.points().get(j);
                b.append(j == 0 ? "" : ",").append('[').append(number(p.x())).append(',').append(number(p.y()))
                        .append(']');
            }
            b.append("]}");
        }
        return b.append(']').toString();
    }

    public static String boxes(List<Box> boxes) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < boxes.size(); i++) {
            Box x = boxes.get(i);
            b.append(i == 0 ? "" : ",").append('[').append(number(x.x())).append(',').append(number(x.y()))
                    .append(',').append(number(x.w())).append(',').append(number(x.h())).append(']');
        }
        return b.append(']').toString();
    }

    public static List<Zone> parseZones(String json) {
        Reader r = new Reader(json);
        List<Zone> zones = new ArrayList<>();
        r.expect('[');
        if (!r.skipIf(']')) {
            do {
                zones.add(zone(r));
            } while (r.skipIf(','));
            r.expect(']');
        }
        r.end();
        return zones;
    }

    public static List<Box> parseBoxes(String json) {
        Reader r = new Reader(json);
        List<Box> boxes = new ArrayList<>();
        r.expect('[');
        if (!r.skipIf(']')) {
            do {
                double[] v = r.numbers();
                if (v.length != 4) {
                    throw new IllegalArgumentException("a box has 4 numbers");
                }
                boxes.add(new Box(v[0], v[1], v[2], v[3]));
            } while (r.skipIf(','));
            r.expect(']');
        }
        r.end();
        return boxes;
    }

    private static Zone zone(Reader r) {
        r.expect('{');
        Zone.Kind kind = null;
        List<Zone.Point> points = new ArrayList<>();
        do {
            String key = r.string();
            r.expect(':');
            if (key.equals("kind")) {
                kind = Zone.Kind.valueOf(r.string().toUpperCase(Locale.ROOT));
            } else if (key.equals("points")) {
                r.expect('[');
                if (!r.skipIf(']')) {
                    do {
                        double[] v = r.numbers();
                        if (v.length != 2) {
                            throw new IllegalArgumentException("a point has 2 numbers");
                        }
                        points.add(new Zone.Point(v[0], v[1]));
                    } while (r.skipIf(','));
                    r.expect(']');
                }
            } else {
                throw new IllegalArgumentException("unknown zone field " + key);
            }
        } while (r.skipIf(','));
        r.expect('}');
        return new Zone(kind, points);
    }

    private static String number(double v) {
        // four decimals are a tenth of a pixel on a 4K picture
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A cursor over the text that skips white space. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s == null ? "" : s;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void expect(char c) {
            if (!skipIf(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
        }

        boolean skipIf(char c) {
            space();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        void end() {
            space();
            if (i != s.length()) {
                throw new IllegalArgumentException("unexpected text at " + i);
            }
        }

        String string() {
            expect('"');
            int start = i;
            while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\\') {
                i++;
            }
            String v = s.substring(start, i);
            expect('"');
            return v;
        }

        double[] numbers() {
            expect('[');
            List<Double> v = new ArrayList<>();
            do {
                space();
                int start = i;
                while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                v.add(Double.parseDouble(s.substring(start, i)));
            } while (skipIf(','));
            expect(']');
            return v.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
