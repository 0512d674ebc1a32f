package dev.switchyard.workspace.model;

import java.time.Instant;

/**
 * One call of one model with one prompt. {@code promptText} is the prompt as sent (searched by history);
 * {@code systemText} the system message it was sent, variables filled in ({@code ""}: sent without one; null: not
 * recorded, as for runs stored before schema version 5) — a {@code promptText} starts with it and a blank line;
 * {@code routeJson} holds the policy version and decision trace of a routed run (null otherwise);
 * {@code outcomeJson} how the engine ended it: finish reason and engine facts such as the intent matched (null when
 * not known); {@code limitsJson} the time limits the engine was to stop it at, as the app writes them
 * ({@code {"connectMs", "firstTokenMs", "idleMs", "totalMs"}}; {@code "{}"}: its engine has none; null: not recorded,
 * as for runs stored before schema version 6).
 * A partial answer is kept with status INCOMPLETE or CANCELLED.
 */
public record Run(long id, String uid, Long promptVersionId, long modelId, Long comparisonId, int repeatIndex,
                  String parametersJson, String promptText, String systemText, String outputText, String reasoningText,
                  RunStatus status, RunError error, RunMetrics metrics, RunCost cost, boolean tokensEstimated,
                  int httpAttempts, String routeJson, String outcomeJson, String limitsJson, Instant createdAt,
                  Instant finishedAt) {

    public Run {
        parametersJson = Times.json(parametersJson, "{}");
        promptText = promptText == null ? "" : promptText;
        outputText = outputText == null ? "" : outputText;
        status = status == null ? RunStatus.CREATED : status;
        metrics = metrics == null ? RunMetrics.NONE : metrics;
        cost = cost == null ? RunCost.NONE : cost;
        createdAt = Times.ms(createdAt);
        finishedAt = Times.ms(finishedAt);
    }

    /** A new run in state CREATED (id 0; uid and creation time are assigned on insert unless set). */
    public static Run created(long modelId, String promptText, String parametersJson) {
        return new Run(0, null, null, modelId, null, 0, parametersJson, promptText, null, "", null,
                RunStatus.CREATED, null, RunMetrics.NONE, RunCost.NONE, false, 0, null, null, null, null, null);
    }

    public Run withPromptVersion(Long promptVersionId) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    public Run withComparison(Long comparisonId, int repeatIndex) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    public Run withUid(String uid, Instant createdAt) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    public Run withId(long id) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    /** Streaming progress: status and the text so far. */
    public Run withOutput(RunStatus status, String outputText, String reasoningText) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    /** The terminal state: status, error (null unless failed), metrics, cost, attempts and finish time. */
    public Run finished(RunStatus status, RunError error, RunMetrics metrics, RunCost cost, boolean tokensEstimated,
                        int httpAttempts, Instant finishedAt) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    public Run withRoute(String routeJson) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    /** How the engine ended the run: {@code {"finishReason": …, …engine facts}} (null: not known). */
    public Run withOutcome(String outcomeJson) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    /** The system message the run was sent ({@code ""}: none; null: not recorded). */
    public Run withSystemText(String systemText) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }

    /**
     * The time limits the run's engine was to stop it at ({@code {"connectMs", …}}; {@code "{}"}: none; null: not
     * recorded). Stored when the run is inserted; never changed by an update.
     */
    public Run withLimits(String limitsJson) {
        return new Run(id, uid, promptVersionId, modelId, comparisonId, repeatIndex, parametersJson, promptText,
                systemText, outputText, reasoningText, status, error, metrics, cost, tokensEstimated, httpAttempts,
                routeJson, outcomeJson, limitsJson, createdAt, finishedAt);
    }
}
