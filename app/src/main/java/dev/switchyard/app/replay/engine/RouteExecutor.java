package dev.switchyard.app.replay.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Follows a plan over answers: each step's cell is fetched (stored, live, or from a replay's matrix); the first
 * step whose answer its rule keeps ends the route, else the last step's answer stands. Cost and latency add up
 * over every step taken (a cascade pays for the local try and the cloud call).
 */
public final class RouteExecutor {

    /**
     * The outcome of one route.
     *
     * @param costUsd  the known cost of the steps taken
     * @param unpriced a step's answer has no price, so {@code costUsd} is only part of the cost (a lower bound)
     */
    public record Route(List<StepTaken> steps, Cell finalCell, double costUsd, long latencyMs, boolean unpriced) {
        public boolean passed() {
            return finalCell.passed();
        }
    }

    private RouteExecutor() {
    }

    public static Route follow(List<PlanStep> plan, LongFunction<Cell> cellFor) {
        List<StepTaken> taken = new ArrayList<>(plan.size());
        double cost = 0;
        long latency = 0;
        boolean unpriced = false;
        Cell last = null;
        for (int i = 0; i < plan.size(); i++) {
            PlanStep step = plan.get(i);
            Cell cell = cellFor.apply(step.modelId());
            cost += cell.cost();
            unpriced |= cell.unpriced();
            latency += cell.latency();
            last = cell;
            boolean keep = step.accept().accepts(cell);
            boolean lastStep = i == plan.size() - 1;
            taken.add(new StepTaken(step.modelId(), cell.runId(), cell.source(), step.role(), keep || lastStep,
                    keep ? step.accept().describe() : lastStep ? "last step, answer kept as is" : "not kept: "
                            + step.accept().describe().replace("kept when", "needs")));
            if (keep) {
                break;
            }
        }
        return new Route(taken, last, cost, latency, unpriced);
    }
}
