package id.pantau.recorder.health.history;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Uptime, outages and MTTR of one subject, computed from its transitions. Pure. */
public final class Availability {

    private Availability() {
    }

    /**
     * The window cut into spans of one state each.
     *
     * @param before   the last transition before {@code fromMs} (the state at the window's start), or null
     * @param inWindow transitions at or after {@code fromMs} and before {@code toMs}, oldest first
     */
    public static List<StateSpan> spans(Transition before, List<Transition> inWindow, long fromMs, long toMs) {
        List<StateSpan> spans = new ArrayList<>();
        String state = before == null ? null : before.state();
        long start = fromMs;
        for (Transition t : inWindow) {
            long at = Math.max(fromMs, Math.min(toMs, t.atWallMs()));
            if (at > start) {
                spans.add(new StateSpan(state, start, at));
            }
            start = Math.max(start, at);
            state = t.state();
        }
        if (toMs > start) {
            spans.add(new StateSpan(state, start, toMs));
        }
        return spans;
    }

    public static Uptime uptime(SubjectKind kind, List<StateSpan> spans) {
        long up = 0;
        long down = 0;
        long excluded = 0;
        long unknown = 0;
        for (StateSpan s : spans) {
            switch (kind.counts(s.state())) {
                case UP -> up += s.durationMs();
                case DOWN -> down += s.durationMs();
                case EXCLUDED -> excluded += s.durationMs();
                case UNKNOWN -> unknown += s.durationMs();
            }
        }
        return new Uptime(up, down, excluded, unknown);
    }

    /**
     * Outages in the window, oldest first. One still going at {@code toMs} is open (no end) when {@code toMs}
     * is now, i.e. {@code openAtEnd}.
     */
    public static List<Outage> outages(SubjectKind kind, String subjectId, List<StateSpan> spans,
                                       List<Transition> inWindow, boolean openAtEnd) {
        List<Outage> outages = new ArrayList<>();
        StateSpan first = null;
        long end = 0;
        for (StateSpan s : spans) {
            if (kind.counts(s.state()) == SubjectKind.Counts.DOWN) {
                if (first == null) {
                    first = s;
                }
                end = s.endMs();
            } else if (first != null) {
                outages.add(outage(kind, subjectId, first, end, inWindow));
                first = null;
            }
        }
        if (first != null) {
            outages.add(openAtEnd ? new Outage(kind, subjectId, first.startMs(), null, first.state(),
                    reasonAt(inWindow, first.startMs())) : outage(kind, subjectId, first, end, inWindow));
        }
        return outages;
    }

    /** Mean time to repair: the mean duration of the outages that ended; empty when none did. */
    public static OptionalLong mttrMs(List<Outage> outages) {
        long[] ended = outages.stream().filter(o -> !o.ongoing()).mapToLong(o -> o.endMs() - o.startMs()).toArray();
        if (ended.length == 0) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (long d : ended) {
            sum += d;
        }
        return OptionalLong.of(sum / ended.length);
    }

    private static Outage outage(SubjectKind kind, String id, StateSpan first, long end, List<Transition> in) {
        return new Outage(kind, id, first.startMs(), end, first.state(), reasonAt(in, first.startMs()));
    }

    private static String reasonAt(List<Transition> inWindow, long atMs) {
        return inWindow.stream().filter(t -> t.atWallMs() == atMs).reduce((a, b) -> b).map(Transition::reason)
                .orElse(null);
    }
}
