package dev.switchyard.ui.replay;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.replay.ReplayException;

/** How the screen turns a stored policy version into a replayable policy (the replay core's router adapter). */
final class PolicyAdapters {

    private PolicyAdapters() {
    }

    static WorkspaceReplayBackend.PolicyAdapter forApp(AppContext app) {
        return (ws, version, label) -> {
            throw new ReplayException(ReplayException.Kind.BAD_POLICY, "This build cannot replay routing policies yet"
                    + " (the router adapter of the replay core is missing).");
        };
    }
}
