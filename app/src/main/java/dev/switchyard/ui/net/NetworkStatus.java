package dev.switchyard.ui.net;

import dev.switchyard.app.net.NetworkMonitor;
import dev.switchyard.app.net.NetworkState;
import dev.switchyard.ui.task.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The network state as observable properties on the UI thread, for the status-bar indicator and for any
 * screen that must change what can run when the machine goes offline ({@link #onlineProperty()}).
 */
public final class NetworkStatus {

    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(NetworkState.UNKNOWN.detail());
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(false);

    /** Follows {@code monitor}; its listener fires on the checking thread, so values hop through {@code tasks}. */
    public NetworkStatus(NetworkMonitor monitor, TaskRunner tasks) {
        monitor.addListener(state -> tasks.onUiThread(() -> show(state)));
        if (monitor.state().checkedAt() != null) {
            show(monitor.state());
        }
    }

    void show(NetworkState state) {
        online.set(state.online());
        detail.set(state.detail());
        checked.set(true);
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public boolean isOnline() {
        return online.get();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** False until the first check finished. */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }
}
