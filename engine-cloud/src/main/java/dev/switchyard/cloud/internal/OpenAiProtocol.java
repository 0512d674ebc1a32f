package dev.switchyard.cloud.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.cloud.ChatMessage;
import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.EndpointConfig;
import dev.switchyard.cloud.ModelCapabilities;
import dev.switchyard.cloud.RemoteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** OpenAI Chat Completions, as spoken by OpenAI and OpenAI-compatible servers and gateways. */
public final class OpenAiProtocol implements Protocol {

    static final MediaType JSON = MediaType.get("application/json");
    private final EndpointConfig endpoint;

    public OpenAiProtocol(EndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Request chatRequest(ChatRequest req, boolean stream) {
        ModelCapabilities caps = req.capabilities();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", req.model());
        ArrayNode msgs = body.putArray("messages");
        for (ChatMessage m : Messages.foldSystemIfUnsupported(req.messages(), caps.supportsSystemPrompt())) {
            ObjectNode o = msgs.addObject();
            o.put("role", m.role().name().toLowerCase(Locale.ROOT));
            o.put("content", m.content());
        }
        if (stream) {
            body.put("stream", true);
            if (endpoint.sendStreamOptions()) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        if (req.maxTokens() != null) {
            body.put(caps.usesMaxCompletionTokens() ? "max_completion_tokens" : "max_tokens", req.maxTokens());
        }
        if (caps.supportsTemperature()) {
            if (req.temperature() != null) {
                body.put("temperature", req.temperature());
            }
            if (req.topP() != null) {
                body.put("top_p", req.topP());
            }
        }
        if (req.seed() != null) {
            body.put("seed", req.seed());
        }
        if (!req.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            req.stop().forEach(stop::add);
        }
        if (req.reasoningEffort() != null && caps.reasoning()) {
            body.put("reasoning_effort", req.reasoningEffort());
        }
        Request.Builder b = new Request.Builder()
                .url(endpoint.baseUrl() + "/chat/completions")
                .post(RequestBody.create(body.toString(), JSON))
                .header("Accept", stream ? "text/event-stream" : "application/json");
        return auth(b).build();
    }

    private Request.Builder auth(Request.Builder b) {
        if (endpoint.hasApiKey()) {
            b.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        endpoint.extraHeaders().forEach(b::header);
        return b;
    }

    @Override
    public StreamParser newStreamParser() {
        return (type, data, nanos, sink) -> {
            if ("[DONE]".equals(data.strip())) {
                sink.end();
                return;
            }
            if (data.isBlank()) {
                return;
            }
            OpenAiChunk chunk = OpenAiChunk.parse(data);
            if (chunk.hasError()) {
                checkError(Json.parse(data));
            }
            report(chunk, nanos, sink);
        };
    }

    private void checkError(JsonNode node) {
        JsonNode err = node.get("error");
        if (err != null && !err.isNull()) {
            ErrorBody eb = errorOf(node);
            throw ErrorMapper.inBand(eb.code(), eb.message(), endpoint.apiKey());
        }
    }

    private static void report(OpenAiChunk chunk, long nanos, RunSink sink) {
        if (chunk.model() != null && !chunk.model().isEmpty()) {
            sink.model(chunk.model());
        }
        if (chunk.reasoning() != null && !chunk.reasoning().isEmpty()) {
            sink.reasoning(chunk.reasoning(), nanos);
        }
        if (chunk.content() != null && !chunk.content().isEmpty()) {
            sink.token(chunk.content(), nanos);
        }
        if (chunk.refusal() != null && !chunk.refusal().isEmpty()) {
            sink.token(chunk.refusal(), nanos);
        }
        if (chunk.finishReason() != null) {
            sink.finishReason(chunk.finishReason());
        }
        JsonNode usage = chunk.usage();
        if (usage != null) {
            // Later usage objects replace earlier ones field by field; absent fields keep what came before.
            UsageParts u = sink.usage();
            u.input = or(Json.integer(usage, "prompt_tokens"), u.input);
            u.output = or(Json.integer(usage, "completion_tokens"), u.output);
            Integer cached = Json.integer(Json.object(usage, "prompt_tokens_details"), "cached_tokens");
            if (cached == null) {
                cached = Json.integer(usage, "prompt_cache_hit_tokens"); // DeepSeek
            }
            u.cached = or(cached, u.cached);
            u.reasoning = or(Json.integer(Json.object(usage, "completion_tokens_details"), "reasoning_tokens"),
                    u.reasoning);
        }
    }

    private static Integer or(Integer value, Integer previous) {
        return value != null ? value : previous;
    }

    @Override
    public void parseComplete(String body, RunSink sink) {
        JsonNode root = Json.parse(body);
        checkError(root);
        report(OpenAiChunk.of(root, "message"), System.nanoTime(), sink);
        sink.end();
    }

    @Override
    public Request modelsRequest(String after) {
        return auth(new Request.Builder().url(endpoint.baseUrl() + "/models").get()).build();
    }

    @Override
    public ModelsPage parseModels(String body) {
        JsonNode root = Json.parse(body);
        JsonNode data = root.isArray() ? root : root.get("data");
        List<RemoteModel> out = new ArrayList<>();
        if (data == null || !data.isArray()) {
            throw new CloudException(CloudException.Kind.MALFORMED_RESPONSE, "models list without data array");
        }
        for (JsonNode m : data) {
            String id = Json.text(m, "id");
            if (id != null && id.startsWith("models/")) {
                id = id.substring("models/".length()); // Gemini's OpenAI-compatible listing
            }
            if (id != null) {
                String name = Json.text(m, "name");
                out.add(new RemoteModel(id, name != null ? name : id, Json.text(m, "owned_by")));
            }
        }
        return new ModelsPage(out, null);
    }

    @Override
    public ErrorBody parseError(String body) {
        try {
            return errorOf(Json.MAPPER.readTree(body));
        } catch (Exception e) {
            return new ErrorBody(null, null);
        }
    }

    private static ErrorBody errorOf(JsonNode root) {
        if (root == null) {
            return new ErrorBody(null, null);
        }
        JsonNode err = root.get("error");
        if (err != null && err.isTextual()) {
            return new ErrorBody(null, err.asText());
        }
        if (err != null && err.isObject()) {
            JsonNode codeNode = err.get("code");
            String code = codeNode != null && !codeNode.isNull() ? codeNode.asText() : Json.text(err, "type");
            return new ErrorBody(code, Json.text(err, "message"));
        }
        return new ErrorBody(Json.text(root, "code"), Json.text(root, "message"));
    }

    @Override
    public boolean isContentFiltered(String finishReason) {
        return "content_filter".equals(finishReason);
    }
}
