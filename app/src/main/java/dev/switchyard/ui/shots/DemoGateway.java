package dev.switchyard.ui.shots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.cloud.bench.LoopbackStreamServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's loopback OpenAI-compatible server ({@link LoopbackStreamServer} on 127.0.0.1): it streams scripted
 * answers as server-sent events with a usage chunk at the end. The models of the demo's own provider,
 * {@value #PROVIDER} ({@link #MODELS}), answer the Compare shot's prompt in Markdown at a realistic pace (a wait
 * before the first token, then a steady rate), so its TTFT, tokens/s, tokens and cost are figures of a real stream;
 * any other model (the OpenAI models while {@link DemoReplay} replays the dataset) gets {@link DemoReplay#reply}.
 * No text here is presented as another vendor's model: the provider says it is a loopback server with scripted answers.
 */
final class DemoGateway implements AutoCloseable {

    /** The provider's name as the picker, the panes and History show it. */
    static final String PROVIDER = "Scripted demo (loopback)";

    /** A demo model: its id, its price per million tokens, its wait before the first token and its pace. */
    record DemoModel(String id, BigDecimal inPerMTok, BigDecimal outPerMTok, long firstTokenMs, long perWordMs) {
    }

    static final List<DemoModel> MODELS = List.of(
            new DemoModel("demo-small", new BigDecimal("0.10"), new BigDecimal("0.40"), 190, 11),
            new DemoModel("demo-medium", new BigDecimal("0.50"), new BigDecimal("2.00"), 340, 19),
            new DemoModel("demo-large", new BigDecimal("3.00"), new BigDecimal("15.00"), 620, 34));

    /** The system message and prompt the Compare shot sends to the three demo models. */
    static final String COMPARE_SYSTEM = "You advise the product team of a home-assistant company. Answer in Markdown.";
    static final String COMPARE_PROMPT = "Summarise the trade-offs between keeping a support bot on the device and"
            + " calling a cloud model, in three bullets";

    /** A scripted answer: the text, the wait before it and the pause between words; {@code hiddenTokens} are billed as output too. */
    record Reply(String text, long firstTokenMs, long perWordMs, int hiddenTokens) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackStreamServer server;

    DemoGateway() throws IOException {
        server = new LoopbackStreamServer(DemoGateway::handle);
    }

    /** e.g. {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }

    /** The answer of a demo model: Markdown for the Compare prompt, one plain sentence otherwise. */
    static Reply demoReply(DemoModel m, String prompt) {
        String text;
        if (!prompt.contains("support bot on the device")) {
            text = "This is " + m.id() + ", a scripted model of the demo's loopback server; it only answers the demo's prompt.";
        } else if (m.id().equals("demo-small")) {
            text = "- **Privacy:** on the device the ticket never leaves the machine; a cloud call sends it out.\n"
                    + "- **Cost:** local answers cost only device time; the cloud bills every token.\n"
                    + "- **Quality:** the cloud model copes with odd questions; a small local one is fine for FAQs.";
        } else if (m.id().equals("demo-medium")) {
            text = "### Device vs cloud\n"
                    + "- **Latency and offline:** a local model answers in ~100 ms and works without a network.\n"
                    + "- **Cost:** no per-token bill on the device; cloud spend grows with every chat.\n"
                    + "- **Quality:** the cloud handles long, unusual tickets, so route those there and keep `faq.*`"
                    + " intents local.";
        } else {
            text = "1. **Privacy** — on the device, customer data stays put; the cloud needs a processing agreement.\n"
                    + "2. **Cost and speed** — local runs skip the round trip and the bill; cloud cost scales with traffic.\n"
                    + "3. **Quality** — the cloud model reasons better over messy, multi-part tickets.\n\n"
                    + "**Suggestion:** keep `order_status` local; send the rest with a `max_tokens` cap.";
        }
        return new Reply(text, m.firstTokenMs(), m.perWordMs(), 0);
    }

    private static void handle(LoopbackStreamServer.Exchange ex) throws IOException, InterruptedException {
        JsonNode body = JSON.readTree(ex.body());
        String model = body.path("model").asText("model");
        String prompt = "";
        for (JsonNode m : body.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                prompt = m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
            }
        }
        String asked = prompt;
        Reply reply = MODELS.stream().filter(d -> d.id().equals(model)).findFirst().map(d -> demoReply(d, asked))
                .orElseGet(() -> DemoReplay.reply(model, asked));
        stream(ex, model, reply, 20 + prompt.length() / 4);
    }

    /** An OpenAI-format streamed answer: the wait, then the text word by word, then the finish and usage chunks. */
    private static void stream(LoopbackStreamServer.Exchange ex, String model, Reply reply, int inputTokens)
            throws IOException, InterruptedException {
        Thread.sleep(reply.firstTokenMs());
        ex.startChunked(200, "text/event-stream");
        List<String> words = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\S+\\s*").matcher(reply.text());
        while (m.find()) {
            words.add(m.group());
        }
        for (String w : words) {
            ex.chunk("data: " + JSON.createObjectNode().put("id", "demo").put("model", model).set("choices",
                    JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0).set("delta",
                            JSON.createObjectNode().put("content", w)))) + "\n\n");
            Thread.sleep(reply.perWordMs());
        }
        int out = words.size() * 4 / 3 + reply.hiddenTokens();
        ex.chunk("data: {\"id\":\"demo\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}]}\n\n");
        ex.chunk("data: {\"id\":\"demo\",\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
                + inputTokens + ",\"completion_tokens\":" + out + ",\"total_tokens\":" + (inputTokens + out) + "}}\n\n");
        ex.chunk("data: [DONE]\n\n");
        ex.endChunked();
    }
}
