package dev.switchyard.workspace.model;

/**
 * One prompt of a dataset at {@code position} (0-based), with optional system text, variables (JSON object),
 * reference answer and tags (JSON array).
 */
public record DatasetItem(long id, String uid, long datasetId, int position, String prompt, String system,
                          String variablesJson, String referenceAnswer, String tagsJson) {
    public DatasetItem {
        variablesJson = Times.json(variablesJson, "{}");
        tagsJson = Times.json(tagsJson, "[]");
    }

    /** An item not yet stored; dataset and position are assigned when it is added. */
    public static DatasetItem of(String prompt, String system, String variablesJson, String referenceAnswer,
                                 String tagsJson) {
        return new DatasetItem(0, null, 0, 0, prompt, system, variablesJson, referenceAnswer, tagsJson);
    }
}
