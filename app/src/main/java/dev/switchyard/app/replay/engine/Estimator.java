package dev.switchyard.app.replay.engine;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.replay.grade.Grader;
import dev.switchyard.app.replay.grade.GraderKind;
import dev.switchyard.app.replay.grade.GraderSpec;
import dev.switchyard.app.replay.grade.JudgeGrader;
import dev.switchyard.app.run.Pricing;
import dev.switchyard.app.run.RunService;
import dev.switchyard.cloud.tokens.TokenEstimator;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts the calls a replay will make and estimates their cost before anything is called: input tokens from the
 * local token estimator (exact BPE for OpenAI models, chars/4 otherwise), output tokens from the max-tokens
 * parameter or {@value #DEFAULT_OUTPUT_TOKENS} when unset, priced with the price row in force today. The first
 * step of each plan (and, with baselines, every target) is certain; later cascade/fallback steps are counted
 * apart as possible escalations.
 */
public final class Estimator {

    static final int DEFAULT_OUTPUT_TOKENS = 256;
    static final int JUDGE_OUTPUT_TOKENS = 200;

    private Estimator() {
    }

    public static ReplayEstimate estimate(Workspace ws, List<Model> targets, List<DatasetItem> all,
                                          Map<DatasetItem, RoutePlan> todo, CachedRuns cached, ReplayOptions o,
                                          LocalDate today) {
        Map<Long, Model> byId = new java.util.HashMap<>();
        targets.forEach(m -> byId.put(m.id(), m));
        String params = RunService.parametersJson(o.params());
        int out = o.params().maxTokens() == null ? DEFAULT_OUTPUT_TOKENS : o.params().maxTokens();
        Set<String> unpriced = new TreeSet<>();
        Map<Long, Optional<PriceRow>> prices = new java.util.HashMap<>();
        int cachedN = 0;
        int cloud = 0;
        int maybe = 0;
        int local = 0;
        int missing = 0;
        int judgeCalls = 0;
        double cost = 0;
        double maybeCost = 0;
        double judgeCost = 0;
        Optional<JudgeGrader> judge = o.graders().judge();
        for (var e : todo.entrySet()) {
            DatasetItem item = e.getKey();
            EngineRequest request = ItemRequest.of(item, o.params());
            Set<Long> certain = new LinkedHashSet<>();
            certain.add(e.getValue().steps().get(0).modelId());
            if (o.baselines()) {
                byId.keySet().forEach(certain::add);
            }
            Set<Long> possible = new LinkedHashSet<>();
            e.getValue().steps().forEach(s -> possible.add(s.modelId()));
            possible.removeAll(certain);
            int answers = 0;
            for (long id : concat(certain, possible)) {
                Model m = byId.get(id);
                if (m == null) {
                    continue;
                }
                boolean isCertain = certain.contains(id);
                answers += isCertain ? 1 : 0;
                if (o.sourcing() != Sourcing.LIVE && cached.find(id, request.promptText(), params).isPresent()) {
                    cachedN += isCertain ? 1 : 0;
                    continue;
                }
                if (o.sourcing() == Sourcing.CACHED_ONLY) {
                    missing += isCertain ? 1 : 0;
                    continue;
                }
                if (m.kind() != ModelKind.CLOUD) {
                    local += isCertain ? 1 : 0;
                    continue;
                }
                double c = price(ws, m, prices, today, unpriced, request.promptText(), out);
                if (isCertain) {
                    cloud++;
                    cost += c;
                } else {
                    maybe++;
                    maybeCost += c;
                }
            }
            GraderSpec spec = GraderSpec.fromTags(item.tagsJson(), item.referenceAnswer());
            if (judge.isPresent() && o.graders().kindFor(spec) == GraderKind.JUDGE) {
                judgeCalls += answers;
                EngineRequest jr = judge.get().request(new Grader.GradeInput(request.user(), "x".repeat(out * 4),
                        item.referenceAnswer(), spec, null));
                judgeCost += answers * price(ws, judge.get().judgeModel(), prices, today, unpriced, jr.promptText(),
                        JUDGE_OUTPUT_TOKENS);
            }
        }
        return new ReplayEstimate(all.size(), todo.size(), cachedN, cloud, maybe, local, cost, maybeCost, judgeCalls,
                judgeCost, List.copyOf(unpriced), missing, out);
    }

    /**
     * The live calls each model would get, by model id: {@code [certain, possible]}, counted as {@link #estimate}
     * counts them (answers from stored runs are not calls; cached-only makes none). Local models are counted too.
     */
    public static Map<Long, int[]> liveCalls(List<Model> targets, Map<DatasetItem, RoutePlan> todo, CachedRuns cached,
                                             ReplayOptions o) {
        Map<Long, int[]> calls = new java.util.LinkedHashMap<>();
        if (o.sourcing() == Sourcing.CACHED_ONLY) {
            return calls;
        }
        Set<Long> known = new java.util.HashSet<>();
        targets.forEach(m -> known.add(m.id()));
        String params = RunService.parametersJson(o.params());
        for (var e : todo.entrySet()) {
            EngineRequest request = ItemRequest.of(e.getKey(), o.params());
            Set<Long> certain = new LinkedHashSet<>();
            certain.add(e.getValue().steps().get(0).modelId());
            if (o.baselines()) {
                certain.addAll(known);
            }
            Set<Long> possible = new LinkedHashSet<>();
            e.getValue().steps().forEach(s -> possible.add(s.modelId()));
            possible.removeAll(certain);
            for (long id : concat(certain, possible)) {
                if (!known.contains(id) || o.sourcing() != Sourcing.LIVE
                        && cached.find(id, request.promptText(), params).isPresent()) {
                    continue;
                }
                calls.computeIfAbsent(id, k -> new int[2])[certain.contains(id) ? 0 : 1]++;
            }
        }
        return calls;
    }

    private static List<Long> concat(Set<Long> a, Set<Long> b) {
        List<Long> l = new java.util.ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private static double price(Workspace ws, Model m, Map<Long, Optional<PriceRow>> prices, LocalDate today,
                                Set<String> unpriced, String prompt, int outputTokens) {
        if (m.kind() != ModelKind.CLOUD) {
            return 0;
        }
        Optional<PriceRow> p = prices.computeIfAbsent(m.id(), id -> ws.prices().inForce(id, today));
        if (p.isEmpty()) {
            unpriced.add(m.displayName());
            return 0;
        }
        String enc = TokenEstimator.encodingForModel(m.apiModelId());
        long in = TokenEstimator.shared().count(prompt, enc) + 7L;
        return Pricing.apiCost(p.get(), in, 0L, (long) outputTokens);
    }
}
