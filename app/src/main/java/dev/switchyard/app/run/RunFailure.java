package dev.switchyard.app.run;

/** Why a run did not complete: a stable kind and the sentence shown to the user. */
public record RunFailure(String kind, String message) {
}
