package dev.switchyard.app.history;

import dev.switchyard.app.SafeFileWrite;
import dev.switchyard.app.models.CliFix;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Exports history from a workspace: a whole query (paged through, {@value #PAGE} rows at a time) or chosen
 * run ids. Files are written to a temporary sibling and moved into place, so a failed export never leaves
 * half a file under the name the user chose.
 */
public final class HistoryExport {

    static final int PAGE = 500;

    private final Workspace workspace;
    private final RunExporter exporter;

    /**
     * The export of the command line and of the History screen alike: a run refused for a local model's files has the
     * command that fixes them in its {@code cli_fix} column ({@link CliFix}), and a run the time limits it ran with
     * ({@code time_limits}; "limits not recorded" for a cloud model's run stored before runs kept them).
     */
    public HistoryExport(Workspace workspace) {
        this.workspace = workspace;
        java.util.Set<Long> cloud = new java.util.HashSet<>();
        workspace.models().list().stream().filter(m -> m.kind() == dev.switchyard.workspace.model.ModelKind.CLOUD)
                .forEach(m -> cloud.add(m.id()));
        this.exporter = new RunExporter(modelNames(workspace)::get, RunPrompts.of(workspace)::of, CliFix.cached(workspace),
                cloud::contains);
    }

    /** {@code provider/model} for every model id of the workspace. */
    public static Map<Long, String> modelNames(Workspace ws) {
        Map<Long, String> providers = new HashMap<>();
        for (Provider p : ws.providers().list()) {
            providers.put(p.id(), p.name());
        }
        Map<Long, String> names = new HashMap<>();
        for (Model m : ws.models().list()) {
            names.put(m.id(), providers.getOrDefault(m.providerId(), "?") + "/" + m.apiModelId());
        }
        return names;
    }

    /**
     * The name Compare shows for every model id ("fast-model", "Intent model (customer-support)"). When models share
     * a name, each gets its provider in brackets ("gpt-4o-mini (OpenRouter)"), or its "provider/model" when they share
     * the provider too.
     */
    public static Map<Long, String> displayNames(Workspace ws) {
        Map<Long, String> refs = modelNames(ws);
        Map<Long, String> providers = new HashMap<>();
        for (Provider p : ws.providers().list()) {
            providers.put(p.id(), p.name());
        }
        java.util.List<Model> models = ws.models().list();
        Map<String, Long> names = new HashMap<>();
        Map<String, Long> namesWithProvider = new HashMap<>();
        models.forEach(m -> {
            names.merge(m.displayName(), 1L, Long::sum);
            namesWithProvider.merge(m.displayName() + "\n" + m.providerId(), 1L, Long::sum);
        });
        Map<Long, String> out = new HashMap<>();
        for (Model m : models) {
            String name = m.displayName();
            if (names.get(name) > 1) {
                name += " (" + (namesWithProvider.get(name + "\n" + m.providerId()) > 1 ? refs.get(m.id())
                        : providers.getOrDefault(m.providerId(), "?")) + ")";
            }
            out.put(m.id(), name);
        }
        return out;
    }

    /** Every run matching the query (its offset/limit are ignored) into {@code file}; returns the count. */
    public long query(RunQuery query, ExportFormat format, Path file) throws IOException {
        return SafeFileWrite.write(file, out -> exporter.write(format, paged(query), out));
    }

    /** The runs with these ids, in the order given, into {@code file}; returns the count. */
    public long runs(Collection<Long> ids, ExportFormat format, Path file) throws IOException {
        Iterator<Run> runs = ids.stream().map(id -> workspace.runs().get(id))
                .flatMap(java.util.Optional::stream).iterator();
        return SafeFileWrite.write(file, out -> exporter.write(format, runs, out));
    }

    /** Iterates every matching run page by page (the page after the last seen offset). */
    Iterator<Run> paged(RunQuery query) {
        return new Iterator<>() {
            private final ArrayDeque<Run> buffer = new ArrayDeque<>();
            private int offset;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (buffer.isEmpty() && !done) {
                    Page<Run> page = workspace.runs().page(query.page(offset, PAGE));
                    buffer.addAll(page.items());
                    offset += page.items().size();
                    done = page.items().size() < PAGE;
                }
                return !buffer.isEmpty();
            }

            @Override
            public Run next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
    }
}
