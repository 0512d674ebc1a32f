package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.RunLimits;
import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** One stored run as the CLI prints it (JSON schema in the README). */
final class RunJson {

    private RunJson() {
    }

    static ObjectNode of(Run r, Workspace ws, ModelDirectory directory) {
        Model model = ws.models().get(r.modelId()).orElseThrow();
        RunMetrics m = r.metrics();
        ObjectNode n = CliContext.object();
        n.put("run", r.uid());
        n.put("model", directory.qualifiedName(model));
        n.put("model_kind", model.kind().code());
        n.put("repeat_index", r.repeatIndex());
        n.put("status", r.status().name());
        n.put("output_text", r.outputText());
        n.put("reasoning_text", r.reasoningText());
        n.put("queue_ms", m.queueMs());
        n.put("ttft_ms", m.ttftMs());
        n.put("total_ms", m.totalMs());
        n.put("decode_tps", m.decodeTps());
        n.put("prefill_tps", m.prefillTps());
        n.put("load_ms", m.loadMs());
        n.put("peak_memory_bytes", m.peakMemoryBytes());
        n.put("input_tokens", m.inputTokens());
        n.put("cached_input_tokens", m.cachedInputTokens());
        n.put("output_tokens", m.outputTokens());
        n.put("reasoning_tokens", m.reasoningTokens());
        n.put("tokens_estimated", r.tokensEstimated());
        n.put("cost_usd", r.cost().usd());
        n.put("cost_kind", r.cost().kind() == null ? null : r.cost().kind().code());
        Optional<PriceRow> price = r.cost().priceId() == null ? Optional.empty() : ws.prices().get(r.cost().priceId());
        n.put("price_source", price.map(p -> p.source() + " (" + p.asOf() + ")").orElse(null));
        n.put("error_kind", r.error() == null ? null : r.error().kind());
        n.put("error_message", r.error() == null ? null : r.error().message());
        // a local model's damaged files: the command that fixes them (the stored message names the screen's actions)
        String fix = r.error() == null ? null : CliFix.forRun(model, r.error().kind(), ws);
        n.put("cli_fix", fix);
        // what to do next, as the compare pane advises it, in commands instead of the window's places
        n.put("advice", r.status() == RunStatus.COMPLETED ? null
                : CliAdvice.forRun(r.error() != null ? r.error().kind() : r.status() == RunStatus.CANCELLED ? "cancelled"
                        : null, model, ws, directory, fix, RunLimits.of(r).limits()));
        n.put("http_attempts", r.httpAttempts());
        // the time limits it ran with, as stored with it: the history export's columns, same names and wording
        RunLimits limits = RunLimits.of(r);
        n.put("time_limits", limits.exportText(model.kind() == ModelKind.CLOUD));
        n.put("connect_limit_ms", limits.millis(Limit.CONNECT));
        n.put("first_token_limit_ms", limits.millis(Limit.FIRST_TOKEN));
        n.put("idle_limit_ms", limits.millis(Limit.IDLE_GAP));
        n.put("total_limit_ms", limits.millis(Limit.TOTAL));
        n.set("outcome", dev.switchyard.app.run.RunOutcome.tree(r.outcomeJson()));
        return n;
    }

    static void printText(Run r, Workspace ws, ModelDirectory directory, PrintWriter out, boolean withText) {
        ObjectNode n = of(r, ws, directory);
        out.printf("── %s  #%d  %s%n", n.get("model").asText(), r.repeatIndex() + 1, r.status());
        if (withText && !r.outputText().isEmpty()) {
            out.println(r.outputText());
        }
        RunMetrics m = r.metrics();
        out.printf("   ttft %s ms · total %s ms · %s tok/s · in %s%s · out %s · %s%s%n",
                v(m.ttftMs()), v(m.totalMs()), m.decodeTps() == null ? "–" : String.format(Locale.ROOT, "%.1f", m.decodeTps()),
                v(m.inputTokens()), r.tokensEstimated() ? "~" : "", v(m.outputTokens()),
                r.cost().usd() == null ? "no price" : String.format(Locale.ROOT, "$%.6f", r.cost().usd()),
                r.httpAttempts() > 0 ? " · " + r.httpAttempts() + (r.httpAttempts() == 1 ? " HTTP attempt" : " HTTP attempts") : "");
        // how it ended and what else it has, as the compare pane shows it: intent, cut answer, load, queue, prefill…
        String other = dev.switchyard.app.compare.Formats.notes(r, null);
        if (!other.isEmpty()) {
            out.println("   " + other.replace('\u00a0', ' '));
        }
        if (r.error() != null) {
            out.println("   " + r.error().message().replace("\n", "\n   ")); // a detail line (FailureText) indented too
            if (!n.path("cli_fix").isNull()) {
                out.println("   " + n.get("cli_fix").asText());
            }
        }
        if (!n.path("advice").isNull()) {
            out.println("   " + n.get("advice").asText());
        }
    }

    private static String v(Object o) {
        return o == null ? "–" : o.toString();
    }
}
