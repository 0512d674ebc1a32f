package dev.switchyard.workspace.model;

/**
 * What a run cost: {@code usd} null means "no price known" (never silently 0); {@code priceId} is the price row
 * used for API costs.
 */
public record RunCost(Double usd, CostKind kind, Long priceId) {

    public static final RunCost NONE = new RunCost(null, null, null);

    public static RunCost api(double usd, long priceId) {
        return new RunCost(usd, CostKind.API, priceId);
    }

    public static RunCost device(double usd) {
        return new RunCost(usd, CostKind.DEVICE, null);
    }
}
