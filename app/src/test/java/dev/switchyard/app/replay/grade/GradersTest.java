package dev.switchyard.app.replay.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.local.intent.TextEmbedder;
import org.junit.jupiter.api.Test;

/** Graders on their edge cases. */
class GradersTest {

    private static Grade grade(String tags, String answer, String reference) {
        GraderSpec spec = GraderSpec.fromTags(tags, reference);
        return Graders.basic().grade(new Grader.GradeInput("q", answer, reference, spec, null));
    }

    @Test
    void exactIgnoresCaseWhitespaceAndUnicodeForms() {
        assertThat(grade("[\"grader:exact\"]", "  Paris\n", "paris").pass()).isTrue();
        assertThat(grade("[\"grader:exact\"]", "Ｐａｒｉｓ", "Paris").pass()).as("NFKC folds full-width letters").isTrue();
        assertThat(grade("[\"grader:exact\"]", "Paris.", "Paris").pass()).isFalse();
        assertThat(grade("[\"grader:exact\"]", "", "Paris").pass()).isFalse();
    }

    @Test
    void containsNormalisesWhitespaceAndNoReferenceIsNotGraded() {
        assertThat(grade("[\"grader:contains\"]", "Returns within\n30   days.", "30 days").pass()).isTrue();
        assertThat(grade("[\"grader:contains\"]", "thirty days", "30 days").pass()).isFalse();
        Grade none = grade("[\"grader:contains\"]", "anything", null);
        assertThat(none.graded()).isFalse();
        assertThat(none.detail()).contains("no reference");
        assertThat(grade("[]", "x", null).grader()).as("no tag, no reference: no grader").isEqualTo("none");
        assertThat(grade("[]", "it is 42", "42").grader()).as("no tag: contains").isEqualTo("contains");
    }

    @Test
    void regexFindsAnywhereIgnoringCaseAndABadPatternIsNotAFail() {
        assertThat(grade("[\"grader:regex\"]", "Line one\nthe BRIDGE is closed", "bridge.*closed").pass()).isTrue();
        assertThat(grade("[\"grader:regex\"]", "open bridge", "^(?=[\\s\\S]*(bridge))(?=[\\s\\S]*(clos))").pass()).isFalse();
        Grade bad = grade("[\"grader:regex\"]", "x", "([unclosed");
        assertThat(bad.pass()).isNull();
        assertThat(bad.detail()).contains("not a valid regular expression");
    }

    @Test
    void numericTakesTheLastNumberWithSeparatorsAndTolerances() {
        assertThat(grade("[\"grader:numeric\"]", "Step 1: 3*4=12. So the answer is 1,234.", "1234").pass()).isTrue();
        assertThat(grade("[\"grader:numeric\"]", "about 99.5", "100").pass()).isFalse();
        assertThat(grade("[\"grader:numeric\",\"tolerance:0.5\"]", "about 99.5", "100").pass()).isTrue();
        assertThat(grade("[\"grader:numeric\",\"tolerance:1%\"]", "1009", "1000").pass()).isTrue();
        assertThat(grade("[\"grader:numeric\",\"tolerance:1%\"]", "1011", "1000").pass()).isFalse();
        assertThat(grade("[\"grader:numeric\"]", "-3", "-3.0").pass()).isTrue();
        assertThat(grade("[\"grader:numeric\"]", "no idea", "7").pass()).isFalse();
        assertThat(grade("[\"grader:numeric\"]", "7", "seven").graded()).as("a reference without a number").isFalse();
    }

    @Test
    void jsonAcceptsFencedOrWrappedJsonAndChecksTheSchemaSubset() {
        String schema = "{\"type\":\"object\",\"required\":[\"device\",\"value\"],\"properties\":{"
                + "\"device\":{\"enum\":[\"light\"]},\"value\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":100},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":2}},"
                + "\"additionalProperties\":false}";
        assertThat(grade("[\"grader:json\"]", "```json\n{\"device\":\"light\",\"value\":40}\n```", schema).pass()).isTrue();
        assertThat(grade("[\"grader:json\"]", "Sure! {\"device\":\"light\",\"value\":40.0} Done.", schema).pass())
                .as("40.0 is an integer value").isTrue();
        Grade wrongEnum = grade("[\"grader:json\"]", "{\"device\":\"fan\",\"value\":40}", schema);
        assertThat(wrongEnum.pass()).isFalse();
        assertThat(wrongEnum.detail()).contains("$.device");
        assertThat(grade("[\"grader:json\"]", "{\"device\":\"light\"}", schema).detail()).contains("missing required property \"value\"");
        assertThat(grade("[\"grader:json\"]", "{\"device\":\"light\",\"value\":101}", schema).detail()).contains("maximum");
        assertThat(grade("[\"grader:json\"]", "{\"device\":\"light\",\"value\":1,\"x\":1}", schema).detail()).contains("unexpected property");
        assertThat(grade("[\"grader:json\"]", "{\"device\":\"light\",\"value\":1,\"tags\":[\"a\",2]}", schema).detail())
                .contains("$.tags[1]");
        assertThat(grade("[\"grader:json\"]", "{\"a\":", null).pass()).isFalse();
        assertThat(grade("[\"grader:json\"]", "[1,2]", null).pass()).as("valid JSON, no schema").isTrue();
        assertThat(grade("[\"grader:json\"]", "{}", "not a schema").graded()).isFalse();
    }

    @Test
    void embeddingUsesCosineAgainstTheThresholdAndEmptyAnswersFail() {
        TextEmbedder fake = new TextEmbedder() {
            @Override
            public int dimensions() {
                return 2;
            }

            @Override
            public float[] embed(String text) {
                return text.contains("lights") ? new float[] {1, 0} : text.contains("lamp") ? new float[] {0.8f, 0.6f}
                        : new float[] {0, 1};
            }

            @Override
            public int countTokens(String text) {
                return 1;
            }

            @Override
            public long ensureLoaded() {
                return 0;
            }

            @Override
            public long loadMillis() {
                return 0;
            }
        };
        Graders g = Graders.of(null, new EmbeddingGrader(() -> fake, 0.75));
        GraderSpec spec = GraderSpec.fromTags("[\"grader:embedding\"]", "turn on the lights");
        Grade close = g.grade(new Grader.GradeInput("q", "switch the lamp on", "turn on the lights", spec, null));
        assertThat(close.pass()).isTrue();
        assertThat(close.score()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-6));
        Grade far = g.grade(new Grader.GradeInput("q", "refund policy", "turn on the lights", spec, null));
        assertThat(far.pass()).isFalse();
        GraderSpec strict = GraderSpec.fromTags("[\"grader:embedding\",\"threshold:0.9\"]", "turn on the lights");
        assertThat(g.grade(new Grader.GradeInput("q", "switch the lamp on", "turn on the lights", strict, null)).pass())
                .isFalse();
        assertThat(g.grade(new Grader.GradeInput("q", "  ", "turn on the lights", spec, null)).pass()).isFalse();
    }

    @Test
    void aGraderNotSetUpForTheReplayLeavesTheItemUngraded() {
        Grade g = grade("[\"grader:judge\"]", "x", "y");
        assertThat(g.graded()).isFalse();
        assertThat(g.detail()).contains("not set up");
    }

    @Test
    void theJudgeVerdictIsParsedWithItsScoreAndReason() {
        Grade pass = JudgeGrader.parse("VERDICT: PASS\nSCORE: 8/10\nCorrect and complete.", 0.002);
        assertThat(pass.pass()).isTrue();
        assertThat(pass.score()).isEqualTo(0.8);
        assertThat(pass.detail()).isEqualTo("Correct and complete.");
        assertThat(pass.judgeCostUsd()).isEqualTo(0.002);
        assertThat(JudgeGrader.parse("verdict : fail", 0).pass()).isFalse();
        assertThat(JudgeGrader.parse("I think it is fine", 0).graded()).isFalse();
    }
}
