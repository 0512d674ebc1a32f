package dev.switchyard.local.intent;

import java.util.List;
import java.util.Objects;

/**
 * One thing a user can ask the on-device model: a name, example utterances (the "training data"
 * for nearest-example matching) and the reply template (see {@link ReplyTemplate}).
 */
public record Intent(String name, List<String> examples, String responseTemplate) {

    public Intent {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("intent name must not be blank");
        }
        examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("intent '" + name + "' needs at least one example");
        }
        for (String e : examples) {
            if (e.isBlank()) {
                throw new IllegalArgumentException("intent '" + name + "' has a blank example");
            }
        }
        responseTemplate = responseTemplate == null ? "" : responseTemplate;
    }
}
