package dev.switchyard.ui.net;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

/** The status-bar indicator: a dot and "Online"/"Offline", the probe's sentence as tooltip. */
public final class NetworkIndicator extends Label {

    public NetworkIndicator(NetworkStatus status) {
        setId("network-indicator");
        getStyleClass().add("network-indicator");
        Circle dot = new Circle(4);
        dot.getStyleClass().add("network-dot");
        setGraphic(dot);
        setMinWidth(USE_PREF_SIZE); // the status message beside it gives way, never "Onlin"
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(status.detailProperty());
        setTooltip(tip);
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> !status.checkedProperty().get()
                ? "Checking network…" : status.isOnline() ? "Online" : "Offline",
                status.checkedProperty(), status.onlineProperty()));
        status.onlineProperty().addListener((obs, old, now) -> style(now));
        style(status.isOnline());
    }

    private void style(boolean online) {
        getStyleClass().removeAll("online", "offline");
        getStyleClass().add(online ? "online" : "offline");
    }
}
