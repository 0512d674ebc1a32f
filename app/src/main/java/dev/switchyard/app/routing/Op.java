package dev.switchyard.app.routing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A comparison of an observed number with a rule's value. */
public enum Op {
    @JsonProperty("lt") LT("<"),
    @JsonProperty("le") LE("≤"),
    @JsonProperty("gt") GT(">"),
    @JsonProperty("ge") GE("≥"),
    @JsonProperty("eq") EQ("="),
    @JsonProperty("ne") NE("≠");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double observed, double value) {
        return switch (this) {
            case LT -> observed < value;
            case LE -> observed <= value;
            case GT -> observed > value;
            case GE -> observed >= value;
            case EQ -> observed == value;
            case NE -> observed != value;
        };
    }
}
