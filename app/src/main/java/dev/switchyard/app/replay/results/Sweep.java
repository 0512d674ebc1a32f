package dev.switchyard.app.replay.results;

import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.PlanStep;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.RouteExecutor;
import dev.switchyard.app.replay.engine.ThresholdSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a policy's threshold over stored results, with no new call: each item's two possible routes (condition
 * passes / fails, from the replay's fork) are followed once over its stored answers when the sweep is built;
 * a position then only picks a side per item. An answer the replay does not have counts as missing.
 */
public final class Sweep {

    /** One item's two sides. */
    private record Fork(ItemOutcome item, double observed, Side pass, Side fail) {
    }

    private record Side(Boolean pass, double cost, Long latency, boolean cloud, boolean missing, long finalModel,
                        boolean unpriced) {
    }

    /** An item whose route changes between two positions. */
    public record Change(long datasetItemId, int position, String prompt, double observed, String from, String to) {
    }

    /** A slider position: the threshold, the figures there, and the items whose route changed from the previous one. */
    public record Position(double threshold, Point point, List<Change> changed) {
    }

    private final ReplayResult result;
    private final ThresholdSpec spec;
    private final List<Fork> forks = new ArrayList<>();

    private Sweep(ReplayResult result) {
        this.result = result;
        this.spec = result.threshold();
        for (ItemOutcome o : result.items()) {
            if (o.fork() == null) {
                Side fixed = side(o, o.plan());
                forks.add(new Fork(o, Double.NaN, fixed, fixed));
            } else {
                forks.add(new Fork(o, o.fork().observed(), side(o, o.fork().ifPass()), side(o, o.fork().ifFail())));
            }
        }
    }

    /** A sweep when the replay's policy has a threshold. */
    public static Optional<Sweep> of(ReplayResult r) {
        return r.threshold() == null ? Optional.empty() : Optional.of(new Sweep(r));
    }

    public ThresholdSpec spec() {
        return spec;
    }

    private Side side(ItemOutcome o, List<PlanStep> steps) {
        RouteExecutor.Route route = RouteExecutor.follow(steps,
                m -> o.cells().getOrDefault(m, Cell.missing(m, "no answer stored for this model")));
        Cell c = route.finalCell();
        boolean missing = c.source() == Cell.Source.MISSING;
        return new Side(c.grade() == null ? null : c.grade().pass(), route.costUsd(), route.latencyMs(),
                Baselines.isCloud(result, c.modelId()), missing, c.modelId(), route.unpriced());
    }

    private boolean passes(Fork f, double t) {
        return !Double.isNaN(f.observed()) && spec.passes(f.observed(), t);
    }

    /** The figures with the threshold at {@code t} (a slider move). */
    public Point at(double t) {
        PointBuilder b = new PointBuilder("threshold " + t, "sweep", forks.size());
        for (Fork f : forks) {
            Side s = passes(f, t) ? f.pass() : f.fail();
            b.add(s.pass(), s.cost(), s.latency(), s.cloud(), s.missing(), s.unpriced());
        }
        return b.build();
    }

    /** Evenly spaced positions from min to max (both included), each listing the items that changed route. */
    public List<Position> curve(int positions) {
        int n = Math.max(2, positions);
        List<Position> out = new ArrayList<>(n);
        double prev = Double.NaN;
        for (int i = 0; i < n; i++) {
            double t = spec.min() + (spec.max() - spec.min()) * i / (n - 1);
            out.add(new Position(t, at(t), Double.isNaN(prev) ? List.of() : changes(prev, t, i)));
            prev = t;
        }
        return out;
    }

    /** Items whose route differs between threshold {@code from} and {@code to}. */
    public List<Change> changes(double from, double to, int position) {
        List<Change> out = new ArrayList<>();
        for (Fork f : forks) {
            boolean a = passes(f, from);
            boolean b = passes(f, to);
            if (a != b && f.pass().finalModel() != f.fail().finalModel() || a != b && !f.pass().equals(f.fail())) {
                Side sa = a ? f.pass() : f.fail();
                Side sb = b ? f.pass() : f.fail();
                out.add(new Change(f.item().item().id(), position, f.item().item().prompt(), f.observed(),
                        result.modelName(sa.finalModel()), result.modelName(sb.finalModel())));
            }
        }
        return out;
    }
}
