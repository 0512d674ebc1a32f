package dev.switchyard.app.routing;

/** Whether the machine is online now (a network monitor in the app; a switch in tests). */
@FunctionalInterface
public interface NetworkState {

    /** Always online (for decisions made without a monitor, e.g. the CLI unless told otherwise). */
    NetworkState ONLINE = () -> true;

    boolean online();
}
