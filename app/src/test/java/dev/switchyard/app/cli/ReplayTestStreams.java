package dev.switchyard.app.cli;

import java.util.List;

/** OpenAI-format SSE bodies for replay tests in other packages. */
public final class ReplayTestStreams {

    private ReplayTestStreams() {
    }

    public static String openAi(String text, int promptTokens, int completionTokens) {
        return RunCommandTest.openAiStream("gpt-4o-mini", List.of(text), promptTokens, completionTokens);
    }
}
