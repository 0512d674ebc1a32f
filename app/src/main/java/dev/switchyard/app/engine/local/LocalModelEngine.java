package dev.switchyard.app.engine.local;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineMetrics;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.FailureText;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.engine.RunHandle;
import dev.switchyard.app.models.LocalModelHealth;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.local.ChatMessage;
import dev.switchyard.local.GenerationHandle;
import dev.switchyard.local.GenerationRequest;
import dev.switchyard.local.LocalEngineException;
import dev.switchyard.local.LocalResult;
import dev.switchyard.local.SamplingParams;
import dev.switchyard.local.TokenListener;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Adapts a local generative model (a folder in the onnx-community or genai layout) to the engine port.
 * The model is loaded on its first run (that run reports the load time apart from TTFT) and stays warm.
 */
public final class LocalModelEngine implements ModelEngine {

    /** Output cap when the run does not set one. */
    public static final int DEFAULT_MAX_TOKENS = 256;

    private final LocalModels models;
    private final LocalModelSettings settings;
    private final Path folder;
    private final String variant;
    private final String displayName;

    /** A folder without recorded files (its files are checked by presence only). */
    public LocalModelEngine(LocalModels models, Path folder, String variant, String displayName) {
        this(models, new LocalModelSettings(folder, variant, null), displayName);
    }

    /** A model row's folder, ONNX file and the files recorded when it was imported or downloaded. */
    public LocalModelEngine(LocalModels models, LocalModelSettings settings, String displayName) {
        this.models = models;
        this.settings = settings;
        this.folder = settings.path();
        this.variant = settings.variant();
        this.displayName = displayName;
    }

    /**
     * Ready unless the model's files changed or went missing since it was imported or downloaded
     * ({@link LocalModelHealth}: sizes and times, a file hashed only when its time alone changed, and that once); may
     * read the disk, so callers ask off the FX thread (the picker does).
     */
    @Override
    public Availability availability() {
        LocalModelHealth health = LocalModelHealth.check(models, settings);
        if (!health.ok()) {
            return Availability.notReady(health.reason(), health.fix());
        }
        return models.isLoading(folder, variant) ? Availability.readyWhen("Loading into memory…") : Availability.READY;
    }

    /** The failure kind of a run refused because of its files: the folder is gone, or files changed. */
    static String refusalKind(LocalModelHealth health) {
        return switch (health.state()) {
            case FOLDER_MISSING -> "model_not_found";
            case LOAD_FAILED -> "corrupt_model";
            default -> "model_files_changed";
        };
    }

    @Override
    public RunHandle start(EngineRequest request, EngineListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Run run = new Run(listener, cancelled);
        Thread t = new Thread(() -> run.start(request), "switchyard-local-start");
        t.setDaemon(true);
        t.start();
        return run::cancel;
    }

    /** One run: load if needed (off the caller's thread), then generate. */
    private final class Run implements TokenListener {
        private final EngineListener target;
        private final AtomicBoolean cancelled;
        private volatile GenerationHandle handle;
        private volatile long loadMillis;
        /** Set once the run was counted as handed to the engine; cleared when it ends. */
        private final AtomicBoolean inFlight = new AtomicBoolean();

        Run(EngineListener target, AtomicBoolean cancelled) {
            this.target = target;
            this.cancelled = cancelled;
        }

        void start(EngineRequest request) {
            // the files first, on this thread (a changed file may be hashed once): a damaged model is said as the picker
            // says it, not as ONNX Runtime's failure to load it
            LocalModelHealth health = LocalModelHealth.check(models, settings);
            if (!health.ok()) {
                target.onError(new EngineFailure(refusalKind(health), health.reason() + " " + health.fix(), null));
                return;
            }
            try {
                LocalModels.Loaded loaded = models.ensureLoaded(folder, variant,
                        () -> target.onWaiting(EngineListener.Waiting.LOADING_MODEL));
                loadMillis = loaded.loadMillis();
                if (cancelled.get()) {
                    onError(new LocalEngineException(LocalEngineException.Kind.CANCELLED, "The run was stopped."));
                    return;
                }
                inFlight.set(true);
                if (models.runBegins()) {
                    target.onWaiting(EngineListener.Waiting.DEVICE_BUSY);
                }
                handle = models.engine().generate(generation(loaded.id(), request), this);
                if (cancelled.get()) {
                    handle.cancel();
                }
            } catch (LocalEngineException e) {
                onError(e);
            } catch (RuntimeException e) {
                onError(new LocalEngineException(LocalEngineException.Kind.RUNTIME_FAILURE, e.getMessage(), e));
            }
        }

        private void ended() {
            if (inFlight.compareAndSet(true, false)) {
                models.runEnded();
            }
        }

        void cancel() {
            cancelled.set(true);
            GenerationHandle h = handle;
            if (h != null) {
                h.cancel();
            }
        }

        @Override
        public void onStarted() {
            target.onDispatched();
        }

        @Override
        public void onToken(String text) {
            target.onToken(text);
        }

        @Override
        public void onComplete(LocalResult result) {
            ended();
            target.onComplete(result(result, RunStatus.COMPLETED, loadMillis));
        }

        @Override
        public void onError(LocalEngineException error) {
            ended();
            if (error.kind() == LocalEngineException.Kind.WORKER_CRASHED) {
                models.forgetLoaded();
            }
            EngineResult partial = error.partial()
                    .map(r -> result(r, status(error, r), loadMillis))
                    .orElse(null);
            // ONNX Runtime's own words go after the sentence as its detail, never as the sentence's end
            target.onError(new EngineFailure(error.kind().name().toLowerCase(Locale.ROOT),
                    FailureText.withDetail(error.getMessage(), error.detail() == null ? null
                            : "ONNX Runtime said: " + error.detail()), partial));
        }
    }

    private static RunStatus status(LocalEngineException e, LocalResult r) {
        if (e.kind() == LocalEngineException.Kind.CANCELLED) {
            return RunStatus.CANCELLED;
        }
        return r.text().isEmpty() ? RunStatus.FAILED : RunStatus.INCOMPLETE;
    }

    GenerationRequest generation(String modelId, EngineRequest request) {
        GenerationParams p = request.params();
        List<ChatMessage> messages = new ArrayList<>();
        if (request.system() != null) {
            messages.add(ChatMessage.system(request.system()));
        }
        messages.add(ChatMessage.user(request.user()));
        SamplingParams sampling = p.temperature() == null || p.temperature() == 0.0
                ? SamplingParams.greedy()
                : SamplingParams.of(p.temperature(), 0, p.topP() == null ? 1.0 : p.topP(), 1.0, p.seed());
        return new GenerationRequest(modelId, messages, false, sampling,
                p.maxTokens() == null ? DEFAULT_MAX_TOKENS : p.maxTokens(), p.stop());
    }

    static EngineResult result(LocalResult r, RunStatus status, long loadMillis) {
        EngineMetrics m = new EngineMetrics(r.outputTokens() > 0 ? r.ttftMillis() : null, r.totalMillis(),
                r.inputTokens(), null, r.outputTokens(), 0, r.outputTokens() > 1 ? r.decodeTps() : null,
                r.outputTokens() > 0 ? r.prefillTps() : null, loadMillis > 0 ? loadMillis : null,
                r.peakMemoryBytes() >= 0 ? r.peakMemoryBytes() : null, false, 0);
        String detail = "{\"stopReason\":\"" + (r.stopReason() == null ? "" : r.stopReason().name().toLowerCase(Locale.ROOT))
                + "\",\"sessionRunMs\":" + r.sessionRunMillis() + "}";
        return new EngineResult(status, r.text(), "", r.stopReason() == null ? null : r.stopReason().name().toLowerCase(Locale.ROOT),
                m, detail);
    }
}
