package dev.switchyard.app.routing;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Enumeration;

/**
 * The network state from the machine's interfaces: online when some non-loopback, non-virtual interface is
 * up and has an address. It does not prove that the internet is reachable (the app's network monitor
 * does more); a pulled cable or Wi-Fi off reads as offline at once. Used by the CLI.
 */
public final class InterfaceNetworkState implements NetworkState {

    @Override
    public boolean online() {
        try {
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            while (all != null && all.hasMoreElements()) {
                NetworkInterface n = all.nextElement();
                if (n.isUp() && !n.isLoopback() && !n.isVirtual() && n.getInetAddresses().hasMoreElements()) {
                    return true;
                }
            }
            return false;
        } catch (SocketException e) {
            return false;
        }
    }
}
