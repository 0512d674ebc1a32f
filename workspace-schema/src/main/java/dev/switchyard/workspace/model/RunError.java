package dev.switchyard.workspace.model;

/** Why a run failed: the engine's error kind (e.g. "rate_limited") and its user message. */
public record RunError(String kind, String message) {
}
