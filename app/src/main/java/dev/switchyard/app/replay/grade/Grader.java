package dev.switchyard.app.replay.grade;

/** Grades one answer against a dataset item's reference; must be safe to call from several threads. */
public interface Grader {

    GraderKind kind();

    Grade grade(GradeInput in);

    /**
     * What a grader sees.
     *
     * @param prompt    the item's prompt (the judge shows it)
     * @param answer    the model's answer (never null; empty for a failed run)
     * @param reference the item's reference (pattern, schema, number… as the grader reads it), may be null
     * @param spec      the item's grader options (tolerance, threshold…)
     * @param runId     the run that produced the answer, null when none (used by the votes grader)
     */
    record GradeInput(String prompt, String answer, String reference, GraderSpec spec, Long runId) {
        public GradeInput {
            answer = answer == null ? "" : answer;
        }
    }
}
