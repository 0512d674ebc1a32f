package dev.switchyard.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineMetrics;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.models.RunLimits;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunError;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Makes runs: stores the run row, starts the engine, keeps the partial text on disk while it streams,
 * and stores the terminal row with every metric and its cost from the price row in force.
 */
public final class RunService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_FLUSH_NANOS = 1_000_000_000L;
    /** Runs started and not yet stored as ended, by every service in this JVM (the idle collector asks). */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static volatile long lastStartOrEndNanos = Long.MIN_VALUE;

    private final Workspace workspace;
    private final Clock clock;
    private final LongSupplier nanoTime;

    public RunService(Workspace workspace) {
        this(workspace, Clock.systemDefaultZone(), System::nanoTime);
    }

    public RunService(Workspace workspace, Clock clock, LongSupplier nanoTime) {
        this.workspace = workspace;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /**
     * Stores the run with the system message it is sent ({@code ""} when none: workspace-schema decision 14) and the
     * time limits its engine stops it at, read from the engine now ({@code "{}"} when none: decision 15), already
     * STREAMING (the engine is asked at once: one commit instead of a CREATED row and an
     * update, which at the start of a six-model comparison were twelve commits on the task thread), and starts it;
     * returns at once.
     */
    public ActiveRun start(RunSpec spec, ModelEngine engine, RunObserver observer) {
        long createdNanos = nanoTime.getAsLong();
        EngineRequest request = spec.request();
        Run row = workspace.runs().insert(created(spec.model().id(), request)
                .withPromptVersion(spec.promptVersionId())
                .withComparison(spec.comparisonId(), spec.repeatIndex())
                .withRoute(spec.routeJson())
                .withLimits(RunLimits.json(engine.timeLimits()))
                .withOutput(RunStatus.STREAMING, "", null));
        CompletableFuture<Run> done = new CompletableFuture<>();
        ActiveRun active = new ActiveRun(row, done);
        observer.onStarted(row);
        IN_FLIGHT.incrementAndGet(); // the sink below ends it exactly once, also when the engine cannot start
        lastStartOrEndNanos = System.nanoTime();
        Sink sink = new Sink(spec.model(), row, createdNanos, observer, done);
        try {
            active.attach(engine.start(spec.request(), sink));
        } catch (RuntimeException e) {
            sink.onError(new EngineFailure("engine", "The engine could not start the run: " + e.getMessage(), null));
        }
        return active;
    }

    /** Runs started in this JVM whose end is not yet stored (or given up on storing). */
    public static int runsInFlight() {
        return IN_FLIGHT.get();
    }

    /** When a run last started or ended in this JVM ({@link System#nanoTime()}), {@link Long#MIN_VALUE} before the first. */
    public static long lastRunStartOrEndNanos() {
        return lastStartOrEndNanos;
    }

    /**
     * A new run of {@code request} on model {@code modelId} as this service stores it: the prompt as one text, the
     * system message it is sent ({@code ""} when none: workspace-schema decision 14) and the parameters — also for
     * runs made without an engine (the screenshots' demo workspace, {@code bench replay}), so they read as real ones.
     */
    public static Run created(long modelId, EngineRequest request) {
        return Run.created(modelId, request.promptText(), parametersJson(request.params()))
                .withSystemText(request.system() == null ? "" : request.system());
    }

    /** Stores {@code routeJson} as the route of finished run {@code run} (a routed step adds its outcome). */
    public Run updateRoute(Run run, String routeJson) {
        return workspace.runs().update(run.withRoute(routeJson));
    }

    /** The parameters JSON stored with a run (replay matches stored runs on it). */
    public static String parametersJson(GenerationParams p) {
        ObjectNode node = JSON.createObjectNode();
        if (p.maxTokens() != null) {
            node.put("maxTokens", p.maxTokens());
        }
        if (p.temperature() != null) {
            node.put("temperature", p.temperature());
        }
        if (p.topP() != null) {
            node.put("topP", p.topP());
        }
        if (p.seed() != null) {
            node.put("seed", p.seed());
        }
        if (!p.stop().isEmpty()) {
            p.stop().forEach(node.putArray("stop")::add);
        }
        return node.toString();
    }

    /** Collects one run's events and stores the outcome exactly once. */
    private final class Sink implements EngineListener {
        private final Model model;
        private final Run row;
        private final long createdNanos;
        private final RunObserver observer;
        private final CompletableFuture<Run> done;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private long lastFlush;

        Sink(Model model, Run row, long createdNanos, RunObserver observer, CompletableFuture<Run> done) {
            this.model = model;
            this.row = row;
            this.createdNanos = createdNanos;
            this.observer = observer;
            this.done = done;
            this.lastFlush = createdNanos;
        }

        @Override
        public void onDispatched() {
            observer.onDispatched(row);
        }

        @Override
        public void onWaiting(Waiting why) {
            observer.onWaiting(row, why);
        }

        @Override
        public void onToken(String piece) {
            synchronized (this) {
                text.append(piece);
            }
            observer.onToken(row, piece);
            maybeFlush();
        }

        @Override
        public void onReasoning(String piece) {
            synchronized (this) {
                reasoning.append(piece);
            }
            observer.onReasoning(row, piece);
            maybeFlush();
        }

        /** Keeps the partial answer on disk about once a second, so a crash loses at most a second of text. */
        private void maybeFlush() {
            long now = nanoTime.getAsLong();
            String out;
            String why;
            synchronized (this) {
                if (ended.get() || now - lastFlush < PROGRESS_FLUSH_NANOS) {
                    return;
                }
                lastFlush = now;
                out = text.toString();
                why = reasoning.length() == 0 ? null : reasoning.toString();
            }
            try {
                workspace.runs().updateProgress(row.id(), RunStatus.STREAMING, out, why);
            } catch (RuntimeException e) {
                // The final write reports storage problems; a missed progress write loses nothing that matters.
            }
        }

        @Override
        public void onComplete(EngineResult result) {
            finish(result, null);
        }

        @Override
        public void onError(EngineFailure failure) {
            EngineResult partial = failure.partial();
            if (partial == null) {
                String out;
                String why;
                synchronized (this) {
                    out = text.toString();
                    why = reasoning.toString();
                }
                partial = new EngineResult(out.isEmpty() ? RunStatus.FAILED : RunStatus.INCOMPLETE, out, why, null,
                        EngineMetrics.NONE, null);
            }
            finish(partial, new RunFailure(failure.kind(), failure.userMessage()));
        }

        private void finish(EngineResult result, RunFailure failure) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            try {
                store(result, failure);
            } finally {
                IN_FLIGHT.decrementAndGet();
                lastStartOrEndNanos = System.nanoTime();
            }
        }

        private void store(EngineResult result, RunFailure failure) {
            long elapsedNanos = nanoTime.getAsLong() - createdNanos;
            RunStatus status = failure == null ? RunStatus.COMPLETED : result.status();
            if (status == RunStatus.COMPLETED && failure != null) {
                status = RunStatus.FAILED;
            }
            String out;
            String why;
            synchronized (this) {
                out = result.text().isEmpty() ? text.toString() : result.text();
                why = result.reasoning().isEmpty() ? reasoning.toString() : result.reasoning();
            }
            RunMetrics metrics = metrics(result.metrics(), elapsedNanos);
            Run terminal = row.withOutput(status, out, why.isEmpty() ? null : why)
                    .finished(status, failure == null ? null : new RunError(failure.kind(), failure.message()),
                            metrics, cost(status, metrics), result.metrics().tokensEstimated(),
                            result.metrics().httpAttempts(), clock.instant())
                    .withOutcome(RunOutcome.of(result));
            try {
                Run stored = workspace.runs().update(terminal);
                observer.onFinished(stored, failure);
                done.complete(stored);
            } catch (RuntimeException e) {
                observer.onFinished(terminal, new RunFailure("storage", e.getMessage()));
                done.completeExceptionally(e);
            }
        }

        private RunMetrics metrics(EngineMetrics m, long elapsedNanos) {
            Long total = ms(m.totalMs());
            long elapsedMs = elapsedNanos / 1_000_000L;
            long load = m.loadMs() == null ? 0 : m.loadMs();
            Long queue = total == null ? null : Math.max(0, elapsedMs - total - load);
            return new RunMetrics(queue, ms(m.ttftMs()), total, lng(m.inputTokens()), lng(m.cachedInputTokens()),
                    lng(m.outputTokens()), lng(m.reasoningTokens()), m.decodeTps(), m.prefillTps(), m.loadMs(),
                    m.peakMemoryBytes());
        }

        private RunCost cost(RunStatus status, RunMetrics m) {
            if (model.kind() != ModelKind.CLOUD) {
                double perHour = workspace.settings().getDouble(SettingsRepository.DEVICE_COST_PER_HOUR, 0.0);
                return RunCost.device(Pricing.deviceCost(m.totalMs() == null ? 0 : m.totalMs(), perHour));
            }
            Optional<PriceRow> price = workspace.prices().inForce(model.id(), LocalDate.now(clock));
            if (price.isEmpty()) {
                return RunCost.NONE;
            }
            if (status == RunStatus.FAILED) {
                return RunCost.api(0.0, price.get().id());
            }
            return RunCost.api(Pricing.apiCost(price.get(), m.inputTokens(), m.cachedInputTokens(), m.outputTokens()),
                    price.get().id());
        }
    }

    private static Long ms(Double v) {
        return v == null ? null : Math.round(v);
    }

    private static Long lng(Integer v) {
        return v == null ? null : v.longValue();
    }
}
