package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring, templating and caching rules, with a fast fake embedder (the real model is covered by IntentAccuracyTest). */
class IntentModelTest {

    private final FakeEmbedder embedder = new FakeEmbedder();
    private final IntentModel model = new IntentModel(embedder);

    private static IntentSet home() {
        return new IntentSet("home", "test", List.of(
                new Intent("lights_on", List.of("turn on the lights", "lights on please"), "Turning on the {{room|}} lights."),
                new Intent("music", List.of("play some music", "put on a song"), "Playing {{prompt}}"),
                new Intent("heat", List.of("set the heating to a number", "warmer please"), "Heating to {{number|21}} ({{confidence}})."),
                new Intent("coffee", List.of("make coffee"), "Coffee for {{intent}} in {{set}}")));
    }

    @Test
    void exactExampleWinsWithHighConfidenceAndRendersSlots() {
        IntentMatch m = model.match(home(), "turn on the kitchen lights");
        assertThat(m.intentName()).isEqualTo("lights_on");
        assertThat(m.top()).hasSize(3);
        assertThat(m.top().get(0).intent()).isEqualTo("lights_on");
        assertThat(m.top().get(0).similarity()).isGreaterThanOrEqualTo(m.top().get(1).similarity());
        assertThat(m.confidence()).isBetween(0.0, 1.0);
        assertThat(m.confident()).isTrue();
        assertThat(m.matchedExample()).isEqualTo("turn on the lights");
        assertThat(m.slots()).containsEntry("room", "kitchen");
        assertThat(m.reply()).isEqualTo("Turning on the kitchen lights.");
        assertThat(m.setName()).isEqualTo("home");
    }

    @Test
    void builtInVariables() {
        assertThat(model.match(home(), "make coffee").reply()).isEqualTo("Coffee for coffee in home");
        assertThat(model.match(home(), "play some music").reply()).isEqualTo("Playing play some music");
        assertThat(model.match(home(), "set the heating to a number 23").reply()).matches("Heating to 23 \\(\\d+%\\)\\.");
    }

    @Test
    void lowConfidenceGivesTheNoMatchReply() {
        IntentMatch m = model.match(home(), "quantum chromodynamics lecture notes");
        assertThat(m.confident()).isFalse();
        assertThat(m.confidence()).isLessThan(0.1);
        assertThat(m.reply()).contains("not sure").contains("home");
    }

    @Test
    void thresholdIsConfigurable() {
        IntentModel strict = new IntentModel(embedder, IntentModel.Options.defaults().withThreshold(1.0));
        assertThat(strict.match(home(), "turn on the lights").confident()).isFalse();
        IntentModel lax = new IntentModel(embedder, IntentModel.Options.defaults().withThreshold(0.0));
        assertThat(lax.match(home(), "quantum chromodynamics").confident()).isTrue();
    }

    @Test
    void confidenceFollowsTheDocumentedFormula() {
        double[] c = model.confidences(new double[] {0.80, 0.80});
        // two equal intents: relevance sigmoid((0.8-0.5)/0.06) ≈ 0.9933, softmax 0.5 each
        assertThat(c[0]).isCloseTo(0.5 / (1 + Math.exp(-5)), within(1e-9));
        double[] lone = model.confidences(new double[] {0.50, -1.0});
        assertThat(lone[0]).isCloseTo(0.5, within(1e-6));
        assertThat(model.confidences(new double[] {0.2, 0.1})[0]).isLessThan(0.01);
    }

    @Test
    void exampleEmbeddingsAreCachedAndRecomputedWhenTheSetChanges() {
        IntentSet set = home();
        model.prepare(set);
        int afterPrepare = embedder.embedCalls.get();
        assertThat(afterPrepare).isEqualTo(set.exampleCount());
        assertThat(model.isPrepared(set)).isTrue();

        model.match(set, "lights on");
        model.match(home(), "lights on"); // equal set, other instance: still cached
        assertThat(embedder.embedCalls.get()).isEqualTo(afterPrepare + 2);

        IntentSet changed = new IntentSet("home", "test", List.of(
                new Intent("lights_on", List.of("turn on the lights"), "On."),
                new Intent("music", List.of("play some music"), "Music.")));
        assertThat(model.isPrepared(changed)).isFalse();
        IntentMatch m = model.match(changed, "play some music");
        assertThat(m.reply()).isEqualTo("Music.");
        assertThat(m.top()).hasSize(2);
        assertThat(embedder.embedCalls.get()).isEqualTo(afterPrepare + 2 + changed.exampleCount() + 1);

        model.invalidate("home");
        assertThat(model.isPrepared(changed)).isFalse();
    }
}
