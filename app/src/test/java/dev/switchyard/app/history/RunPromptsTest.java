package dev.switchyard.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.history.RunPrompts.RunPrompt;
import dev.switchyard.testing.Seed;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PromptVersion;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPromptsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    /** The prompt text as the run service stores it (system, blank line, user). */
    private static String stored(String system, String user) {
        return new EngineRequest(system, user, null).promptText();
    }

    @Test
    void aRunOfASavedVersionIsSplitIntoItsSystemAndUserMessagesAndNamesThePrompt() {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m");
            var trip = ws.prompts().create("Trip planner");
            ws.prompts().addVersion(trip.id(), "You are a travel assistant.", "Plan a day", "{}", "{}");
            PromptVersion v2 = ws.prompts().addVersion(trip.id(), "You are a {{tone}} travel assistant.\n\nBe brief.",
                    "Plan a weekend in {{city}}.", "{\"tone\":\"concise\",\"city\":\"Lisbon\"}", "{}");
            var saved = ws.comparisons().create(v2.id(), 1, false);
            var adHoc = ws.comparisons().create(null, 1, false);
            String system = "You are a concise travel assistant.\n\nBe brief.";
            var ofVersion = Seed.inComparison(ws, m, stored(system, "Plan a weekend in Lisbon."), "a", saved.id(), 0, AT);
            var edited = Seed.inComparison(ws, m, stored(system, "Plan a week in Porto."), "a", adHoc.id(), 0, AT);
            var otherSystem = Seed.inComparison(ws, m, stored("You are a pirate.", "Ahoy"), "a", adHoc.id(), 0, AT);
            var noSystem = Seed.run(ws, m, "kitchen lights on\n\nplease", "ok", dev.switchyard.workspace.model.RunStatus.COMPLETED, AT, 5);

            RunPrompts prompts = RunPrompts.of(ws);

            assertThat(prompts.of(ofVersion)).isEqualTo(new RunPrompt("Trip planner", 2, system, "Plan a weekend in Lisbon."));
            assertThat(prompts.of(edited)).as("an edited draft whose system message is a saved one")
                    .isEqualTo(new RunPrompt(null, null, system, "Plan a week in Porto."));
            assertThat(prompts.of(otherSystem)).as("a system message no saved prompt has: the whole text")
                    .isEqualTo(new RunPrompt(null, null, null, "You are a pirate.\n\nAhoy"));
            assertThat(prompts.of(noSystem)).isEqualTo(new RunPrompt(null, null, null, "kitchen lights on\n\nplease"));
        }
    }

    @Test
    void aRunThatRecordedItsSystemMessageIsSplitExactlyWhateverTheSavedPromptsSay() {
        try (Workspace ws = Workspace.open(dir.resolve("w.switchyard"))) {
            Model m = Seed.model(ws, Seed.provider(ws, "Gate"), "m");
            var trip = ws.prompts().create("Trip planner");
            ws.prompts().addVersion(trip.id(), "You are a travel assistant.", "Plan a day", "{}", "{}");
            var draft = Seed.sent(ws, m, "You are a pirate.\n\nSpeak like one.", "Say hello", "Ahoy");
            var noSystem = Seed.sent(ws, m, null, "You are a travel assistant.\n\nIs that what you are?", "Yes");

            RunPrompts prompts = RunPrompts.of(ws);

            assertThat(prompts.of(draft)).as("a draft's system message no saved version has")
                    .isEqualTo(new RunPrompt(null, null, "You are a pirate.\n\nSpeak like one.", "Say hello"));
            assertThat(prompts.of(noSystem)).as("sent without a system message: a saved system text at its start stays")
                    .isEqualTo(new RunPrompt(null, null, null, "You are a travel assistant.\n\nIs that what you are?"));
            assertThat(RunPrompts.recorded(draft)).isEqualTo(prompts.of(draft));
        }
    }
}
