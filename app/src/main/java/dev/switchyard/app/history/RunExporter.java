package dev.switchyard.app.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.app.history.RunPrompts.RunPrompt;
import dev.switchyard.app.models.RunLimits;
import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.app.run.RunOutcome;
import dev.switchyard.workspace.model.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * Writes runs to CSV (RFC 4180: every field quoted when it holds a comma, quote, CR or LF; quotes doubled;
 * CRLF row ends; a UTF-8 byte-order mark so spreadsheet apps read accents) or JSON (an array of objects).
 * Runs are streamed: the caller hands an iterator, so a million rows never sit in memory at once.
 * Exports hold prompts, answers and metrics — never keys (runs carry none).
 */
public final class RunExporter {

    /** The columns, in order, for both formats (new ones are added at the end: readers go by position too). */
    public static final List<String> COLUMNS = List.of("uid", "created_at", "model", "status", "comparison_id",
            "repeat_index", "prompt", "output", "reasoning", "error", "queue_ms", "ttft_ms", "total_ms", "input_tokens",
            "cached_input_tokens", "output_tokens", "reasoning_tokens", "decode_tps", "cost_usd", "cost_kind",
            "tokens_estimated", "finish_reason", "prompt_name", "prompt_version", "temperature", "max_tokens", "top_p",
            "seed", "stop", "system_message", "user_message", "cli_fix", "time_limits", "connect_limit_ms",
            "first_token_limit_ms", "idle_limit_ms", "total_limit_ms");

    /** Digits kept after the point: a cost to a ten-billionth of a dollar, a rate to a hundredth of a token/s. */
    static final int COST_SCALE = 10;
    static final int RATE_SCALE = 2;

    private final LongFunction<String> modelName;
    private final Function<Run, RunPrompt> prompts;
    private final Function<Run, String> cliFix;
    private final LongPredicate timeLimited;

    /**
     * Without saved prompts: {@code prompt_name} and {@code prompt_version} stay empty, the system message is the
     * one the run recorded ({@link RunPrompts#recorded}).
     */
    public RunExporter(LongFunction<String> modelName) {
        this(modelName, RunPrompts::recorded);
    }

    /**
     * @param modelName the readable name of a model id ({@code provider/model})
     * @param prompts   the saved prompt a run came from ({@link RunPrompts#of(Run)})
     */
    public RunExporter(LongFunction<String> modelName, Function<Run, RunPrompt> prompts) {
        this(modelName, prompts, r -> null);
    }

    /**
     * @param cliFix the command that fixes what a run failed on ({@code cli_fix}: a local model refused for its files,
     *               as {@code switchyard run} names it), null for none
     */
    public RunExporter(LongFunction<String> modelName, Function<Run, RunPrompt> prompts, Function<Run, String> cliFix) {
        this(modelName, prompts, cliFix, id -> true);
    }

    /**
     * @param timeLimited whether a model id's runs stop at time limits (a cloud model): a run of one that did not
     *                    record them (stored before schema version 6) says "limits not recorded" in {@code time_limits};
     *                    another model's says nothing
     */
    public RunExporter(LongFunction<String> modelName, Function<Run, RunPrompt> prompts, Function<Run, String> cliFix,
                       LongPredicate timeLimited) {
        this.modelName = modelName;
        this.prompts = prompts;
        this.cliFix = cliFix;
        this.timeLimited = timeLimited;
    }

    /** Writes the runs in {@code format}; returns how many were written. */
    public long write(ExportFormat format, Iterator<Run> runs, OutputStream out) throws IOException {
        return format == ExportFormat.CSV ? writeCsv(runs, out) : writeJson(runs, out);
    }

    public long writeCsv(Iterator<Run> runs, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        writeCsvRow(w, COLUMNS);
        long n = 0;
        while (runs.hasNext()) {
            writeCsvRow(w, values(runs.next()).stream().map(RunExporter::csvText).toList());
            n++;
        }
        w.flush();
        return n;
    }

    public long writeJson(Iterator<Run> runs, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        g.writeStartArray();
        long n = 0;
        while (runs.hasNext()) {
            List<Object> values = values(runs.next());
            g.writeStartObject();
            for (int i = 0; i < COLUMNS.size(); i++) {
                g.writeFieldName(COLUMNS.get(i));
                writeValue(g, values.get(i));
            }
            g.writeEndObject();
            n++;
        }
        g.writeEndArray();
        g.flush();
        return n;
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof JsonNode array) {
            g.writeStartArray();
            for (JsonNode item : array) {
                g.writeString(item.asText());
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    private List<Object> values(Run r) {
        var m = r.metrics();
        RunPrompt prompt = prompts.apply(r);
        JsonNode params = RunOutcome.tree(r.parametersJson());
        RunLimits limits = RunLimits.of(r);
        return java.util.Arrays.asList(r.uid(), r.createdAt() == null ? null : r.createdAt().toString(),
                modelName.apply(r.modelId()), r.status().code(), r.comparisonId(), r.repeatIndex(), r.promptText(),
                r.outputText(), r.reasoningText(), r.error() == null ? null : r.error().message(), m.queueMs(),
                m.ttftMs(), m.totalMs(), m.inputTokens(), m.cachedInputTokens(), m.outputTokens(), m.reasoningTokens(),
                decimal(m.decodeTps(), RATE_SCALE), decimal(r.cost().usd(), COST_SCALE),
                r.cost().kind() == null ? null : r.cost().kind().name().toLowerCase(java.util.Locale.ROOT),
                r.tokensEstimated(), RunOutcome.tree(r.outcomeJson()).path("finishReason").textValue(),
                prompt.name(), prompt.version(), number(params.get("temperature")), whole(params.get("maxTokens")),
                number(params.get("topP")), whole(params.get("seed")),
                params.path("stop").isArray() && !params.get("stop").isEmpty() ? params.get("stop") : null,
                prompt.system(), prompt.user(), r.error() == null ? null : cliFix.apply(r), limits(r),
                limits.millis(Limit.CONNECT), limits.millis(Limit.FIRST_TOKEN), limits.millis(Limit.IDLE_GAP),
                limits.millis(Limit.TOTAL));
    }

    /**
     * The time limits the run ran with, as stored with it (never the model's limits of today): "connect 10 s · first
     * token 60 s · idle gap 30 s · total 10 min", "limits not recorded" for a run of a time-limited model stored before
     * runs kept them, null for a run without time limits.
     */
    private String limits(Run r) {
        return RunLimits.of(r).exportText(timeLimited.test(r.modelId()));
    }

    /** A plain decimal rounded to {@code scale} places, trailing zeros dropped ("0.0004", "12.44"); null stays null. */
    static BigDecimal decimal(Double v, int scale) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return null;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    private static BigDecimal number(JsonNode n) {
        return n != null && n.isNumber() ? n.decimalValue().stripTrailingZeros() : null;
    }

    private static Long whole(JsonNode n) {
        return n != null && n.canConvertToLong() ? n.longValue() : null;
    }

    /** A value as CSV text: numbers without an exponent, a list of stop sequences as a JSON array. */
    private static String csvText(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    static void writeCsvRow(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(csvField(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** One CSV field: quoted when it holds a comma, a quote, CR, LF or leading/trailing space; quotes doubled. */
    static String csvField(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
