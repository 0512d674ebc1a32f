package dev.switchyard.ui.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.net.NetworkMonitor;
import dev.switchyard.app.net.NetworkState;
import dev.switchyard.ui.task.DirectTaskRunner;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NetworkStatusTest {

    @Test
    void followsTheMonitorSoScreensCanReactToGoingOffline() {
        AtomicBoolean up = new AtomicBoolean(true);
        NetworkMonitor monitor = new NetworkMonitor(() -> up.get() ? NetworkState.online("Reached api.example.com.", null)
                : NetworkState.offline("No network interface is up.", null), Clock.systemUTC());
        NetworkStatus status = new NetworkStatus(monitor, new DirectTaskRunner());
        assertThat(status.checkedProperty().get()).isFalse();
        assertThat(status.isOnline()).as("assumed online before the first check").isTrue();

        monitor.checkNow();
        assertThat(status.checkedProperty().get()).isTrue();
        assertThat(status.detailProperty().get()).isEqualTo("Reached api.example.com.");

        up.set(false);
        monitor.checkNow();
        assertThat(status.isOnline()).isFalse();
        assertThat(status.detailProperty().get()).isEqualTo("No network interface is up.");
    }
}
