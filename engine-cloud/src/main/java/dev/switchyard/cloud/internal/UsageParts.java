package dev.switchyard.cloud.internal;

/** Usage numbers as reported by a provider; null = not reported. Mutable, one per attempt. */
public final class UsageParts {
    public Integer input;
    public Integer cached;
    public Integer cacheWrite;
    public Integer output;
    public Integer reasoning;
}
