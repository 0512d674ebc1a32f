package dev.switchyard.app.routing;

import java.util.function.Supplier;

/**
 * A decision to show with its time. A process's first decision also loads what its conditions read (the intent model,
 * the embedder: most of a second), which is no decision's own time: when one takes that long the same request is
 * decided again (it routes the same way) and the first time is said beside the second's.
 *
 * @param decision     the decision shown (the second, when there were two)
 * @param firstMicros  the first decision's time, loading included
 */
public record TimedDecision(Decision decision, double firstMicros) {

    /** A decision this slow is taken to have loaded something: decided again. */
    static final double SLOW_MICROS = 100_000;

    public static TimedDecision of(Supplier<Decision> decide) {
        Decision first = decide.get();
        return first.micros() < SLOW_MICROS ? new TimedDecision(first, first.micros())
                : new TimedDecision(decide.get(), first.micros());
    }

    /** "2.1 ms", or "2.1 ms (1.13 s the first time, loading what its conditions read)" after a slow first decision. */
    public String time() {
        String own = TraceText.duration(decision.micros());
        return firstMicros > 2 * decision.micros() + 1000 && firstMicros >= SLOW_MICROS
                ? own + " (" + TraceText.duration(firstMicros) + " the first time, loading what its conditions read)" : own;
    }
}
