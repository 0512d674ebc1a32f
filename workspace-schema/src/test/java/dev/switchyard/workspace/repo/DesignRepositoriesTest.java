package dev.switchyard.workspace.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.WorkspaceException.Kind;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import dev.switchyard.workspace.model.Policy;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.Vote;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompts, comparisons and votes, policies, intent sets and settings. */
class DesignRepositoriesTest {

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("design.switchyard"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void promptVersionsAreNumberedAndKept() {
        Prompt p = ws.prompts().create("Support triage");
        PromptVersion v1 = ws.prompts().addVersion(p.id(), "You are terse.", "Classify: {{ticket}}",
                "{\"ticket\":\"\"}", "{\"temperature\":0}");
        PromptVersion v2 = ws.prompts().addVersion(p.id(), null, "Classify this: {{ticket}}", null, null);
        assertThat(List.of(v1.version(), v2.version())).containsExactly(1, 2);
        assertThat(v2.variablesJson()).isEqualTo("{}");
        assertThat(ws.prompts().versions(p.id())).containsExactly(v1, v2);
        assertThat(ws.prompts().latestVersion(p.id())).contains(v2);
        assertThat(ws.prompts().getVersion(v1.id())).contains(v1);
        assertThat(ws.prompts().findByName("Support triage")).contains(p);
        ws.prompts().rename(p.id(), "Triage");
        assertThat(ws.prompts().get(p.id()).orElseThrow().name()).isEqualTo("Triage");
        assertKind(() -> ws.prompts().addVersion(p.id(), null, "x", "{oops", null), Kind.INVALID_INPUT);
        assertKind(() -> ws.prompts().addVersion(4242, null, "x", null, null), Kind.NOT_FOUND);
    }

    @Test
    void comparisonsGroupRunsAndBlindVotesNameAWinnerOrATie() {
        long model = Fixtures.model(ws, Fixtures.openAi(ws), "m").id();
        long other = Fixtures.model(ws, Fixtures.openAi(ws), "n").id();
        Comparison c = ws.comparisons().create(null, 2, true);
        List<Run> runs = ws.runs().insertAll(List.of(
                Fixtures.completedRun(other, "q", "b1").withComparison(c.id(), 0),
                Fixtures.completedRun(model, "q", "a1").withComparison(c.id(), 0),
                Fixtures.completedRun(model, "q", "a2").withComparison(c.id(), 1)));
        assertThat(ws.runs().byComparison(c.id())).extracting(Run::outputText).containsExactly("a1", "a2", "b1");
        Vote win = ws.comparisons().vote(c.id(), runs.get(1).id());
        Vote tie = ws.comparisons().vote(c.id(), null);
        assertThat(tie.isTie()).isTrue();
        assertThat(ws.comparisons().votes(c.id())).containsExactly(win, tie);
        Run stranger = ws.runs().insert(Fixtures.completedRun(model, "q", "x"));
        assertKind(() -> ws.comparisons().vote(c.id(), stranger.id()), Kind.INVALID_INPUT);
        assertThat(ws.comparisons().recent(10)).containsExactly(c);
        assertThat(ws.comparisons().get(c.id()).orElseThrow().blind()).isTrue();
        assertKind(() -> ws.comparisons().create(null, 0, false), Kind.INVALID_INPUT);
    }

    @Test
    void policiesKeepEveryVersion() {
        Policy p = ws.policies().create("offline-first");
        PolicyVersion v1 = ws.policies().addVersion(p.id(), "{\"rules\":[],\"default\":\"local\"}", "first");
        PolicyVersion v2 = ws.policies().addVersion(p.id(), "{\"rules\":[{\"when\":{}}],\"default\":\"cloud\"}", null);
        assertThat(ws.policies().list()).containsExactly(p);
        assertThat(ws.policies().versions(p.id())).containsExactly(v1, v2);
        assertThat(ws.policies().latest(p.id())).contains(v2);
        assertThat(ws.policies().version(p.id(), 1)).contains(v1);
        assertThat(ws.policies().version(p.id(), 3)).isEmpty();
        assertThat(ws.policies().getVersion(v2.id())).contains(v2);
        assertThat(ws.policies().findByName("offline-first")).contains(p);
        assertKind(() -> ws.policies().create("offline-first"), Kind.CONFLICT);
        assertKind(() -> ws.policies().addVersion(p.id(), "rules: []", null), Kind.INVALID_INPUT);
        assertThat(ws.policies().versions(p.id())).hasSize(2);
    }

    @Test
    void intentSetsHoldOrderedIntentsWithExamples() {
        IntentSet home = ws.intentSets().create("smart-home", "Lights and heating");
        Intent on = ws.intentSets().addIntent(home.id(), Intent.of("lights_on",
                List.of("turn on the kitchen lights", "lights on please"), "Turning on the {{room}} lights."));
        Intent off = ws.intentSets().addIntent(home.id(), Intent.of("lights_off", List.of("lights off"), null));
        assertThat(List.of(on.position(), off.position())).containsExactly(0, 1);
        assertThat(ws.intentSets().intents(home.id())).containsExactly(on, off);
        Intent moved = ws.intentSets().updateIntent(new Intent(off.id(), off.uid(), home.id(), "lights_off",
                List.of("lights off", "switch the lights off"), "Done.", -1));
        assertThat(ws.intentSets().intents(home.id())).containsExactly(moved, on);
        ws.intentSets().deleteIntent(on.id());
        assertThat(ws.intentSets().intents(home.id())).containsExactly(moved);
        assertThat(ws.intentSets().findByName("smart-home")).contains(home);
        assertKind(() -> ws.intentSets().create("smart-home", null), Kind.CONFLICT);
        assertKind(() -> ws.intentSets().addIntent(home.id(), Intent.of("lights_off", List.of(), null)), Kind.CONFLICT);
    }

    @Test
    void settingsAreAKeyValueMap() {
        assertThat(ws.settings().get(SettingsRepository.DEFAULT_POLICY)).isEmpty();
        ws.settings().put(SettingsRepository.DEFAULT_POLICY, "offline-first");
        ws.settings().put(SettingsRepository.DEVICE_COST_PER_HOUR, "0.05");
        ws.settings().put(SettingsRepository.DEVICE_COST_PER_HOUR, "0.08");
        ws.settings().put(SettingsRepository.BUDGET_PERIOD, "month");
        assertThat(ws.settings().getDouble(SettingsRepository.DEVICE_COST_PER_HOUR, 0)).isEqualTo(0.08);
        assertThat(ws.settings().getDouble("missing", 1.5)).isEqualTo(1.5);
        assertThat(ws.settings().all()).isEqualTo(Map.of("budget.period", "month", "cost.deviceUsdPerHour", "0.08",
                "routing.defaultPolicy", "offline-first"));
        ws.settings().remove(SettingsRepository.BUDGET_PERIOD);
        assertThat(ws.settings().get(SettingsRepository.BUDGET_PERIOD, "week")).isEqualTo("week");
        ws.settings().put("x", "abc");
        assertKind(() -> ws.settings().getDouble("x", 0), Kind.INVALID_INPUT);
    }
}
