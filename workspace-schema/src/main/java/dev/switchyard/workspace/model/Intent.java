package dev.switchyard.workspace.model;

import java.util.List;

/** One intent of a set: example utterances, an optional canned response template, and its order in the set. */
public record Intent(long id, String uid, long intentSetId, String name, List<String> examples,
                     String responseTemplate, int position) {
    public Intent {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public static Intent of(String name, List<String> examples, String responseTemplate) {
        return new Intent(0, null, 0, name, examples, responseTemplate, 0);
    }
}
