package dev.switchyard.app.cli;

import dev.switchyard.app.replay.ReplayException;

/** Maps replay failures to CLI exit codes, once (table in REPLAY.md). */
final class ReplayErrors {

    private ReplayErrors() {
    }

    static CliException cli(ReplayException e) {
        int code = switch (e.kind()) {
            case BAD_INPUT, NOT_FOUND, BAD_POLICY, GRADER -> ExitCodes.INPUT;
            case NOT_CONFIRMED -> ExitCodes.USAGE;
            case NO_CACHED_RUN -> ExitCodes.FAILED;
        };
        return new CliException(code, e.getMessage(), e);
    }
}
