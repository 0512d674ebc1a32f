package dev.switchyard.app.net;

import java.time.Instant;

/**
 * What the last network check found.
 *
 * @param online    true when a cloud call can be expected to reach its host
 * @param detail    one sentence for the status bar tooltip ("3 providers reachable", "No network interface is up")
 * @param checkedAt when the check finished (null before the first check)
 */
public record NetworkState(boolean online, String detail, Instant checkedAt) {

    /** Before the first check: assumed online so nothing is disabled at start-up for no reason. */
    public static final NetworkState UNKNOWN = new NetworkState(true, "Checking the network…", null);

    public static NetworkState online(String detail, Instant at) {
        return new NetworkState(true, detail, at);
    }

    public static NetworkState offline(String detail, Instant at) {
        return new NetworkState(false, detail, at);
    }
}
