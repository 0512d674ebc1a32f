package dev.switchyard.workspace.model;

import java.util.List;

/**
 * The outcome of one dataset item in a replay: the router's decision and the route actually taken (JSON), the
 * runs it made (in order), the answer, cost, latency and grade (JSON).
 */
public record ReplayItem(long id, String uid, long replayId, long datasetItemId, String decisionJson,
                         String routeTakenJson, List<Long> runIds, String answer, Double costUsd, Long latencyMs,
                         String gradeJson, ReplayItemStatus status) {
    public ReplayItem {
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
        status = status == null ? ReplayItemStatus.PENDING : status;
    }

    public static ReplayItem of(long replayId, long datasetItemId, String decisionJson, String routeTakenJson,
                                List<Long> runIds, String answer, Double costUsd, Long latencyMs, String gradeJson,
                                ReplayItemStatus status) {
        return new ReplayItem(0, null, replayId, datasetItemId, decisionJson, routeTakenJson, runIds, answer, costUsd,
                latencyMs, gradeJson, status);
    }
}
