package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions: save with a note, list, structural diff with paths, restore as a new version. */
class PolicyStoreTest {

    @TempDir
    Path dir;

    @Test
    void saveDiffRestore() {
        try (Workspace ws = Workspace.open(dir.resolve("p.switchyard"))) {
            PolicyStore store = new PolicyStore(ws);
            Policy v1 = Policy.of("x", List.of(new Rule("long", new Condition.PromptChars(Op.GT, 100),
                    new Action.Route("a"))), new Action.Route("b"));
            Policy v2 = Policy.of("x", List.of(new Rule("long", new Condition.PromptChars(Op.GT, 200),
                    new Action.Route("a")), new Rule("code", new Condition.HasCode(true), new Action.Route("c"))),
                    new Action.Route("b"));
            assertThat(store.save("mine", v1, "first").version()).isEqualTo(1);
            assertThat(store.save("mine", PolicyJson.write(v2), "longer threshold, code rule").version()).isEqualTo(2);

            assertThat(store.versions("mine")).extracting(v -> v.note()).containsExactly("first", "longer threshold, code rule");
            assertThat(store.load("mine").name()).as("stored under the saved name").isEqualTo("mine");
            List<JsonDiff.Change> diff = store.diff("mine", 1, 2);
            assertThat(diff).extracting(JsonDiff.Change::path).containsExactly("/rules/0/when/value", "/rules/1");
            assertThat(diff.get(0).kind()).isEqualTo(JsonDiff.Kind.CHANGED);
            assertThat(diff.get(0).before().asInt()).isEqualTo(100);
            assertThat(diff.get(1).kind()).isEqualTo(JsonDiff.Kind.ADDED);

            assertThat(store.restore("mine", 1, null).version()).isEqualTo(3);
            assertThat(store.diff("mine", 1, 3)).isEmpty();
            assertThat(store.versions("mine").get(2).note()).isEqualTo("restored version 1");

            assertThatThrownBy(() -> store.save("mine", "{not json", "x")).isInstanceOf(RoutingException.class)
                    .hasMessageContaining("cannot be read");
            assertThatThrownBy(() -> store.version("mine", 9)).hasMessageContaining("no version 9");
            assertThatThrownBy(() -> store.load("other")).hasMessageContaining("saved: mine");
        }
    }

    @Test
    void theLatestVersionIsFoundWhenAPolicyIsTheSameUnderThatName() {
        try (Workspace ws = Workspace.open(dir.resolve("same.switchyard"))) {
            PolicyStore store = new PolicyStore(ws);
            Policy p = Policy.of("named-in-the-file", List.of(new Rule("long", new Condition.PromptChars(Op.GT, 100),
                    new Action.Route("a"))), new Action.Route("b"));
            assertThat(store.sameAsLatest("mine", p)).isEmpty(); // no such policy yet
            store.save("mine", p, "first");
            // the name inside the policy does not count: it is stored under the name saved as
            assertThat(store.sameAsLatest("mine", p)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
            Policy changed = Policy.of("mine", p.rules(), new Action.Route("c"));
            assertThat(store.sameAsLatest("mine", changed)).isEmpty();
            store.save("mine", changed, "second");
            // only the latest version counts
            assertThat(store.sameAsLatest("mine", p)).isEmpty();
            assertThat(store.sameAsLatest("mine", changed)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(2));
        }
    }
}
