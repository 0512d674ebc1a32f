package dev.switchyard.app.replay.engine;

import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.replay.grade.Graders;

/**
 * How to run a replay.
 *
 * @param sourcing         stored runs, live calls, or stored runs first
 * @param baselines        also answer every item on every target model (needed for baselines, oracle and sweep)
 * @param params           generation parameters of every call (stored runs must have the same)
 * @param graders          the graders (per-item tags, or one override such as the judge)
 * @param perProviderLimit live calls in flight per cloud provider (a local model always runs one at a time)
 * @param seed             seed of the random-routing baseline
 */
public record ReplayOptions(Sourcing sourcing, boolean baselines, GenerationParams params, Graders graders,
                            int perProviderLimit, long seed) {

    public ReplayOptions {
        sourcing = sourcing == null ? Sourcing.PREFER_CACHED : sourcing;
        params = params == null ? GenerationParams.DEFAULTS : params;
        graders = graders == null ? Graders.basic() : graders;
        if (perProviderLimit < 1) {
            throw new IllegalArgumentException("the concurrency limit per provider must be at least 1");
        }
    }

    public static ReplayOptions defaults() {
        return new ReplayOptions(Sourcing.PREFER_CACHED, true, GenerationParams.DEFAULTS, Graders.basic(), 4, 42);
    }

    public ReplayOptions withSourcing(Sourcing s) {
        return new ReplayOptions(s, baselines, params, graders, perProviderLimit, seed);
    }

    public ReplayOptions withGraders(Graders g) {
        return new ReplayOptions(sourcing, baselines, params, g, perProviderLimit, seed);
    }

    public ReplayOptions withBaselines(boolean b) {
        return new ReplayOptions(sourcing, b, params, graders, perProviderLimit, seed);
    }

    public ReplayOptions withLimit(int limit) {
        return new ReplayOptions(sourcing, baselines, params, graders, limit, seed);
    }
}
