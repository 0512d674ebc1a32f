package dev.switchyard.app.replay.policy;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyFile;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.RoutingException;
import dev.switchyard.app.routing.WorkspaceRouting;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.PolicyVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the policy version to replay: a saved policy by name (latest version, or the one asked for), or a
 * policy JSON file, which is saved as the next version of the policy it names (else of the file's name) so the
 * replay refers to a stored version and can be reopened later. Decisions are made as if online.
 */
public final class ReplayPolicies {

    private final AppContext app;
    private final Workspace workspace;

    public ReplayPolicies(AppContext app, Workspace workspace) {
        this.app = app;
        this.workspace = workspace;
    }

    public RouterReplayPolicy load(String nameOrFile, Integer version) {
        try {
            Path file = Path.of(nameOrFile);
            PolicyStore store = new PolicyStore(workspace);
            PolicyVersion v;
            if (nameOrFile.toLowerCase(java.util.Locale.ROOT).endsWith(".json") || Files.isRegularFile(file)) {
                Policy read = PolicyJson.read(read(file));
                String name = PolicyFile.proposedName(read, file);
                // the same file replayed again reuses its version rather than adding an identical one
                v = store.sameAsLatest(name, read).orElseGet(() -> store.save(name, read, "replayed from " + file.getFileName()));
            } else {
                v = store.version(nameOrFile, version);
            }
            return forVersion(v.id());
        } catch (RoutingException e) {
            throw translate(e);
        }
    }

    /** The replay policy of a stored version (used to resume a replay). */
    public RouterReplayPolicy forVersion(long versionId) {
        PolicyVersion v = workspace.policies().getVersion(versionId).orElseThrow(() -> new ReplayException(
                ReplayException.Kind.NOT_FOUND, "There is no policy version " + versionId + " in this workspace."));
        String name = workspace.policies().get(v.policyId()).map(p -> p.name()).orElse("policy");
        try {
            WorkspaceRouting routing = new WorkspaceRouting(app, workspace, NetworkState.ONLINE);
            return new RouterReplayPolicy(name, v, routing.router(), routing.targets());
        } catch (RoutingException e) {
            throw translate(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "Cannot read the policy file " + file + ": "
                    + e.getMessage());
        }
    }

    private static ReplayException translate(RoutingException e) {
        return new ReplayException(e.kind() == RoutingException.Kind.UNKNOWN_POLICY ? ReplayException.Kind.NOT_FOUND
                : ReplayException.Kind.BAD_POLICY, e.getMessage());
    }
}
