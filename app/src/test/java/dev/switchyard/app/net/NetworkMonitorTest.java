package dev.switchyard.app.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NetworkMonitorTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void listenersHearTheFirstCheckAndEveryChangeButNotRepeats() {
        AtomicBoolean up = new AtomicBoolean(true);
        NetworkMonitor monitor = new NetworkMonitor(() -> up.get() ? NetworkState.online("up", null)
                : NetworkState.offline("down", null), clock);
        List<Boolean> heard = new ArrayList<>();
        monitor.addListener(s -> heard.add(s.online()));

        assertThat(monitor.state()).isEqualTo(NetworkState.UNKNOWN);
        monitor.checkNow();
        monitor.checkNow();
        up.set(false);
        monitor.checkNow();
        monitor.checkNow();
        up.set(true);
        monitor.checkNow();

        assertThat(heard).containsExactly(true, false, true);
        assertThat(monitor.isOnline()).isTrue();
        assertThat(monitor.state().checkedAt()).isEqualTo(clock.instant());
    }

    @Test
    void listenersHearANewDetailThoughOnlineStaysTheSame() {
        java.util.concurrent.atomic.AtomicReference<String> detail = new java.util.concurrent.atomic.AtomicReference<>(
                "A network interface is up.");
        NetworkMonitor monitor = new NetworkMonitor(() -> NetworkState.online(detail.get(), null), clock);
        List<String> heard = new ArrayList<>();
        monitor.addListener(s -> heard.add(s.detail()));
        monitor.checkNow();
        detail.set("Reached api.openai.com."); // a remote provider was added: the tooltip must say so
        monitor.checkNow();
        monitor.checkNow();
        assertThat(heard).containsExactly("A network interface is up.", "Reached api.openai.com.");
    }

    @Test
    void aProbeThatThrowsCountsAsOfflineAndAThrowingListenerDoesNotStopOthers() {
        NetworkMonitor monitor = new NetworkMonitor(() -> {
            throw new IllegalStateException("no route");
        }, clock);
        List<NetworkState> heard = new ArrayList<>();
        monitor.addListener(s -> {
            throw new RuntimeException("listener bug");
        });
        monitor.addListener(heard::add);

        NetworkState s = monitor.checkNow();

        assertThat(s.online()).isFalse();
        assertThat(s.detail()).contains("no route");
        assertThat(heard).hasSize(1);
    }

    @Test
    void periodicChecksRunOnTheGivenExecutorUntilStopped() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        CopyOnWriteArrayList<String> threads = new CopyOnWriteArrayList<>();
        NetworkMonitor monitor = new NetworkMonitor(() -> {
            checks.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return NetworkState.online("ok", null);
        }, clock);
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "net-test"));
        try {
            monitor.start(exec, Duration.ofMillis(20));
            long deadline = System.currentTimeMillis() + 5000;
            while (checks.get() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            monitor.stop();
            int after = checks.get();
            Thread.sleep(100);
            assertThat(after).isGreaterThanOrEqualTo(3);
            assertThat(checks.get()).isLessThanOrEqualTo(after + 1);
            assertThat(threads).allMatch("net-test"::equals);
        } finally {
            exec.shutdownNow();
            exec.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void socketProbeIsOfflineWithoutAnInterfaceAndNeverDialsOut() {
        AtomicInteger dials = new AtomicInteger();
        SocketNetworkProbe probe = new SocketNetworkProbe(() -> List.of("https://api.example.com/v1"), () -> false,
                (e, t) -> dials.incrementAndGet() > 0, Duration.ofMillis(100));

        NetworkState s = probe.check();

        assertThat(s.online()).isFalse();
        assertThat(s.detail()).contains("No network interface");
        assertThat(dials).hasValue(0);
    }

    @Test
    void socketProbeIgnoresLoopbackHostsAndIsOnlineWithNoRemoteProvider() {
        List<SocketNetworkProbe.Endpoint> dialled = new ArrayList<>();
        SocketNetworkProbe probe = new SocketNetworkProbe(() -> List.of("http://localhost:11434/v1",
                "http://127.0.0.1:1234/v1"), () -> true, (e, t) -> dialled.add(e), Duration.ofMillis(100));

        assertThat(probe.check().online()).isTrue();
        assertThat(dialled).isEmpty();
    }

    @Test
    void socketProbeIsOnlineWhenAnyProviderHostAnswersAndOfflineWhenNoneDoes() {
        List<String> tried = new ArrayList<>();
        SocketNetworkProbe probe = new SocketNetworkProbe(() -> java.util.Arrays.asList("https://a.example/v1",
                "http://b.example:8080/v1", null, "not a url", "https://a.example/v2"), () -> true, (e, t) -> {
                    tried.add(e.host() + ":" + e.port());
                    return e.host().equals("b.example");
                }, Duration.ofMillis(100));

        assertThat(probe.check().online()).isTrue();
        assertThat(tried).containsExactly("a.example:443", "b.example:8080");

        SocketNetworkProbe none = new SocketNetworkProbe(() -> List.of("https://a.example/v1"), () -> true,
                (e, t) -> false, Duration.ofMillis(100));
        NetworkState s = none.check();
        assertThat(s.online()).isFalse();
        assertThat(s.detail()).contains("a.example");
    }

    @Test
    void realTcpConnectReachesALoopbackListenerAndFailsOnAClosedPort() throws Exception {
        int closedPort;
        try (ServerSocket server = new ServerSocket(0)) {
            var e = new SocketNetworkProbe.Endpoint("127.0.0.1", server.getLocalPort());
            assertThat(SocketNetworkProbe.tcpConnect(e, Duration.ofMillis(500))).isTrue();
            closedPort = server.getLocalPort();
        }
        assertThat(SocketNetworkProbe.tcpConnect(new SocketNetworkProbe.Endpoint("127.0.0.1", closedPort),
                Duration.ofMillis(500))).isFalse();
    }
}
