package dev.switchyard.app.replay.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.replay.grade.Grader;
import dev.switchyard.app.replay.grade.GraderSpec;
import dev.switchyard.app.replay.grade.VoteGrader;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets made from history and from a blind comparison; the votes grader reads that comparison's votes. */
class DatasetSourcesTest {

    @TempDir
    Path dir;

    @Test
    void historyGivesDistinctPromptsAndAComparisonItsPromptWithTheVotedWinnerAsReference() {
        try (Workspace ws = Workspace.open(dir.resolve("h.switchyard"))) {
            Provider p = ws.providers().insert(Provider.of(ProviderKind.LOCAL, "device", null, null, null));
            Model m = ws.models().insert(Model.of(p.id(), "m", "m", ModelKind.LOCAL_GENERATIVE, 100, null, "{}"));
            run(ws, m, "alpha question", "alpha answer", null);
            run(ws, m, "beta question", "beta answer", null);
            run(ws, m, "alpha question", "alpha again", null);

            DatasetService service = new DatasetService(ws);
            var fromHistory = service.fromHistory("hist", RunQuery.latest().page(0, 2), true);
            assertThat(fromHistory.added()).isEqualTo(2);
            assertThat(service.items(fromHistory.dataset().id())).extracting(DatasetItem::prompt)
                    .containsExactlyInAnyOrder("alpha question", "beta question");
            assertThat(service.items(fromHistory.dataset().id())).extracting(DatasetItem::referenceAnswer)
                    .contains("alpha again").doesNotContain("alpha answer");

            var prompt = ws.prompts().create("greeting");
            var version = ws.prompts().addVersion(prompt.id(), "be kind", "say hello to {{name}}", "{\"name\":\"Ada\"}",
                    "{}");
            var comparison = ws.comparisons().create(version.id(), 1, true);
            Run a = run(ws, m, "say hello to Ada", "Hello Ada!", comparison.id());
            Run b = run(ws, m, "say hello to Ada", "whatever", comparison.id());
            ws.comparisons().vote(comparison.id(), a.id());

            var fromComparison = service.fromComparison("cmp", comparison.id());
            DatasetItem item = service.items(fromComparison.dataset().id()).get(0);
            assertThat(item.prompt()).isEqualTo("say hello to {{name}}");
            assertThat(item.system()).isEqualTo("be kind");
            assertThat(item.variablesJson()).isEqualTo("{\"name\":\"Ada\"}");
            assertThat(item.referenceAnswer()).isEqualTo("Hello Ada!");

            VoteGrader votes = new VoteGrader(ws);
            GraderSpec spec = GraderSpec.fromTags("[\"grader:votes\"]", null);
            assertThat(votes.grade(new Grader.GradeInput("q", "Hello Ada!", null, spec, a.id())).pass()).isTrue();
            assertThat(votes.grade(new Grader.GradeInput("q", "Hello Ada!", null, spec, a.id())).detail())
                    .isEqualTo("1 win, 0 ties in 1 vote");
            assertThat(votes.grade(new Grader.GradeInput("q", "whatever", null, spec, b.id())).pass()).isFalse();
            Run lonely = run(ws, m, "x", "y", null);
            assertThat(votes.grade(new Grader.GradeInput("q", "y", null, spec, lonely.id())).graded()).isFalse();
        }
    }

    private static Run run(Workspace ws, Model m, String prompt, String out, Long comparisonId) {
        Run r = Run.created(m.id(), prompt, "{}").withComparison(comparisonId, 0)
                .withOutput(RunStatus.COMPLETED, out, null)
                .finished(RunStatus.COMPLETED, null, null, null, false, 0, java.time.Instant.now());
        return ws.runs().insert(r);
    }
}
