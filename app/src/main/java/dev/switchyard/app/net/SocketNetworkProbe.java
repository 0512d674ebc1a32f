package dev.switchyard.app.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The production probe. Rules, in order:
 * <ol>
 *   <li>no non-loopback interface is up → offline;</li>
 *   <li>the workspace names no remote cloud host (loopback hosts such as Ollama don't count) → online;</li>
 *   <li>a TCP connect to any of those hosts succeeds within the timeout → online, else offline.</li>
 * </ol>
 * No fixed public host is ever contacted: only hosts of providers the user configured.
 */
public final class SocketNetworkProbe implements NetworkProbe {

    /** A host and port to try. */
    public record Endpoint(String host, int port) {
        /** The host and port of a base URL ({@code https://api.openai.com/v1} → api.openai.com:443); null if unusable. */
        public static Endpoint of(String baseUrl) {
            try {
                URI uri = URI.create(baseUrl.strip());
                if (uri.getHost() == null) {
                    return null;
                }
                int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
                return new Endpoint(uri.getHost().toLowerCase(Locale.ROOT), port);
            } catch (IllegalArgumentException | NullPointerException e) {
                return null;
            }
        }

        boolean loopback() {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
        }
    }

    /**
     * Whether a provider at {@code baseUrl} runs on this machine (localhost, 127.x, ::1 — Ollama, LM Studio, a local
     * gateway): it answers with the network down, so being offline does not stop its models.
     */
    public static boolean onThisMachine(String baseUrl) {
        Endpoint e = baseUrl == null ? null : Endpoint.of(baseUrl);
        return e != null && e.loopback();
    }

    /** Whether a non-loopback interface is up. */
    @FunctionalInterface
    public interface Interfaces {
        boolean anyUp();
    }

    /** Tries a TCP connect; true on success within the timeout. */
    @FunctionalInterface
    public interface Connector {
        boolean connect(Endpoint endpoint, Duration timeout);
    }

    private final Supplier<List<String>> baseUrls;
    private final Interfaces interfaces;
    private final Connector connector;
    private final Duration timeout;

    public SocketNetworkProbe(Supplier<List<String>> baseUrls, Interfaces interfaces, Connector connector, Duration timeout) {
        this.baseUrls = baseUrls;
        this.interfaces = interfaces;
        this.connector = connector;
        this.timeout = timeout;
    }

    /** The real probe: the machine's interfaces and real sockets, 1.5 s per host. */
    public static SocketNetworkProbe system(Supplier<List<String>> baseUrls) {
        return new SocketNetworkProbe(baseUrls, SocketNetworkProbe::anyInterfaceUp, SocketNetworkProbe::tcpConnect,
                Duration.ofMillis(1500));
    }

    @Override
    public NetworkState check() {
        if (!interfaces.anyUp()) {
            return NetworkState.offline("No network interface is up.", null);
        }
        List<Endpoint> hosts = remoteHosts();
        if (hosts.isEmpty()) {
            return NetworkState.online("A network interface is up (no provider on another machine to reach yet; servers on this machine, such as 127.0.0.1, do not need the network).", null);
        }
        for (Endpoint e : hosts) {
            if (connector.connect(e, timeout)) {
                return NetworkState.online("Reached " + e.host() + ".", null);
            }
        }
        return NetworkState.offline("None of the cloud providers' hosts answered ("
                + String.join(", ", hosts.stream().map(Endpoint::host).toList()) + ").", null);
    }

    List<Endpoint> remoteHosts() {
        Set<Endpoint> out = new LinkedHashSet<>();
        List<String> urls;
        try {
            urls = baseUrls.get();
        } catch (RuntimeException e) {
            urls = List.of();
        }
        for (String url : urls) {
            Endpoint e = url == null ? null : Endpoint.of(url);
            if (e != null && !e.loopback()) {
                out.add(e);
            }
        }
        return new ArrayList<>(out);
    }

    static boolean anyInterfaceUp() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isUp() && !ni.isLoopback() && ni.getInetAddresses().hasMoreElements()) {
                    return true;
                }
            }
            return false;
        } catch (SocketException e) {
            return false;
        }
    }

    static boolean tcpConnect(Endpoint e, Duration timeout) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(e.host(), e.port()), (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException ex) {
            return false;
        }
    }
}
