package dev.switchyard.app.replay.engine;

/**
 * A threshold condition of a policy: the condition passes when {@code observed op value}.
 *
 * @param label   what it measures ("complexity", "prompt tokens"…)
 * @param op      one of {@code >=}, {@code >}, {@code <=}, {@code <}
 * @param current the value in the policy version
 * @param min     the lowest slider position
 * @param max     the highest slider position
 */
public record ThresholdSpec(String label, String op, double current, double min, double max) {

    public ThresholdSpec {
        if (!op.equals(">=") && !op.equals(">") && !op.equals("<=") && !op.equals("<")) {
            throw new IllegalArgumentException("unknown threshold operator " + op);
        }
    }

    public boolean passes(double observed, double threshold) {
        return switch (op) {
            case ">=" -> observed >= threshold;
            case ">" -> observed > threshold;
            case "<=" -> observed <= threshold;
            default -> observed < threshold;
        };
    }
}
