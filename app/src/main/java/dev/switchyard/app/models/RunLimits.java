package dev.switchyard.app.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.workspace.model.Run;
import java.time.Duration;

/**
 * The time limits a run ran with, as stored with it (workspace-schema decision 15, {@code runs.limits_json}): its
 * engine's limits when it started ({@code ModelEngine#timeLimits}), none for an engine without time limits (local and
 * intent models), or not recorded (a run stored before schema version 6). Never the model's limits of today: those
 * may have changed since (Models → Time limits, {@code models set-timeouts}).
 *
 * @param recorded whether the run stored its limits
 * @param limits   the limits it ran with; null when it had none or they were not recorded
 */
public record RunLimits(boolean recorded, Timeouts limits) {

    /** A run stored before its limits were (schema version 5 and older). */
    public static final RunLimits NOT_RECORDED = new RunLimits(false, null);
    /** A run whose engine has no time limits. */
    public static final RunLimits NONE = new RunLimits(true, null);

    /** What "limits not recorded" is said with wherever a run's limits are shown. */
    public static final String NOT_RECORDED_TEXT = "limits not recorded";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run stores for an engine's {@code limits} ({@code "{}"} for null: none), in a model row's own shape. */
    public static String json(Timeouts limits) {
        ObjectNode n = JSON.createObjectNode();
        if (limits != null) {
            n.put("connectMs", limits.connect().toMillis());
            n.put("firstTokenMs", limits.firstToken().toMillis());
            n.put("idleMs", limits.idleGap().toMillis());
            n.put("totalMs", limits.total().toMillis());
        }
        return n.toString();
    }

    /** The limits {@code run} stored; {@link #NOT_RECORDED} for none or a text this build cannot read. */
    public static RunLimits of(Run run) {
        String json = run == null ? null : run.limitsJson();
        if (json == null) {
            return NOT_RECORDED;
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                return NOT_RECORDED;
            }
            if (n.isEmpty()) {
                return NONE;
            }
            return new RunLimits(true, new Timeouts(ms(n, "connectMs"), ms(n, "firstTokenMs"), ms(n, "idleMs"),
                    ms(n, "totalMs")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return NOT_RECORDED;
        }
    }

    private static Duration ms(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.canConvertToLong()) {
            throw new IllegalArgumentException("no " + field);
        }
        return Duration.ofMillis(v.asLong());
    }

    /** Milliseconds of one limit the run ran with, null when it had none or they were not recorded. */
    public Long millis(TimeLimits.Limit limit) {
        return limits == null ? null : limit.of(limits).toMillis();
    }

    /**
     * The {@code time_limits} text of an export or of {@code switchyard run --json}: "connect 10 s · first token 60 s
     * · idle gap 30 s · total 10 min", "limits not recorded" for a run of a time-limited model (a cloud model) stored
     * before runs kept them, null for a run without time limits.
     *
     * @param timeLimited whether the run's model stops its runs at time limits (a cloud model)
     */
    public String exportText(boolean timeLimited) {
        if (!recorded) {
            return timeLimited ? NOT_RECORDED_TEXT : null;
        }
        return limits == null ? null : describe();
    }

    /** "connect 10 s · first token 60 s · idle gap 30 s · total 10 min", "limits not recorded", or "" for none. */
    public String describe() {
        return limits != null ? TimeLimits.describe(limits) : recorded ? "" : NOT_RECORDED_TEXT;
    }
}
