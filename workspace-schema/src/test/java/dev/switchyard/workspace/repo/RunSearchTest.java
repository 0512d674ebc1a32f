package dev.switchyard.workspace.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.model.RunSort;
import dev.switchyard.workspace.model.RunStatus;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text-filtered history against a plain in-memory reference, over enough runs (24,000) that every plan of
 * {@link RunSearch} is taken: few matches sorted, many matches walked along a time index in chunks, prefix queries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunSearchTest {

    private static final int RUNS = 24_000;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    static Path dir;
    Workspace ws;
    long[] models;
    List<Run> stored;

    @BeforeAll
    void fill() {
        ws = Workspace.open(dir.resolve("search.switchyard"));
        Provider p = Fixtures.openAi(ws);
        models = new long[] {Fixtures.model(ws, p, "a").id(), Fixtures.model(ws, p, "b").id(),
            Fixtures.model(ws, p, "c").id()};
        Random random = new Random(7);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            StringBuilder prompt = new StringBuilder("common question ").append(i);
            if (random.nextInt(10) < 4) {
                prompt.append(" often");
            }
            if (random.nextInt(100) == 0) {
                prompt.append(" seldom");
            }
            String[] alpha = {"alpha", "alphabet", "alphanumeric", "beta"};
            String answer = alpha[random.nextInt(alpha.length)] + " answer prefix" + random.nextInt(40)
                    + (random.nextInt(50) == 0 ? " Café" : "");
            RunStatus status = switch (random.nextInt(20)) {
                case 0, 1 -> RunStatus.FAILED;
                case 2 -> RunStatus.CANCELLED;
                default -> RunStatus.COMPLETED;
            };
            // creation times mostly follow the ids, with ties and some runs far out of order (imported)
            long seconds = i % 10 == 0 ? (i * 7919L) % RUNS : i;
            Run r = Fixtures.completedRun(models[random.nextInt(3)], prompt.toString(), answer)
                    .withOutput(status, answer, null).withUid(null, T0.plusSeconds(seconds / 2));
            Long total = random.nextInt(5) == 0 ? null : (long) random.nextInt(5000);
            runs.add(r.finished(status, null, new RunMetrics(null, null, total, null, null, null, null, null, null,
                    null, null), RunCost.NONE, false, 1, null));
        }
        stored = ws.runs().insertAll(runs);
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void everyPlanGivesTheReferencePageAndTotal() {
        String[] texts = {"common", "often", "seldom", "alpha", "ALPHAB", "prefix", "prefix1", "common often",
            "often seldom", "café", "cafe", "nothing", "o", "question 1234"};
        Random random = new Random(11);
        int checked = 0;
        for (String text : texts) {
            for (int k = 0; k < 12; k++) {
                RunQuery q = RunQuery.latest().text(text);
                if (random.nextBoolean()) {
                    q = q.model(models[random.nextInt(3)]);
                }
                switch (random.nextInt(4)) {
                    case 0 -> q = q.statuses(Set.of(RunStatus.FAILED));
                    case 1 -> q = q.statuses(Set.of(RunStatus.COMPLETED, RunStatus.CANCELLED));
                    default -> { }
                }
                switch (random.nextInt(4)) {
                    case 0 -> q = q.sort(RunSort.CREATED_AT, false);
                    case 1 -> q = q.sort(RunSort.TOTAL_MS, random.nextBoolean());
                    default -> { }
                }
                if (random.nextInt(4) == 0) {
                    q = q.between(T0.plusSeconds(2_000), T0.plusSeconds(9_000));
                }
                int[][] pages = {{0, 100}, {0, 100}, {250, 50}, {1_200, 100}, {5_000, 20}};
                int[] pg = pages[random.nextInt(pages.length)];
                check(q.page(pg[0], pg[1]));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(texts.length * 12);
    }

    @Test
    void aWalkOfACommonWordCountsUpToTheCapAndPagesDeeply() {
        RunQuery q = RunQuery.latest().model(models[1]).text("common");
        Page<Run> first = check(q);
        assertThat(first.totalExact()).isFalse();
        assertThat(first.total()).isEqualTo(RunSearch.COUNT_CAP);
        check(q.page(7_000, 100));
        check(q.page(7_950, 100));
        check(q.sort(RunSort.CREATED_AT, false).page(3_000, 100));
        check(RunQuery.latest().text("common").statuses(Set.of(RunStatus.CANCELLED)).page(1_100, 100));
    }

    @Test
    void aDateRangeCountsAtMostTheCapWithoutText() {
        Page<Run> page = ws.runs().page(RunQuery.latest().between(T0, T0.plusSeconds(10_000)));
        assertThat(page.totalExact()).isFalse();
        assertThat(page.total()).isEqualTo(RunSearch.COUNT_CAP);
        assertThat(page.hasMore()).isTrue();
        Page<Run> small = ws.runs().page(RunQuery.latest().between(T0, T0.plusSeconds(200)));
        assertThat(small.totalExact()).isTrue();
        assertThat(small.total()).isEqualTo(stored.stream().filter(r -> r.createdAt().isBefore(T0.plusSeconds(200)))
                .count());
    }

    @Test
    void typedWordsExpandToTheIndexedWordsTheyStart() throws Exception {
        try (var c = Fixtures.raw(dir.resolve("search.switchyard"))) {
            typedWordsExpand(c);
        }
    }

    private void typedWordsExpand(java.sql.Connection c) throws Exception {
        RunSearch.Match alpha = RunSearch.match(c, List.of("Alpha"));
        assertThat(alpha.lazy()).isTrue();
        assertThat(alpha.expression()).isEqualTo("(\"alpha\" OR \"alphabet\" OR \"alphanumeric\")");
        RunSearch.Match exact = RunSearch.match(c, List.of("often", "seldom"));
        assertThat(exact.expression()).isEqualTo("\"often\" AND \"seldom\"");
        RunSearch.Match many = RunSearch.match(c, List.of("prefix"));
        assertThat(many.lazy()).as("40 continuations: a prefix query").isFalse();
        assertThat(many.expression()).isEqualTo("\"prefix\"*");
        RunSearch.Match accent = RunSearch.match(c, List.of("café"));
        assertThat(accent.lazy()).isFalse();
    }

    private Page<Run> check(RunQuery q) {
        Page<Run> page = ws.runs().page(q);
        List<Run> expected = reference(q);
        List<Long> ids = expected.stream().skip(q.offset()).limit(q.limit()).map(Run::id).toList();
        assertThat(page.items()).as(q.toString()).extracting(Run::id).containsExactlyElementsOf(ids);
        if (page.totalExact()) {
            assertThat(page.total()).as(q.toString()).isEqualTo(expected.size());
        } else {
            assertThat(page.total()).as(q.toString()).isEqualTo(Math.max(RunSearch.COUNT_CAP, q.offset() + q.limit()));
            assertThat((long) expected.size()).as(q.toString()).isGreaterThan(page.total());
        }
        assertThat(page.hasMore()).as(q.toString()).isEqualTo(q.offset() + page.items().size() < expected.size());
        return page;
    }

    private List<Run> reference(RunQuery q) {
        Predicate<Run> p = r -> (q.modelId() == null || r.modelId() == q.modelId())
                && (q.statuses().isEmpty() || q.statuses().contains(r.status()))
                && (q.from() == null || !r.createdAt().isBefore(q.from()))
                && (q.to() == null || r.createdAt().isBefore(q.to()))
                && textMatches(r, q.text());
        Comparator<Run> order;
        if (q.sort() == RunSort.CREATED_AT) {
            order = Comparator.comparing(Run::createdAt).thenComparingLong(Run::id);
            order = q.descending() ? order.reversed() : order;
        } else {
            Comparator<Run> byValue = Comparator.comparing((Run r) -> r.metrics().totalMs(),
                    Comparator.nullsFirst(Comparator.<Long>naturalOrder())).thenComparingLong(Run::id);
            order = Comparator.comparing((Run r) -> r.metrics().totalMs() == null)
                    .thenComparing(q.descending() ? byValue.reversed() : byValue);
        }
        return stored.stream().filter(p).sorted(order).toList();
    }

    private static boolean textMatches(Run r, String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : fold(r.promptText() + " " + r.outputText()).split("[^\\p{L}\\p{N}]+")) {
            tokens.add(t);
        }
        for (String word : RunFilter.words(text)) {
            String w = fold(word);
            if (tokens.stream().noneMatch(t -> t.startsWith(w))) {
                return false;
            }
        }
        return true;
    }

    /** What unicode61 does to these texts: lower case, accents removed. */
    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
