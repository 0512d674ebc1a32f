package dev.switchyard.app.engine;

/**
 * Whether a model can run now.
 *
 * @param ready  true when a run can start
 * @param reason why not (e.g. "no API key"), null when ready
 * @param fix    what the user can do about it, null when ready
 */
public record Availability(boolean ready, String reason, String fix) {

    public static final Availability READY = new Availability(true, null, null);

    public static Availability notReady(String reason, String fix) {
        return new Availability(false, reason, fix);
    }
}
