package dev.switchyard.local.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Access to the shipped demo intent sets (assets/intents) and the held-out test paraphrases. */
final class DemoSets {

    record Labelled(String intent, String prompt) {
    }

    private DemoSets() {
    }

    static Path assets() {
        Path p = Path.of("..", "assets", "intents");
        if (!Files.isDirectory(p)) {
            p = Path.of("assets", "intents");
        }
        return p;
    }

    static IntentSet smartHome() {
        return IntentSets.load(assets().resolve("smart-home.json"));
    }

    static IntentSet customerSupport() {
        return IntentSets.load(assets().resolve("customer-support.json"));
    }

    static List<Labelled> heldOut(String resource) {
        try (InputStream in = DemoSets.class.getResourceAsStream("/intent/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<Labelled> list = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                list.add(new Labelled(parts[0].strip(), parts[1].strip()));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
