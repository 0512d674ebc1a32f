package dev.switchyard.app.replay.engine;

import dev.switchyard.workspace.model.ReplayMode;

/**
 * Where a replay's answers come from. PREFER_CACHED (the default) reuses a stored COMPLETED run of the same
 * prompt, model and parameters when one exists and calls the model otherwise; CACHED_ONLY never calls (a
 * missing run marks the item SKIPPED); LIVE calls every model afresh.
 */
public enum Sourcing {
    PREFER_CACHED, CACHED_ONLY, LIVE;

    public ReplayMode mode() {
        return this == LIVE ? ReplayMode.LIVE : ReplayMode.CACHED;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Sourcing parse(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
