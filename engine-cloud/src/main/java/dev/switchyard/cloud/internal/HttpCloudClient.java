package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.ChatListener;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.ChatResult;
import dev.switchyard.cloud.CloudClient;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.CloudException.Kind;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.RemoteModel;
import dev.switchyard.cloud.StreamHandle;
import dev.switchyard.cloud.Timeouts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** {@link CloudClient} over OkHttp for one endpoint and protocol. */
public final class HttpCloudClient implements CloudClient, RunContext {

    private static final int MAX_MODEL_PAGES = 20;

    private final EndpointConfig endpoint;
    private final Protocol protocol;
    private final Function<Timeouts, OkHttpClient> http;
    private final ScheduledExecutorService timer;

    private final Set<StreamRun> active;

    /**
     * @param active the factory's set of running runs (so closing the factory can cancel them)
     */
    public HttpCloudClient(EndpointConfig endpoint, Protocol protocol, Function<Timeouts, OkHttpClient> http,
                           ScheduledExecutorService timer, Set<StreamRun> active) {
        this.endpoint = endpoint;
        this.protocol = protocol;
        this.http = http;
        this.timer = timer;
        this.active = active;
    }

    @Override
    public void runStarted(StreamRun run) {
        active.add(run);
    }

    @Override
    public void runEnded(StreamRun run) {
        active.remove(run);
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChatListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        return new StreamRun(this, request, listener).start();
    }

    @Override
    public ChatResult complete(ChatRequest request) {
        CompletableFuture<ChatResult> future = new CompletableFuture<>();
        StreamHandle handle = stream(request, new ChatListener() {
            @Override
            public void onToken(String text) {
            }

            @Override
            public void onComplete(ChatResult result) {
                future.complete(result);
            }

            @Override
            public void onError(CloudException error) {
                future.completeExceptionally(error);
            }
        });
        try {
            return future.get();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new CloudException(Kind.CANCELLED, "interrupted while waiting");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CloudException ce) {
                throw ce;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public List<RemoteModel> listModels() {
        List<RemoteModel> all = new ArrayList<>();
        String after = null;
        OkHttpClient client = http.apply(Timeouts.DEFAULT).newBuilder()
                .callTimeout(Timeouts.DEFAULT.firstToken()).build();
        for (int page = 0; page < MAX_MODEL_PAGES; page++) {
            try (Response r = client.newCall(protocol.modelsRequest(after)).execute()) {
                String body = r.body().string();
                if (!r.isSuccessful()) {
                    throw ErrorMapper.fromStatus(r.code(), r.headers(), protocol.parseError(body), body, secret());
                }
                Protocol.ModelsPage p = protocol.parseModels(body);
                all.addAll(p.models());
                after = p.next();
                if (after == null) {
                    break;
                }
            } catch (IOException e) {
                throw ErrorMapper.fromIo(e, false, secret());
            }
        }
        return all;
    }

    @Override
    public EndpointConfig endpoint() {
        return endpoint;
    }

    @Override
    public OkHttpClient httpFor(Timeouts timeouts) {
        return http.apply(timeouts);
    }

    @Override
    public ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public String secret() {
        return endpoint.apiKey();
    }

    @Override
    public String toString() {
        return "HttpCloudClient[" + endpoint + "]";
    }
}
