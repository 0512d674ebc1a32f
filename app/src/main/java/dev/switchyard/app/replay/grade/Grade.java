package dev.switchyard.app.replay.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The verdict of one grader on one answer.
 *
 * @param grader       the grader kind that produced it ({@link GraderKind#code()})
 * @param pass         true/false, or null when the answer could not be graded (no reference, no votes…)
 * @param score        a score in [0, 1] where the grader has one (similarity, judge score), else null
 * @param detail       a short sentence saying why
 * @param judgeCostUsd what grading itself cost (LLM-as-judge calls), kept apart from the route's cost
 */
public record Grade(String grader, Boolean pass, Double score, String detail, double judgeCostUsd) {

    public static Grade pass(GraderKind kind, String detail) {
        return new Grade(kind.code(), true, null, detail, 0);
    }

    public static Grade fail(GraderKind kind, String detail) {
        return new Grade(kind.code(), false, null, detail, 0);
    }

    public static Grade of(GraderKind kind, boolean pass, String detail) {
        return new Grade(kind.code(), pass, null, detail, 0);
    }

    public static Grade ungraded(GraderKind kind, String detail) {
        return new Grade(kind.code(), null, null, detail, 0);
    }

    public Grade withScore(double s) {
        return new Grade(grader, pass, s, detail, judgeCostUsd);
    }

    public boolean passed() {
        return Boolean.TRUE.equals(pass);
    }

    public boolean graded() {
        return pass != null;
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("grader", grader);
        if (pass == null) {
            n.putNull("pass");
        } else {
            n.put("pass", pass);
        }
        if (score != null) {
            n.put("score", score);
        }
        n.put("detail", detail);
        if (judgeCostUsd != 0) {
            n.put("judgeCostUsd", judgeCostUsd);
        }
        return n;
    }

    public static Grade fromJson(JsonNode n) {
        JsonNode p = n.path("pass");
        return new Grade(n.path("grader").asText(), p.isBoolean() ? p.asBoolean() : null,
                n.hasNonNull("score") ? n.get("score").asDouble() : null, n.path("detail").asText(""),
                n.path("judgeCostUsd").asDouble(0));
    }
}
