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
                .containsExactly("All models", "alpha", "beta");
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

        vm.statusProperty().set(RunState.FAILED);
        vm.search();
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("refund for my order");

        vm.clearFilters();
        vm.textProperty().set("kitch");
        vm.search();
        assertThat(vm.rows()).extracting(HistoryRow::modelName).containsExactly("beta");
        assertThat(vm.rows()).extracting(HistoryRow::modelRef).containsExactly("Gate/beta");

        vm.clearFilters();
        vm.fromProperty().set(LocalDate.of(2026, 3, 5));
        vm.toProperty().set(LocalDate.of(2026, 3, 5));
        vm.search();
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("kitchen lights on");

        vm.fromProperty().set(LocalDate.of(2026, 3, 6));
        vm.toProperty().set(LocalDate.of(2026, 3, 5));
        vm.search();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.BAD_DATES);
        assertThat(HistoryViewModel.BAD_DATES).isEqualTo("The From date is after the To date. Swap them or clear one.");
        assertThat(vm.datesErrorProperty().get()).isEqualTo(HistoryViewModel.BAD_DATES);
        assertThat(vm.rows()).as("no earlier results shown as if they matched").isEmpty();
        assertThat(vm.pageTextProperty().get()).isEmpty();
        assertThat(vm.hasNextProperty().get()).isFalse();

        vm.clearFilters();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.READY);
        assertThat(vm.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        vm.textProperty().set("no such words anywhere");
        vm.search();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.EMPTY);
        assertThat(vm.pageTextProperty().get()).isEqualTo("No runs match");
    }

    /** As the date pickers use it: the typed text read, then the value it gave set (which searches when it changed). */
    private void type(javafx.beans.property.ObjectProperty<LocalDate> field, String typed) {
        LocalDate day = vm.readDate(field, typed);
        if (!java.util.Objects.equals(day, field.get())) {
            field.set(day);
            vm.search();
        }
    }

    @Test
    void aTypedDateThatIsNoDateSaysSoAndListsNothingUntilTheFieldIsFixed() {
        assertThat(vm.readDate(vm.fromProperty(), "6 Mar 2026")).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(vm.readDate(vm.fromProperty(), "2026-03-06")).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(vm.readDate(vm.toProperty(), " ")).isNull();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.READY);

        type(vm.fromProperty(), "6 Mar 2026");
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("refund for my order");
        // the old day is not kept: the field holds no day, and nothing is listed as if it matched
        type(vm.fromProperty(), " banana ");
        assertThat(vm.fromProperty().get()).isNull();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.BAD_DATES);
        assertThat(vm.datesErrorProperty().get()).isEqualTo("'banana' is not a date; write it as 26 Nov 2026 or 2026-11-26");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.pageTextProperty().get()).isEmpty();
        assertThat(vm.hasNextProperty().get()).isFalse();
        // typed again while the field already holds no day (no search follows on its own), or searched again
        type(vm.fromProperty(), "12/40/26");
        assertThat(vm.datesErrorProperty().get()).isEqualTo(HistoryViewModel.notADate("12/40/26"));
        vm.search();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.BAD_DATES);
        // a good To leaves the From as it is
        type(vm.toProperty(), "5 Mar 2026");
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.BAD_DATES);
        assertThat(vm.datesErrorProperty().get()).isEqualTo(HistoryViewModel.notADate("12/40/26"));

        type(vm.fromProperty(), "5 Mar 2026");
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.READY);
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("kitchen lights on");
        // a To that is no date, then emptied: the same field holds no day, the search runs without it
        type(vm.toProperty(), "banana");
        assertThat(vm.datesErrorProperty().get()).isEqualTo(HistoryViewModel.notADate("banana"));
        type(vm.toProperty(), "");
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.READY);
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("refund for my order", "kitchen lights on");
        // Clear forgets a text that is no date
        type(vm.fromProperty(), "banana");
        vm.clearFilters();
        assertThat(vm.modeProperty().get()).isEqualTo(HistoryViewModel.Mode.READY);
        assertThat(vm.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
    }

    @Test
    void theStatusFilterOffersWhatAUserLooksForAndCoversTheStoredStatuses() {
        Instant at = Instant.parse("2026-03-07T10:00:00Z");
        Seed.run(ws, beta, "stopped one", "part", RunStatus.CANCELLED, at, 10);
        ws.runs().insert(dev.switchyard.workspace.model.Run.created(beta.id(), "still going", "{}").withUid(null, at)
                .withOutput(RunStatus.STREAMING, "so far", null));
        ws.runs().insert(dev.switchyard.workspace.model.Run.created(beta.id(), "just created", "{}").withUid(null, at));

        assertThat(RunState.values()).extracting(RunState::label)
                .containsExactly("Completed", "Stopped", "Incomplete", "Failed", "Running");
        vm.statusProperty().set(RunState.STOPPED);
        vm.search();
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactly("stopped one");
        assertThat(Formats.status(vm.rows().get(0).status())).isEqualTo("Stopped");

        vm.statusProperty().set(RunState.RUNNING);
        vm.search();
        assertThat(vm.rows()).extracting(r -> r.run().promptText()).containsExactlyInAnyOrder("still going", "just created");
        assertThat(vm.rows()).extracting(r -> Formats.status(r.status())).containsOnly("Running");
    }

    @Test
    void rowsShowTheUserMessageAndModelsAsCompareNamesThem() {
        Provider other = Seed.provider(ws, "Other gate");
        Model betaElsewhere = Seed.model(ws, other, "beta");
        ws.models().insert(Model.of(alpha.providerId(), "alpha-2", "alpha", dev.switchyard.workspace.model.ModelKind.CLOUD,
                null, null, "{}"));
        Model intent = ws.models().insert(Model.of(other.id(), "intent:customer-support", "Intent model (customer-support)",
                dev.switchyard.workspace.model.ModelKind.LOCAL_INTENT, null, null, "{}"));
        var trip = ws.prompts().create("Trip planner");
        var v1 = ws.prompts().addVersion(trip.id(), "You are a concise travel assistant.", "Plan a weekend in {{city}}.",
                "{\"city\":\"Lisbon\"}", "{}");
        var c = ws.comparisons().create(v1.id(), 1, false);
        Instant at = Instant.parse("2026-03-08T10:00:00Z");
        Seed.inComparison(ws, intent, "You are a concise travel assistant.\n\nPlan a weekend in Lisbon.", "a", c.id(), 0, at);
        Seed.inComparison(ws, betaElsewhere, "You are a concise travel assistant.\n\nPlan a weekend in Lisbon.", "a", c.id(), 0,
                at.plusSeconds(1));
        vm.setWorkspace(ws);

        HistoryRow newest = vm.rows().get(0);
        assertThat(newest.promptPreview(160)).isEqualTo("Plan a weekend in Lisbon.");
        assertThat(newest.prompt().name()).isEqualTo("Trip planner");
        assertThat(newest.modelName()).as("two providers serve a model of this name").isEqualTo("beta (Other gate)");
        assertThat(vm.rows().get(1).modelName()).isEqualTo("Intent model (customer-support)");
        assertThat(vm.rows().get(1).modelRef()).isEqualTo("Other gate/intent:customer-support");
        assertThat(vm.modelOptions()).extracting(HistoryViewModel.ModelOption::label).as("one provider, one name: "
                + "the model ids tell them apart").containsExactly("All models", "alpha (Gate/alpha)",
                "alpha (Gate/alpha-2)", "beta (Gate)", "beta (Other gate)", "Intent model (customer-support)");
    }

    @Test
    void daysAndTimesReadTheSameInTheTableTheDetailAndTheDateFilters() {
        Instant t = Instant.parse("2026-11-26T13:20:06Z");
        assertThat(Formats.shortWhen(t, ZoneOffset.UTC, java.time.Year.of(2026))).isEqualTo("26 Nov, 13:20");
        assertThat(Formats.shortWhen(t, ZoneOffset.UTC, java.time.Year.of(2027))).isEqualTo("26 Nov 2026, 13:20");
        assertThat(Formats.when(t, ZoneOffset.UTC)).isEqualTo("26 Nov 2026, 13:20:06");
        assertThat(Formats.day(LocalDate.of(2026, 11, 26))).isEqualTo("26 Nov 2026");
        LocalDate day = LocalDate.of(2026, 11, 26);
        assertThat(Formats.parseDay("26 nov 2026", java.util.Locale.US)).isEqualTo(day);
        assertThat(Formats.parseDay("2026-11-26", java.util.Locale.US)).isEqualTo(day);
        assertThat(Formats.parseDay("11/26/26", java.util.Locale.US)).isEqualTo(day);
        assertThat(Formats.parseDay("26/11/2026", java.util.Locale.UK)).isEqualTo(day);
        assertThat(Formats.parseDay(" ", java.util.Locale.US)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formats.parseDay("31 Feb 2026", java.util.Locale.US))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
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

        assertThat(vm.messageProperty().get()).isEqualTo("Exported 2 runs to " + file.toAbsolutePath() + ".");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(new ObjectMapper().readTree(file.toFile())).hasSize(2);

        vm.export(List.of(), ExportFormat.CSV, dir.resolve("none.csv"));
        assertThat(vm.messageProperty().get()).startsWith("Select the runs to export");
        assertThat(vm.messageIsErrorProperty().get()).as("shown as an error").isTrue();

        vm.export(List.of(vm.rows().get(0)), ExportFormat.CSV, dir);
        assertThat(vm.messageProperty().get()).startsWith("Could not export to " + dir.toAbsolutePath());
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
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
