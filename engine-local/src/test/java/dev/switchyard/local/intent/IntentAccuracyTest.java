package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Top-1 accuracy of the embedded intent model on held-out paraphrases (written apart from the examples). */
class IntentAccuracyTest {

    private static final IntentModel MODEL = new IntentModel(SharedEmbedder.get());

    static final List<String> UNRELATED = List.of(
            "write a haiku about the ocean at dawn",
            "explain the difference between TCP and UDP",
            "who won the football world cup in 1998",
            "what is the capital of Mongolia",
            "summarize the plot of Hamlet in three sentences",
            "give me a recipe for vegetarian lasagna",
            "how do I reverse a linked list in Java",
            "what are the side effects of ibuprofen");

    @Test
    void smartHomeHeldOutAccuracyIsAtLeast85Percent() {
        assertThat(accuracy(DemoSets.smartHome(), DemoSets.heldOut("smart-home-heldout.tsv"))).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void customerSupportHeldOutAccuracyIsAtLeast85Percent() {
        assertThat(accuracy(DemoSets.customerSupport(), DemoSets.heldOut("customer-support-heldout.tsv")))
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void heldOutPromptsAreNotCopiesOfExamples() {
        for (var pair : List.of(
                java.util.Map.entry(DemoSets.smartHome(), "smart-home-heldout.tsv"),
                java.util.Map.entry(DemoSets.customerSupport(), "customer-support-heldout.tsv"))) {
            java.util.Set<String> examples = new java.util.HashSet<>();
            pair.getKey().intents().forEach(i -> i.examples().forEach(e -> examples.add(norm(e))));
            assertThat(DemoSets.heldOut(pair.getValue())).allSatisfy(l ->
                    assertThat(examples).as(l.prompt()).doesNotContain(norm(l.prompt())));
        }
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").replaceAll("\\s+", " ").strip();
    }

    @Test
    void unrelatedPromptsGetLowConfidenceOnBothSets() {
        for (IntentSet set : List.of(DemoSets.smartHome(), DemoSets.customerSupport())) {
            for (String prompt : UNRELATED) {
                IntentMatch m = MODEL.match(set, prompt);
                System.out.printf(Locale.ROOT, "unrelated %-16s sim=%.3f conf=%.3f %-22s %s%n", set.name(),
                        m.similarity(), m.confidence(), m.intentName(), prompt);
                assertThat(m.confidence()).as("%s on %s", prompt, set.name()).isLessThan(0.3);
                assertThat(m.confident()).isFalse();
                assertThat(m.reply()).contains("not sure");
            }
        }
    }

    private static double accuracy(IntentSet set, List<DemoSets.Labelled> heldOut) {
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(30);
        int correct = 0;
        int confidentCorrect = 0;
        for (DemoSets.Labelled l : heldOut) {
            assertThat(set.intent(l.intent())).as("label %s exists", l.intent()).isPresent();
            IntentMatch m = MODEL.match(set, l.prompt());
            boolean ok = m.intentName().equals(l.intent());
            if (ok) {
                correct++;
                if (m.confident()) {
                    confidentCorrect++;
                }
            }
            System.out.printf(Locale.ROOT, "%s %-16s sim=%.3f conf=%.3f got=%-22s want=%-22s %s%n", ok ? "OK  " : "MISS",
                    set.name(), m.similarity(), m.confidence(), m.intentName(), l.intent(), l.prompt());
        }
        double acc = (double) correct / heldOut.size();
        System.out.printf(Locale.ROOT, "ACCURACY %s: %d/%d = %.1f%% top-1 (%d correct and confident)%n", set.name(),
                correct, heldOut.size(), acc * 100, confidentCorrect);
        return acc;
    }
}
