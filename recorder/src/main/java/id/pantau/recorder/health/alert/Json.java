package id.pantau.recorder.health.alert;

import java.util.List;

/** Just enough JSON writing for alerts, so the recorder needs no JSON library. */
final class Json {
    private final StringBuilder b = new StringBuilder("{");

    Json field(String name, Object value) {
        if (b.length() > 1) {
            b.append(',');
        }
        string(name);
        b.append(':');
        value(value);
        return this;
    }

    String end() {
        return b.append('}').toString();
    }

    private void value(Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                value(l.get(i));
            }
            b.append(']');
        } else {
            string(v.toString());
        }
    }

    private void string(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
