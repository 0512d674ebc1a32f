package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.models.Assets;
import dev.switchyard.local.intent.MiniLmEmbedder;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped complexity model on its held-back prompts, and the language and code detectors. */
class ComplexityAndDetectorsTest {

    /** Measured when the model was fitted (ROUTING.md); the test allows a small margin. */
    private static final double HELD_OUT_FLOOR = 0.981 - 0.04;

    @Test
    void theLabelledSetIsLargeEnoughAndTheShippedModelKeepsItsHeldOutAccuracy() throws Exception {
        List<ComplexityTrainer.Labelled> all;
        try (InputStream in = Assets.open("routing/complexity-labelled.jsonl")) {
            all = ComplexityTrainer.read(in);
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all.stream().filter(ComplexityTrainer.Labelled::complex).count()).isGreaterThanOrEqualTo(100);
        List<ComplexityTrainer.Labelled> heldOut = all.stream().filter(ComplexityTrainer.Labelled::test).toList();
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(50);
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            ComplexityModel model = ComplexityModel.shipped();
            assertThat(ComplexityTrainer.accuracy(model, heldOut, embedder)).isGreaterThanOrEqualTo(HELD_OUT_FLOOR);
            double simple = model.score("Turn on the lights.", () -> embedder.embed("Turn on the lights."));
            String hard = "Compare the trade-offs of event sourcing and CRUD for a bank ledger, and explain step by step how you would migrate.";
            double complex = model.score(hard, () -> embedder.embed(hard));
            assertThat(simple).isBetween(0.0, 0.3);
            assertThat(complex).isBetween(0.7, 1.0);
        }
    }

    @Test
    void languages() {
        assertThat(LanguageDetector.detect("What is the weather like in Paris today?")).isEqualTo("en");
        assertThat(LanguageDetector.detect("Wie spät ist es, bitte? Ich habe keine Uhr.")).isEqualTo("de");
        assertThat(LanguageDetector.detect("Pourquoi le ciel est-il bleu ? Je ne sais pas.")).isEqualTo("fr");
        assertThat(LanguageDetector.detect("¿Cómo está el tiempo hoy en Madrid? No lo sé.")).isEqualTo("es");
        assertThat(LanguageDetector.detect("Hoe laat is het? Ik weet het niet.")).isEqualTo("nl");
        assertThat(LanguageDetector.detect("Привет, как дела?")).isEqualTo("ru");
        assertThat(LanguageDetector.detect("今日はいい天気ですね")).isEqualTo("ja");
        assertThat(LanguageDetector.detect("今天天气很好")).isEqualTo("zh");
        assertThat(LanguageDetector.detect("안녕하세요")).isEqualTo("ko");
        assertThat(LanguageDetector.detect("")).isEqualTo(LanguageDetector.UNKNOWN);
        assertThat(LanguageDetector.detect("1234 5678")).isEqualTo(LanguageDetector.UNKNOWN);
    }

    @Test
    void code() {
        assertThat(CodeDetector.hasCode("```\nprint('x')\n```")).isTrue();
        assertThat(CodeDetector.hasCode("def mean(xs):\n    return sum(xs) / len(xs)")).isTrue();
        assertThat(CodeDetector.hasCode("public static void main(String[] args) {\n  System.out.println(1);\n}")).isTrue();
        assertThat(CodeDetector.hasCode("SELECT * FROM orders WHERE id = 1;\nUPDATE orders SET x = 2;")).isTrue();
        assertThat(CodeDetector.hasCode("Why does `list.sort()` return None?")).isFalse();
        assertThat(CodeDetector.hasCode("Turn on the kitchen lights please.")).isFalse();
        assertThat(CodeDetector.hasCode("Explain the French revolution: causes, course and consequences.")).isFalse();
        assertThat(CodeDetector.hasCode("x".repeat(100_000))).isFalse();
    }
}
