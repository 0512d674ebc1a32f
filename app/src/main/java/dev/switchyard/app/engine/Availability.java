package dev.switchyard.app.engine;

/**
 * Whether a model can run now.
 *
 * @param ready  true when a run can start
 * @param reason why not (e.g. "no API key"); when ready, a passing state worth showing (a local model loading into
 *               memory: a run starts now and begins once it is loaded), or null
 * @param fix    what the user can do about it, null when ready
 */
public record Availability(boolean ready, String reason, String fix) {

    public static final Availability READY = new Availability(true, null, null);

    /** Ready, in a passing state the picker shows (the run waits for it). */
    public static Availability readyWhen(String state) {
        return new Availability(true, state, null);
    }

    public static Availability notReady(String reason, String fix) {
        return new Availability(false, reason, fix);
    }
}
