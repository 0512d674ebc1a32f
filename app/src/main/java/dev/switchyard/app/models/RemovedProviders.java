package dev.switchyard.app.models;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cloud providers the user removed (README decision 35, decision 34 for providers). Removing a provider removes each of
 * its models as {@link RemovedModels} does; when no model row is left the provider row goes too, otherwise it stays
 * for the runs and prices of the models kept for History, marked removed by a workspace setting
 * {@code provider.removedAt.<uid>} (exports carry settings; no schema change) and left out of every list of providers:
 * the Models screen, Get started, the Workspace screen's count and the network check. Adding a provider of that name
 * again, or a model to it, brings the row back; its removed models stay removed until they are added again.
 */
public final class RemovedProviders {

    static final String PREFIX = "provider.removedAt.";

    private RemovedProviders() {
    }

    /** What {@link #remove} did. */
    public record Removal(boolean providerDeleted, int modelsDeleted, int modelsKept) {
    }

    /** True when the user removed {@code p} and its row stays only for its models' runs and prices. */
    public static boolean isRemoved(Workspace ws, Provider p) {
        return ws.settings().get(PREFIX + p.uid()).isPresent();
    }

    /** The providers of {@code ws} the user has not removed, in their order. */
    public static List<Provider> inUse(Workspace ws) {
        Set<String> removed = ws.settings().all().keySet().stream().filter(k -> k.startsWith(PREFIX))
                .map(k -> k.substring(PREFIX.length())).collect(Collectors.toSet());
        return ws.providers().list().stream().filter(p -> !removed.contains(p.uid())).toList();
    }

    /** A removed provider of this name (any case), to bring back when the user adds it again. */
    public static Optional<Provider> removedNamed(Workspace ws, String name) {
        return ws.providers().list().stream()
                .filter(p -> p.name().equalsIgnoreCase(name.strip()) && isRemoved(ws, p)).findFirst();
    }

    /**
     * Removes {@code p} and its models: rows nothing refers to are deleted, the others are marked removed. The mark
     * is set first, so a removal cut short leaves the provider out of the lists rather than half in them.
     */
    public static Removal remove(Workspace ws, Provider p, Instant at) {
        ws.settings().put(PREFIX + p.uid(), at.toString());
        int deleted = 0;
        for (Model m : ws.models().byProvider(p.id())) {
            if (RemovedModels.isRemoved(m)) {
                continue;
            }
            if (RemovedModels.remove(ws, m, at)) {
                deleted++;
            }
        }
        int kept = ws.models().byProvider(p.id()).size();
        if (kept > 0) {
            return new Removal(false, deleted, kept);
        }
        try {
            ws.providers().delete(p.id());
        } catch (WorkspaceException e) {
            if (e.kind() != WorkspaceException.Kind.CONFLICT) {
                throw e;
            }
            return new Removal(false, deleted, 0);
        }
        ws.settings().remove(PREFIX + p.uid());
        return new Removal(true, deleted, 0);
    }

    /** Brings {@code p} back into the lists (its removed models stay removed). */
    public static void restore(Workspace ws, Provider p) {
        ws.settings().remove(PREFIX + p.uid());
    }

    /**
     * Brings the removed provider {@code removed} back as the user now describes it: kind, base URL, key reference and
     * preset from {@code wanted} (its name and uid stay, so its models' history stays with it).
     */
    public static Provider restoreAs(Workspace ws, Provider removed, Provider wanted) {
        Provider back = ws.providers().update(new Provider(removed.id(), removed.uid(), wanted.kind(), removed.name(),
                wanted.baseUrl(), wanted.authRef(), wanted.presetId(), removed.createdAt()));
        restore(ws, back);
        return back;
    }
}
