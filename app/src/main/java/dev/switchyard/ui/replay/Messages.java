package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.ReplayException;

/** Maps a failure to the one sentence the screen shows. */
final class Messages {

    private Messages() {
    }

    static String of(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ReplayException || t instanceof dev.switchyard.app.routing.RoutingException) {
            return t.getMessage();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? "Something went wrong (" + t.getClass().getSimpleName() + ")." : m;
    }
}
