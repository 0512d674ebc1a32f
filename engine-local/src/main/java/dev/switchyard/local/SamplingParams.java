package dev.switchyard.local;

/**
 * How the next token is chosen. temperature 0 = greedy (argmax). topK 0 = off; topP 1 = off;
 * repetitionPenalty 1 = off. seed makes sampling reproducible (same seed, same model, same prompt, same
 * output); null = a fresh random seed per run.
 */
public record SamplingParams(double temperature, int topK, double topP, double repetitionPenalty, Long seed) {
    public SamplingParams {
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, was " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (!(repetitionPenalty > 0)) {
            throw new IllegalArgumentException("repetitionPenalty must be > 0, was " + repetitionPenalty);
        }
    }

    public static SamplingParams greedy() {
        return new SamplingParams(0, 0, 1, 1, null);
    }

    public static SamplingParams of(double temperature, int topK, double topP, double repetitionPenalty, Long seed) {
        return new SamplingParams(temperature, topK, topP, repetitionPenalty, seed);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
