package dev.switchyard.app.replay.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The answer is valid JSON (a fenced ```json block or the first {…}/[…] span is taken when the answer has
 * prose around it); when the reference is a JSON object it is read as a JSON schema the answer must satisfy.
 */
public final class JsonGrader implements Grader {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public GraderKind kind() {
        return GraderKind.JSON;
    }

    @Override
    public Grade grade(GradeInput in) {
        String answer = in.answer();
        String reference = in.reference();
        JsonNode value;
        try {
            value = JSON.readTree(extract(answer == null ? "" : answer));
        } catch (Exception e) {
            value = null;
        }
        if (value == null || value.isMissingNode()) {
            return Grade.fail(kind(), "the answer is not valid JSON");
        }
        if (reference == null || reference.isBlank()) {
            return Grade.pass(kind(), "valid JSON");
        }
        JsonNode schema;
        try {
            schema = JSON.readTree(reference);
        } catch (Exception e) {
            return Grade.ungraded(kind(), "the reference is not a JSON schema");
        }
        if (!schema.isObject()) {
            return Grade.ungraded(kind(), "the reference is not a JSON schema");
        }
        List<String> problems = JsonSchemaCheck.validate(schema, value);
        return problems.isEmpty() ? Grade.pass(kind(), "valid JSON matching the schema")
                : Grade.fail(kind(), String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
    }

    /** The JSON part of an answer: a fenced block, else from the first { or [ to the last } or ]. */
    static String extract(String answer) {
        String s = answer.strip();
        int fence = s.indexOf("```");
        if (fence >= 0) {
            int start = s.indexOf('\n', fence);
            int end = s.indexOf("```", fence + 3);
            if (start > 0 && end > start) {
                return s.substring(start + 1, end).strip();
            }
        }
        int first = firstOf(s, '{', '[');
        if (first < 0) {
            return s;
        }
        int last = Math.max(s.lastIndexOf('}'), s.lastIndexOf(']'));
        return last > first ? s.substring(first, last + 1) : s;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
