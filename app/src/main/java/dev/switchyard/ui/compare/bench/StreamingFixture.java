package dev.switchyard.ui.compare.bench;

import dev.switchyard.cloud.bench.LoopbackStreamServer;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback OpenAI-compatible server that streams a Markdown answer at a fixed token rate, and a workspace
 * whose models point at it (provider without a key). A model whose name contains "broken" drops the connection
 * after 60 tokens (to show a failed pane). Used by the FX pulse benchmark and for screenshots.
 */
public final class StreamingFixture implements AutoCloseable {

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ANSWER = """
            ## Rollout plan

            Ship the **offline intent model** first, then route *complex* questions to the cloud.

            1. Measure `ttft` on the device
            2. Compare cost per 1,000 prompts
            3. Keep a fallback when offline

            ```java
            var policy = Policy.firstMatch(rules).orElse(cloud);
            ```

            - Local answers stay private
            - Cloud answers cost money but handle long context

            > Measure before you decide.

            """;

    private final LoopbackStreamServer server;
    private final int tokensPerSecond;
    private final int tokensPerAnswer;

    public StreamingFixture(int tokensPerSecond, int tokensPerAnswer) throws IOException {
        this.tokensPerSecond = tokensPerSecond;
        this.tokensPerAnswer = tokensPerAnswer;
        this.server = new LoopbackStreamServer(this::answer);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Creates (or reuses) a workspace with {@code names} as models of one keyless provider on this server. */
    public List<Model> workspace(Path file, List<String> names) {
        List<Model> out = new ArrayList<>();
        try (Workspace ws = Workspace.open(file)) {
            Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Loopback gateway", baseUrl(), null, null));
            int i = 0;
            for (String name : names) {
                Model m = ws.models().insert(Model.of(p.id(), name, name, dev.switchyard.workspace.model.ModelKind.CLOUD,
                        128_000, null, "{}"));
                ws.prices().insert(dev.switchyard.workspace.model.PriceRow.of(m.id(), BigDecimal.valueOf(0.15 * (i + 1)),
                        null, BigDecimal.valueOf(0.60 * (i + 1)), "benchmark", LocalDate.of(2026, 1, 1)));
                out.add(m);
                i++;
            }
        }
        return out;
    }

    private void answer(LoopbackStreamServer.Exchange ex) throws IOException {
        Matcher m = MODEL.matcher(ex.body());
        String model = m.find() ? m.group(1) : "model";
        ex.startChunked(200, "text/event-stream");
        List<String> pieces = pieces();
        long period = 1_000_000_000L / tokensPerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < tokensPerAnswer; i++) {
            if (model.contains("broken") && i == 60) {
                ex.disconnect();
                return;
            }
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String piece = pieces.get(i % pieces.size());
            ex.chunk("data: {\"id\":\"b\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + json(piece) + "},\"finish_reason\":null}]}\n\n");
        }
        ex.chunk("data: {\"id\":\"b\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        ex.chunk("data: {\"id\":\"b\",\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":42,"
                + "\"completion_tokens\":" + tokensPerAnswer + ",\"total_tokens\":" + (42 + tokensPerAnswer) + "}}\n\n");
        ex.chunk("data: [DONE]\n\n");
        ex.endChunked();
    }

    private static List<String> pieces() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+|\\s+").matcher(ANSWER);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
