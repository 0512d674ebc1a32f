package dev.switchyard.app.engine.cloud;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineMetrics;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.engine.RunHandle;
import dev.switchyard.cloud.ChatListener;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.ChatResult;
import dev.switchyard.cloud.CloudClient;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.ModelCapabilities;
import dev.switchyard.cloud.RetryPolicy;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.cloud.Usage;
import dev.switchyard.workspace.model.RunStatus;
import java.util.Locale;

/** Adapts one cloud model (client + model name + capabilities + limits) to the engine port. */
public final class CloudModelEngine implements ModelEngine {

    private final CloudClient client;
    private final String apiModel;
    private final ModelCapabilities capabilities;
    private final Timeouts timeouts;
    private final RetryPolicy retryPolicy;
    private final Availability availability;

    public CloudModelEngine(CloudClient client, String apiModel, ModelCapabilities capabilities, Timeouts timeouts,
                            RetryPolicy retryPolicy, Availability availability) {
        this.client = client;
        this.apiModel = apiModel;
        this.capabilities = capabilities;
        this.timeouts = timeouts;
        this.retryPolicy = retryPolicy;
        this.availability = availability;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Timeouts timeLimits() {
        return timeouts;
    }

    @Override
    public RunHandle start(EngineRequest request, EngineListener listener) {
        if (!availability.ready()) {
            listener.onError(new EngineFailure("unavailable", availability.reason() + " " + availability.fix(),
                    new EngineResult(RunStatus.FAILED, "", "", null, EngineMetrics.NONE, null)));
            return () -> { };
        }
        var handle = client.stream(chatRequest(request), new Adapter(listener));
        return handle::cancel;
    }

    ChatRequest chatRequest(EngineRequest request) {
        GenerationParams p = request.params();
        ChatRequest.Builder b = ChatRequest.builder(apiModel)
                .capabilities(capabilities)
                .timeouts(timeouts)
                .retryPolicy(retryPolicy)
                .maxTokens(p.maxTokens())
                .temperature(p.temperature())
                .topP(p.topP())
                .seed(p.seed())
                .stop(p.stop());
        if (request.system() != null) {
            b.system(request.system());
        }
        return b.user(request.user()).build();
    }

    static EngineResult result(ChatResult r) {
        Usage u = r.usage() == null ? Usage.ZERO : r.usage();
        var t = r.timings();
        EngineMetrics m = new EngineMetrics(t == null ? null : t.ttftMillis(), t == null ? null : t.totalMillis(),
                u.inputTokens(), u.cachedInputTokens(), u.outputTokens(), u.reasoningTokens(),
                t == null ? null : t.decodeTps(), null, null, null, u.estimated(), r.httpAttempts());
        String detail = "{\"servedModel\":" + quote(r.model()) + "}";
        return new EngineResult(RunStatus.valueOf(r.status().name()), r.text(), r.reasoning(), r.finishReason(), m,
                detail);
    }

    private static String quote(String s) {
        return s == null ? "null" : com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    /** Cloud listener → port listener. */
    private record Adapter(EngineListener target) implements ChatListener {
        @Override
        public void onToken(String text) {
            target.onToken(text);
        }

        @Override
        public void onReasoning(String text) {
            target.onReasoning(text);
        }

        @Override
        public void onComplete(ChatResult result) {
            target.onComplete(result(result));
        }

        @Override
        public void onError(CloudException error) {
            EngineResult partial = error.partial() == null ? null : result(error.partial());
            target.onError(new EngineFailure(error.kind().name().toLowerCase(Locale.ROOT), error.explanation(), partial));
        }
    }
}
