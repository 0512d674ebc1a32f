package dev.switchyard.app.replay.results;

import dev.switchyard.app.replay.engine.Cell;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The alternatives a policy is judged against, computed from the same items' stored answers (no new call):
 * every target alone (all-local, all-on-each-cloud-model), the best single model (highest pass rate, then
 * cheapest), the oracle (per item the cheapest answer that passes; when none passes, the cheapest answer), and
 * random routing that sends the policy's cloud share of items to a cloud target (seeded, uniform among targets
 * of the chosen side).
 */
public final class Baselines {

    private Baselines() {
    }

    /** The policy's own point. */
    public static Point policy(ReplayResult r) {
        PointBuilder b = new PointBuilder("policy", "policy", r.items().size());
        for (ItemOutcome o : r.items()) {
            Cell c = o.route().finalCell();
            b.add(c.grade() == null ? null : c.grade().pass(), o.costUsd(), o.latencyMs(), isCloud(r, c.modelId()),
                    c.source() == Cell.Source.MISSING, o.route().unpriced());
        }
        return b.build();
    }

    public static List<Point> all(ReplayResult r) {
        List<Point> out = new ArrayList<>();
        List<Point> singles = new ArrayList<>();
        for (Model m : r.targets()) {
            boolean cloud = m.kind() == ModelKind.CLOUD;
            PointBuilder b = new PointBuilder((cloud ? "all-cloud (" : "all-local (") + m.displayName() + ")",
                    cloud ? "cloud" : "local", r.items().size());
            for (ItemOutcome o : r.items()) {
                addCell(b, o.cells().get(m.id()), cloud);
            }
            Point p = b.build();
            singles.add(p);
            out.add(p);
        }
        singles.stream().filter(p -> p.passRate() != null).max(Comparator.comparingDouble(Point::passRate)
                        .thenComparing(Comparator.comparingDouble(Point::costUsd).reversed()))
                .ifPresent(best -> out.add(rename(best, "best-single (" + inner(best.name()) + ")", "best-single")));
        out.add(oracle(r));
        out.add(random(r, policy(r).cloudShare()));
        return out;
    }

    static Point oracle(ReplayResult r) {
        PointBuilder b = new PointBuilder("oracle", "oracle", r.items().size());
        for (ItemOutcome o : r.items()) {
            Cell best = o.cells().values().stream().filter(c -> c.source() != Cell.Source.MISSING)
                    // an answer of unknown cost is not "free": known prices first
                    .sorted(Comparator.comparing((Cell c) -> !c.passed()).thenComparing(Cell::unpriced)
                            .thenComparingDouble(Cell::cost)
                            .thenComparingLong(Cell::latency))
                    .findFirst().orElse(null);
            if (best == null) {
                b.add(null, 0, null, false, true);
            } else {
                boolean anyGraded = o.cells().values().stream().anyMatch(c -> c.grade() != null && c.grade().graded());
                b.add(anyGraded ? best.passed() : null, best.cost(), best.latencyMs(), isCloud(r, best.modelId()), false,
                        best.unpriced());
            }
        }
        return b.build();
    }

    static Point random(ReplayResult r, double cloudShare) {
        List<Model> cloud = r.targets().stream().filter(m -> m.kind() == ModelKind.CLOUD).toList();
        List<Model> local = r.targets().stream().filter(m -> m.kind() != ModelKind.CLOUD).toList();
        Random rng = new Random(r.seed());
        PointBuilder b = new PointBuilder(String.format(java.util.Locale.ROOT, "random (%.0f%% cloud)",
                cloudShare * 100), "random", r.items().size());
        for (ItemOutcome o : r.items()) {
            boolean toCloud = rng.nextDouble() < cloudShare;
            List<Model> side = toCloud && !cloud.isEmpty() || local.isEmpty() ? cloud : local;
            if (side.isEmpty()) {
                b.add(null, 0, null, false, true);
                continue;
            }
            Model m = side.get(rng.nextInt(side.size()));
            addCell(b, o.cells().get(m.id()), m.kind() == ModelKind.CLOUD);
        }
        return b.build();
    }

    private static void addCell(PointBuilder b, Cell c, boolean cloud) {
        if (c == null || c.source() == Cell.Source.MISSING) {
            b.add(null, 0, null, cloud, true);
        } else {
            b.add(c.grade() == null ? null : c.grade().pass(), c.cost(), c.latencyMs(), cloud, false, c.unpriced());
        }
    }

    static boolean isCloud(ReplayResult r, long modelId) {
        Model m = r.target(modelId);
        return m != null && m.kind() == ModelKind.CLOUD;
    }

    private static String inner(String name) {
        int a = name.indexOf('(');
        return a < 0 ? name : name.substring(a + 1, name.length() - 1);
    }

    private static Point rename(Point p, String name, String kind) {
        return new Point(name, kind, p.items(), p.graded(), p.passed(), p.passRate(), p.costUsd(), p.costPer1k(),
                p.p50Ms(), p.p95Ms(), p.cloudShare(), p.missing(), p.unpriced());
    }
}
