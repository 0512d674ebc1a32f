package dev.switchyard.app.routing;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Page;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The workspace's spend in the current budget period: the sum of {@code cost_usd} of runs created since
 * the period start (setting {@code budget.period}: {@code day}, {@code week} — from Monday — or {@code month},
 * the default; in the clock's time zone). Remembered for {@link #TTL_MILLIS} so a burst of decisions reads
 * the runs once.
 */
public final class BudgetReader implements RoutingServices.SpendSource {

    /** How long a computed sum is reused. */
    public static final long TTL_MILLIS = 2_000;

    private final Workspace workspace;
    private final Clock clock;
    private double cached;
    private long cachedAt = Long.MIN_VALUE;

    public BudgetReader(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    @Override
    public synchronized double spentUsd() {
        long now = clock.millis();
        if (cachedAt != Long.MIN_VALUE && now - cachedAt < TTL_MILLIS && now >= cachedAt) {
            return cached;
        }
        cached = sumSince(periodStart());
        cachedAt = now;
        return cached;
    }

    /** Start of the current period. */
    public Instant periodStart() {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        String period = workspace.settings().get(SettingsRepository.BUDGET_PERIOD, "month").strip().toLowerCase(Locale.ROOT);
        LocalDate start = switch (period) {
            case "day" -> today;
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> today.withDayOfMonth(1);
        };
        return start.atStartOfDay(zone).toInstant();
    }

    private double sumSince(Instant from) {
        double sum = 0;
        int offset = 0;
        while (true) {
            Page<Run> page = workspace.runs().page(RunQuery.latest().between(from, null).page(offset, RunQuery.MAX_LIMIT));
            for (Run r : page.items()) {
                if (r.cost().usd() != null) {
                    sum += r.cost().usd();
                }
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return sum;
            }
            offset += page.items().size();
        }
    }
}
