package dev.switchyard.workspace.model;

import java.time.Instant;

/** The runs started by one click: a prompt version (null for ad-hoc text), N repeats, blind or not. */
public record Comparison(long id, String uid, Long promptVersionId, int repeatCount, boolean blind, Instant createdAt) {
    public Comparison {
        createdAt = Times.ms(createdAt);
    }
}
