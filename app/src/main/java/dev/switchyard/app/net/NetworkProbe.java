package dev.switchyard.app.net;

/** One network check; must return within a few seconds and never throw for ordinary network failures. */
@FunctionalInterface
public interface NetworkProbe {

    /** Checks the network now; {@code checkedAt} of the result may be null (the monitor stamps it). */
    NetworkState check();
}
