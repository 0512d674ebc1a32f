package dev.switchyard.app.engine.intent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineMetrics;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.engine.RunHandle;
import dev.switchyard.local.intent.IntentException;
import dev.switchyard.local.intent.IntentSet;
import dev.switchyard.local.intent.IntentStreamHandle;
import dev.switchyard.local.intent.IntentStreamListener;
import dev.switchyard.local.intent.IntentStreamResult;
import dev.switchyard.local.intent.IntentStreamingModel;
import dev.switchyard.workspace.model.RunStatus;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Adapts the embedded intent model answering with one intent set to the engine port: the best
 * intent's templated reply streams word by word, with the intent, its confidence and the top three
 * in the run's detail. Loading the embedding model and embedding the set's examples count as load
 * time, not TTFT, so the first run is as fair as the rest.
 */
public final class IntentModelEngine implements ModelEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntentModels models;
    private final String setName;
    private final Supplier<java.util.Optional<IntentSet>> set;

    public IntentModelEngine(IntentModels models, String setName, Supplier<java.util.Optional<IntentSet>> set) {
        this.models = models;
        this.setName = setName;
        this.set = set;
    }

    @Override
    public Availability availability() {
        return Availability.READY;
    }

    @Override
    public RunHandle start(EngineRequest request, EngineListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        IntentStreamHandle[] handle = new IntentStreamHandle[1];
        models.executor().execute(() -> {
            IntentSet current = set.get().orElse(null);
            if (current == null || current.intents().isEmpty()) {
                listener.onError(new EngineFailure("intent_set_missing", "The intent set '" + setName
                        + "' is missing or empty; add intents to it in Intent sets.", null));
                return;
            }
            long loadMs;
            try {
                long t0 = System.nanoTime();
                if (!models.embedder().isLoaded()) {
                    listener.onWaiting(EngineListener.Waiting.LOADING_MODEL);
                }
                models.embedder().ensureLoaded();
                models.intentModel().prepare(current);
                loadMs = (System.nanoTime() - t0) / 1_000_000L;
            } catch (IntentException e) {
                listener.onError(new EngineFailure(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), null));
                return;
            }
            if (cancelled.get()) {
                listener.onError(new EngineFailure("cancelled", "The run was stopped.",
                        new EngineResult(RunStatus.CANCELLED, "", "", null, EngineMetrics.NONE, null)));
                return;
            }
            listener.onDispatched(); // the embedder is loaded and the set embedded: TTFT counts from here
            String user = request.user();
            IntentStreamingModel streaming = new IntentStreamingModel(models.intentModel(), current, Runnable::run);
            synchronized (handle) {
                handle[0] = streaming.stream(user, new Adapter(listener, loadMs));
            }
        });
        return () -> {
            cancelled.set(true);
            synchronized (handle) {
                if (handle[0] != null) {
                    handle[0].cancel();
                }
            }
        };
    }

    /** Intent listener → port listener. */
    private record Adapter(EngineListener target, long loadMs) implements IntentStreamListener {
        @Override
        public void onToken(String text) {
            target.onToken(text);
        }

        @Override
        public void onComplete(IntentStreamResult r) {
            EngineResult result = result(r, loadMs);
            if (r.status() == IntentStreamResult.Status.CANCELLED) {
                target.onError(new EngineFailure("cancelled", "The run was stopped.", result));
            } else {
                target.onComplete(result);
            }
        }

        @Override
        public void onError(IntentException error, String partialText) {
            target.onError(new EngineFailure(error.kind().name().toLowerCase(Locale.ROOT), error.getMessage(),
                    new EngineResult(partialText.isEmpty() ? RunStatus.FAILED : RunStatus.INCOMPLETE, partialText, "",
                            null, EngineMetrics.NONE, null)));
        }
    }

    /**
     * The reply is a template filled in at once, not decoded token by token: its words come in one burst (or paced by
     * the demo word delay), so a decode speed would be an artefact ("13,000 tok/s", or the delay's inverse) and is left
     * out (null, shown as "—"); TTFT and the prefill rate (embedding the prompt) are real.
     */
    static EngineResult result(IntentStreamResult r, long loadMs) {
        EngineMetrics m = new EngineMetrics(r.ttftMillis() >= 0 ? r.ttftMillis() : null, r.totalMillis(), r.inputTokens(),
                null, r.outputTokens(), 0, null,
                r.ttftMillis() > 0 ? r.inputTokens() / (r.ttftMillis() / 1000.0) : null,
                loadMs + r.loadMillis() > 0 ? loadMs + r.loadMillis() : null, null, false, 0);
        ObjectNode detail = JSON.createObjectNode();
        detail.put("intent", r.intent()).put("confidence", r.confidence()).put("confident", r.confident());
        ArrayNode top = detail.putArray("top3");
        r.top3().forEach(s -> top.addObject().put("intent", s.intent()).put("confidence", s.confidence())
                .put("similarity", s.similarity()));
        RunStatus status = r.status() == IntentStreamResult.Status.CANCELLED ? RunStatus.CANCELLED : RunStatus.COMPLETED;
        return new EngineResult(status, r.text(), "", r.confident() ? "intent" : "no_confident_match", m, detail.toString());
    }
}
