package dev.switchyard.app.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.PolicyVersion;
import java.util.List;

/**
 * Saved policies and their versions in the workspace: saving makes a new version with a note, restoring
 * an old version makes a new version with its body, and two versions diff structurally.
 */
public final class PolicyStore {

    private final Workspace workspace;

    public PolicyStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Saves the next version of {@code name} (created when new). The JSON must be readable as a policy
     * (else {@link RoutingException.Kind#INVALID_POLICY}); it is stored normalised. Validation problems
     * against the workspace do not block saving a draft: callers show them.
     */
    public PolicyVersion save(String name, String json, String note) {
        if (name == null || name.isBlank()) {
            throw new RoutingException(RoutingException.Kind.INVALID_POLICY, "Give the policy a name.");
        }
        Policy policy = PolicyJson.read(json);
        return save(name, policy, note);
    }

    public PolicyVersion save(String name, Policy policy, String note) {
        dev.switchyard.workspace.model.Policy row = workspace.policies().findByName(name)
                .orElseGet(() -> workspace.policies().create(name));
        return workspace.policies().addVersion(row.id(), body(name, policy), note);
    }

    /**
     * The latest version of {@code name} when it holds exactly what {@link #save} would store for {@code policy} under
     * that name (the same normalised JSON); empty when it differs or there is no such policy. Saving again would only
     * add an identical version: the replay of a file and the Routing screen's Import reuse this one instead.
     */
    public java.util.Optional<PolicyVersion> sameAsLatest(String name, Policy policy) {
        String body = body(name, policy);
        return workspace.policies().findByName(name).flatMap(p -> workspace.policies().latest(p.id()))
                .filter(latest -> latest.bodyJson().equals(body));
    }

    /** The JSON stored for {@code policy} saved as {@code name} (the policy's own name replaced by it). */
    private static String body(String name, Policy policy) {
        return PolicyJson.write(new Policy(policy.schemaVersion(), name, policy.description(), policy.exampleSets(),
                policy.rules(), policy.defaultAction()));
    }

    /** Saved policies by name. */
    public List<dev.switchyard.workspace.model.Policy> list() {
        return workspace.policies().list();
    }

    /** Versions of a policy, oldest first. */
    public List<PolicyVersion> versions(String name) {
        return workspace.policies().versions(row(name).id());
    }

    /** A version ({@code version} null: the latest). */
    public PolicyVersion version(String name, Integer version) {
        long id = row(name).id();
        return (version == null ? workspace.policies().latest(id) : workspace.policies().version(id, version))
                .orElseThrow(() -> new RoutingException(RoutingException.Kind.UNKNOWN_POLICY, "The policy '" + name
                        + "' has no version " + (version == null ? "yet" : version) + "."));
    }

    /** The latest version of a saved policy, read. */
    public Policy load(String name) {
        return PolicyJson.read(version(name, null).bodyJson());
    }

    public List<JsonDiff.Change> diff(String name, int from, int to) {
        try {
            return JsonDiff.diff(PolicyJson.mapper().readTree(version(name, from).bodyJson()),
                    PolicyJson.mapper().readTree(version(name, to).bodyJson()));
        } catch (JsonProcessingException e) {
            throw new RoutingException(RoutingException.Kind.INVALID_POLICY, "A stored version is not JSON: " + e.getMessage());
        }
    }

    /** Makes a new version with the body of {@code version}. */
    public PolicyVersion restore(String name, int version, String note) {
        PolicyVersion old = version(name, version);
        return workspace.policies().addVersion(old.policyId(), old.bodyJson(),
                note == null || note.isBlank() ? "restored version " + version : note);
    }

    private dev.switchyard.workspace.model.Policy row(String name) {
        return workspace.policies().findByName(name).orElseThrow(() -> new RoutingException(
                RoutingException.Kind.UNKNOWN_POLICY, "No policy named '" + name + "' in this workspace"
                        + (workspace.policies().list().isEmpty() ? "." : "; saved: " + String.join(", ",
                        workspace.policies().list().stream().map(dev.switchyard.workspace.model.Policy::name).toList()) + ".")));
    }
}
