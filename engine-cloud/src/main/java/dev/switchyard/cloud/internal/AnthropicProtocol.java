package dev.switchyard.cloud.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.cloud.ChatMessage;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.RemoteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Anthropic Messages API ({@code anthropic-version: 2023-06-01}). */
public final class AnthropicProtocol implements Protocol {

    public static final String VERSION = "2023-06-01";
    /** Sent when the request has no maxTokens: the Messages API requires one. */
    public static final int DEFAULT_MAX_TOKENS = 4096;
    private final EndpointConfig endpoint;

    public AnthropicProtocol(EndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Request chatRequest(ChatRequest req, boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", req.model());
        int max = req.maxTokens() != null ? req.maxTokens() : DEFAULT_MAX_TOKENS;
        body.put("max_tokens", max);
        List<ChatMessage> msgs = req.messages();
        String system = Messages.systemText(msgs);
        if (req.capabilities().supportsSystemPrompt()) {
            if (system != null) {
                body.put("system", system);
            }
            msgs = Messages.withoutSystem(msgs);
        } else {
            msgs = Messages.foldSystemIfUnsupported(msgs, false);
        }
        ArrayNode arr = body.putArray("messages");
        for (ChatMessage m : msgs) {
            ObjectNode o = arr.addObject();
            o.put("role", m.role().name().toLowerCase(Locale.ROOT));
            o.put("content", m.content());
        }
        boolean thinking = req.thinkingBudgetTokens() != null;
        if (thinking) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", req.thinkingBudgetTokens());
        }
        if (req.capabilities().supportsTemperature() && !thinking) {
            if (req.temperature() != null) {
                body.put("temperature", req.temperature());
            }
            if (req.topP() != null) {
                body.put("top_p", req.topP());
            }
        }
        if (!req.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            req.stop().forEach(stop::add);
        }
        if (stream) {
            body.put("stream", true);
        }
        Request.Builder b = new Request.Builder()
                .url(endpoint.baseUrl() + "/messages")
                .post(RequestBody.create(body.toString(), OpenAiProtocol.JSON))
                .header("Accept", stream ? "text/event-stream" : "application/json");
        return auth(b).build();
    }

    private Request.Builder auth(Request.Builder b) {
        if (endpoint.hasApiKey()) {
            b.header("x-api-key", endpoint.apiKey());
        }
        b.header("anthropic-version", VERSION);
        endpoint.extraHeaders().forEach(b::header);
        return b;
    }

    @Override
    public StreamParser newStreamParser() {
        return (type, data, nanos, sink) -> {
            if ("content_block_delta".equals(type)) { // one per token: read without a tree (D8)
                report(AnthropicDelta.parse(data), nanos, sink);
                return;
            }
            JsonNode ev = Json.parse(data);
            String t = type != null ? type : Json.text(ev, "type");
            if (t == null) {
                return;
            }
            switch (t) {
                case "message_start" -> {
                    JsonNode msg = Json.object(ev, "message");
                    String model = Json.text(msg, "model");
                    if (model != null) {
                        sink.model(model);
                    }
                    readInputUsage(Json.object(msg, "usage"), sink.usage());
                }
                case "content_block_delta" -> report(AnthropicDelta.of(ev), nanos, sink); // no "event:" line
                case "message_delta" -> {
                    String stop = Json.text(Json.object(ev, "delta"), "stop_reason");
                    if (stop != null) {
                        sink.finishReason(stop);
                    }
                    JsonNode usage = Json.object(ev, "usage");
                    Integer out = Json.integer(usage, "output_tokens");
                    if (out != null) {
                        sink.usage().output = out;
                    }
                    if (usage != null && usage.has("input_tokens")) {
                        readInputUsage(usage, sink.usage());
                    }
                }
                case "message_stop" -> sink.end();
                case "error" -> {
                    JsonNode err = Json.object(ev, "error");
                    throw ErrorMapper.inBand(Json.text(err, "type"), Json.text(err, "message"), endpoint.apiKey());
                }
                default -> {
                    // ping, content_block_start, content_block_stop, unknown future events
                }
            }
        };
    }

    private static void report(AnthropicDelta delta, long nanos, RunSink sink) {
        if ("text_delta".equals(delta.type())) {
            if (delta.text() != null && !delta.text().isEmpty()) {
                sink.token(delta.text(), nanos);
            }
        } else if ("thinking_delta".equals(delta.type())) {
            if (delta.thinking() != null && !delta.thinking().isEmpty()) {
                sink.reasoning(delta.thinking(), nanos);
            }
        }
    }

    private static void readInputUsage(JsonNode usage, UsageParts u) {
        if (usage == null) {
            return;
        }
        Integer input = Json.integer(usage, "input_tokens");
        if (input == null) {
            return;
        }
        int read = orZero(Json.integer(usage, "cache_read_input_tokens"));
        int write = orZero(Json.integer(usage, "cache_creation_input_tokens"));
        u.input = input + read + write;
        u.cached = read;
        u.cacheWrite = write;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    @Override
    public void parseComplete(String body, RunSink sink) {
        JsonNode root = Json.parse(body);
        if ("error".equals(Json.text(root, "type"))) {
            JsonNode err = Json.object(root, "error");
            throw ErrorMapper.inBand(Json.text(err, "type"), Json.text(err, "message"), endpoint.apiKey());
        }
        long now = System.nanoTime();
        String model = Json.text(root, "model");
        if (model != null) {
            sink.model(model);
        }
        JsonNode content = root.get("content");
        if (content != null && content.isArray()) {
            for (JsonNode block : content) {
                String bt = Json.text(block, "type");
                if ("thinking".equals(bt)) {
                    String th = Json.text(block, "thinking");
                    if (th != null && !th.isEmpty()) {
                        sink.reasoning(th, now);
                    }
                } else if ("text".equals(bt)) {
                    String tx = Json.text(block, "text");
                    if (tx != null && !tx.isEmpty()) {
                        sink.token(tx, now);
                    }
                }
            }
        }
        String stop = Json.text(root, "stop_reason");
        if (stop != null) {
            sink.finishReason(stop);
        }
        JsonNode usage = Json.object(root, "usage");
        readInputUsage(usage, sink.usage());
        Integer out = Json.integer(usage, "output_tokens");
        if (out != null) {
            sink.usage().output = out;
        }
        sink.end();
    }

    @Override
    public Request modelsRequest(String after) {
        HttpUrl.Builder url = HttpUrl.get(endpoint.baseUrl() + "/models").newBuilder().addQueryParameter("limit", "100");
        if (after != null) {
            url.addQueryParameter("after_id", after);
        }
        return auth(new Request.Builder().url(url.build()).get()).build();
    }

    @Override
    public ModelsPage parseModels(String body) {
        JsonNode root = Json.parse(body);
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new CloudException(CloudException.Kind.MALFORMED_RESPONSE, "models list without data array");
        }
        List<RemoteModel> out = new ArrayList<>();
        for (JsonNode m : data) {
            String id = Json.text(m, "id");
            if (id != null) {
                String name = Json.text(m, "display_name");
                out.add(new RemoteModel(id, name != null ? name : id, "anthropic"));
            }
        }
        JsonNode more = root.get("has_more");
        String next = more != null && more.asBoolean() ? Json.text(root, "last_id") : null;
        return new ModelsPage(out, next);
    }

    @Override
    public ErrorBody parseError(String body) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode err = Json.object(root, "error");
            if (err != null) {
                return new ErrorBody(Json.text(err, "type"), Json.text(err, "message"));
            }
            return new ErrorBody(null, Json.text(root, "message"));
        } catch (Exception e) {
            return new ErrorBody(null, null);
        }
    }

    @Override
    public boolean isContentFiltered(String finishReason) {
        return "refusal".equals(finishReason);
    }
}
