package dev.switchyard.local.intent;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A named collection of intents matched together (e.g. "smart-home"). Intent names are unique. */
public record IntentSet(String name, String description, List<Intent> intents) {

    public IntentSet {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("intent set name must not be blank");
        }
        description = description == null ? "" : description;
        intents = List.copyOf(Objects.requireNonNull(intents, "intents"));
        if (intents.isEmpty()) {
            throw new IllegalArgumentException("intent set '" + name + "' needs at least one intent");
        }
        Set<String> seen = new HashSet<>();
        for (Intent i : intents) {
            if (!seen.add(i.name())) {
                throw new IllegalArgumentException("intent set '" + name + "' has two intents named '" + i.name() + "'");
            }
        }
    }

    /** The intent with this name, if any. */
    public Optional<Intent> intent(String intentName) {
        return intents.stream().filter(i -> i.name().equals(intentName)).findFirst();
    }

    /** Total number of example utterances over all intents. */
    public int exampleCount() {
        return intents.stream().mapToInt(i -> i.examples().size()).sum();
    }
}
