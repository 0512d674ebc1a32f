package dev.switchyard.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.history.ExportFormat;
import dev.switchyard.testing.Seed;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.RunSort;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private Model alpha;
    private Model beta;
    private final HistoryViewModel vm = new HistoryViewModel(new DirectTaskRunner(), ZoneOffset.UTC);

    @BeforeEach
    void seed() {
        ws = Workspace.open(dir.resolve("h.switchyard"));
        Provider p = Seed.provider(ws, "Gate");
        alpha = Seed.model(ws, p, "alpha");
        beta = Seed.model(ws, p, "beta");
        Seed.bulk(ws, alpha, 120, Instant.parse("2026-03-01T00:00:00Z"));
        Seed.run(ws, beta, "kitchen lights on", "done", RunStatus.COMPLETED, Instant.parse("2026-03-05T10:00:00Z"), 900);
        Seed.run(ws, beta, "refund for my order", "sorry", RunStatus.FAILED, Instant.parse("2026-03-06T10:00:00Z"), 50);
        vm.setWorkspace(ws);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void showsTheNewestPageAndTheModelsToFilterBy() {
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.READY);
        assertThat(vm.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(vm.rows().get(0).run().promptText()).isEqualTo("refund for my order");
        assertThat(vm.pageTextProperty().get()).isEqualTo("1–50 of 122 runs");
        assertThat(vm.modelOptions()).extracting(HistoryViewModel.ModelOption::label)
                .containsExactly("All models", "Gate/alpha", "Gate/beta");
        assertThat(vm.hasPreviousProperty().get()).isFalse();
        assertThat(vm.hasNextProperty().get()).isTrue();
    }

    @Test
    void pagesForwardAndBack() {
        vm.nextPage();
        vm.nextPage();
        assertThat(vm.pageTextProperty().get()).isEqualTo("101–122 of 122 runs");
        assertThat(vm.rows()).hasSize(22);
        assertThat(vm.hasNextProperty().get()).isFalse();
        vm.nextPage();
        assertThat(vm.pageTextProperty().get()).isEqualTo("101–122 of 122 runs");
        vm.previousPage();
        assertThat(vm.pageTextProperty().get()).isEqualTo("51–100 of 122 runs");
    }

    @Test
    void filtersByModelStatusTextAndDates() {
        vm.modelProperty().set(vm.modelOptions().get(2));
        vm.search();
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("refund for my order", "kitchen lights on");

        vm.statusProperty().set(RunStatus.FAILED);
        vm.search();
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("refund for my order");

        vm.clearFilters();
        vm.textProperty().set("kitch");
        vm.search();
        assertThat(vm.rows()).extracting(HistoryRow::modelName).containsExactly("Gate/beta");

        vm.clearFilters();
        vm.fromProperty().set(LocalDate.of(2026, 3, 5));
        vm.toProperty().set(LocalDate.of(2026, 3, 5));
        vm.search();
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("kitchen lights on");

        vm.fromProperty().set(LocalDate.of(2026, 3, 6));
        vm.toProperty().set(LocalDate.of(2026, 3, 5));
        vm.search();
        assertThat(vm.messageProperty().get()).contains("From date is after the To date");
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("kitchen lights on");

        vm.clearFilters();
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.textProperty().set("no such words anywhere");
        vm.search();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.EMPTY);
        assertThat(vm.pageTextProperty().get()).isEqualTo("No runs match");
    }

    @Test
    void aTotalTheWorkspaceStoppedCountingIsShownAsAThousandPlus() {
        Seed.bulk(ws, alpha, 900, Instant.parse("2026-04-01T00:00:00Z"));
        vm.textProperty().set("bulk");
        vm.search();
        assertThat(vm.pageTextProperty().get()).isEqualTo("1–50 of 1,000+ runs");
        assertThat(vm.hasNextProperty().get()).isTrue();
        vm.nextPage();
        assertThat(vm.pageTextProperty().get()).isEqualTo("51–100 of 1,000+ runs");

        vm.clearFilters();
        assertThat(vm.pageTextProperty().get()).as("no filter: counted exactly").isEqualTo("1–50 of 1,022 runs");
        vm.fromProperty().set(LocalDate.of(2026, 3, 1));
        vm.search();
        assertThat(vm.pageTextProperty().get()).isEqualTo("1–50 of 1,000+ runs");
        vm.fromProperty().set(LocalDate.of(2026, 3, 5));
        vm.search();
        assertThat(vm.pageTextProperty().get()).as("few matches: exact").isEqualTo("1–50 of 902 runs");
    }

    @Test
    void sortsInTheDatabaseAcrossPages() {
        vm.sortBy(RunSort.TTFT_MS, true);
        assertThat(vm.rows().get(0).run().metrics().ttftMs()).isEqualTo(900);
        vm.sortBy(RunSort.TTFT_MS, false);
        assertThat(vm.rows().get(0).run().metrics().ttftMs()).isEqualTo(50);
        assertThat(vm.sort()).isEqualTo(RunSort.TTFT_MS);
        assertThat(vm.descending()).isFalse();
    }

    @Test
    void exportsTheSelectedRunsAndSaysSo() throws Exception {
        Path file = dir.resolve("sel.json");
        vm.export(List.of(vm.rows().get(0), vm.rows().get(1)), ExportFormat.JSON, file);

        assertThat(vm.messageProperty().get()).isEqualTo("Exported 2 runs to sel.json.");
        assertThat(new ObjectMapper().readTree(file.toFile())).hasSize(2);

        vm.export(List.of(), ExportFormat.CSV, dir.resolve("none.csv"));
        assertThat(vm.messageProperty().get()).startsWith("Select the runs to export");
    }

    @Test
    void followsAClosedWorkspaceWithoutFailing() {
        vm.setWorkspace(null);
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.NO_WORKSPACE);
        assertThat(vm.rows()).isEmpty();
        vm.nextPage();
        vm.search();
    }
}
