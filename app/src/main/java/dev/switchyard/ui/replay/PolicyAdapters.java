package dev.switchyard.ui.replay;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.replay.policy.ReplayPolicies;

/** How the screen turns a stored policy version into a replayable policy: the replay core's router adapter. */
final class PolicyAdapters {

    private PolicyAdapters() {
    }

    static WorkspaceReplayBackend.PolicyAdapter forApp(AppContext app) {
        return (ws, version, label) -> new ReplayPolicies(app, ws).forVersion(version.id());
    }
}
