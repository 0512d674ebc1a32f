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

    /**
     * Whether {@code m} can run now, as Compare's picker and Replay's warning say it: its engine's availability (or why
     * the engine cannot be built, {@link #notBuilt}), then the network's ({@link #onNetwork}) — for a cloud model whose
     * provider is not on this machine ({@code ws} says where it is). Builds the engine and may ask the OS keyring: call
     * it off the FX thread.
     */
    public static Availability of(dev.switchyard.workspace.model.Model m, dev.switchyard.workspace.Workspace ws,
                                  java.util.function.Function<dev.switchyard.workspace.model.Model, ModelEngine> engines,
                                  boolean online) {
        Availability a;
        try {
            a = engines.apply(m).availability();
        } catch (RuntimeException e) {
            a = notBuilt(m.kind(), e);
        }
        return onNetwork(needsNetwork(m, ws), a, online);
    }

    /**
     * Whether running {@code m} needs the network: a cloud model, unless its provider runs on this machine (a gateway
     * at localhost such as Ollama keeps answering with the network unplugged).
     */
    public static boolean needsNetwork(dev.switchyard.workspace.model.Model m, dev.switchyard.workspace.Workspace ws) {
        return m.kind() == dev.switchyard.workspace.model.ModelKind.CLOUD
                && !ws.providers().get(m.providerId())
                        .map(p -> dev.switchyard.app.net.SocketNetworkProbe.onThisMachine(p.baseUrl())).orElse(false);
    }

    /**
     * A model whose engine could not be built ({@code e}): this build has no engine of its kind
     * ({@link UnsupportedOperationException}), or building it failed. Said the same by Compare's picker and Replay.
     */
    public static Availability notBuilt(dev.switchyard.workspace.model.ModelKind kind, RuntimeException e) {
        if (e instanceof UnsupportedOperationException) {
            return notReady(switch (kind) {
                case CLOUD -> "Cloud";
                case LOCAL_GENERATIVE -> "Local";
                case LOCAL_INTENT -> "Local intent";
            } + " models cannot run in this build yet.", "Add or update the model in Models and providers.");
        }
        return notReady("This model cannot start: " + e.getMessage(), "Check it in Models and providers.");
    }

    /**
     * A cloud model while the network is known to be down (the status bar says Offline; for the command line, no
     * network interface is up): its provider cannot be reached, whatever its key. One sentence for every check made
     * before calling a model ({@link #onNetwork}).
     */
    public static final Availability OFFLINE = notReady("Offline: cloud providers cannot be reached right now.",
            "Reconnect to the network, then start again; local models keep working.");

    /**
     * {@code a} as the network leaves it: a model that needs the network ({@link #needsNetwork}) and could run is
     * {@link #OFFLINE} when the network is known to be down; a reason it already has (no key…) is kept, since
     * reconnecting alone would not fix it; a model on this machine is not affected.
     */
    public static Availability onNetwork(boolean needsNetwork, Availability a, boolean online) {
        return online || !needsNetwork || !a.ready() ? a : OFFLINE;
    }
}
