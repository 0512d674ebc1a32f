package dev.switchyard.ui.compare.bench;

import dev.switchyard.ui.SwitchyardApp;
import dev.switchyard.ui.compare.ModelChoice;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Measures the two quality bars of the compare screen on the real window:
 * <ul>
 *   <li>cold start: launch of the JavaFX application → the Compare screen shows its models (usable);</li>
 *   <li>FX pulse gaps: the longest time between two FX pulses (AnimationTimer timestamps) while N panes stream
 *       T tokens/s each from a loopback OpenAI-compatible server.</li>
 * </ul>
 * Run (with a display, e.g. under Xvfb):
 * {@code java -cp app/target/switchyard.jar:app/target/lib/* dev.switchyard.ui.compare.bench.FxPulseBenchmark
 * [--panes 6] [--tps 200] [--tokens 800] [--rounds 2] [--repeat 1] [--hold-ms 0] [--tab answers|stats|charts]
 * [--size 1400x880] [--broken true] [--blind true] [--verbose true] [--jfr file.jfr] [--think-ms 2000]
 * [--pause-ms 0] [--server process|inside]}: {@code --pause-ms} waits that long between rounds, as a user reading the
 * answers (the window may then collect garbage, README decision 33; every round and the end say which GC pauses
 * fell where); {@code --server} runs the loopback server in a JVM of its own (the default, as a local
 * server runs beside the app) or inside the benchmark's JVM; {@code --think-ms}
 * waits that long on the usable Compare screen before the first Run, as a user typing a prompt would (0: Run at
 * once, so round 1 also builds the panes); {@code --verbose} prints the three
 * worst gaps of each round (when, and the FX thread's CPU in them); {@code --jfr} records rounds 2.. with Flight
 * Recorder (profile settings).
 * It prints the figures; it asserts nothing.
 */
public final class FxPulseBenchmark {

    private FxPulseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // measure the window in the JVM the app gives it (C1 only, README decision 19)
        dev.switchyard.app.UiJvm.relaunchOrContinue(FxPulseBenchmark.class, args);
        int panes = intArg(args, "--panes", 6);
        int tps = intArg(args, "--tps", 200);
        int tokens = intArg(args, "--tokens", 800);
        int rounds = intArg(args, "--rounds", 2);
        int repeat = intArg(args, "--repeat", 1);
        long holdMs = intArg(args, "--hold-ms", 0);
        String tab = strArg(args, "--tab", "answers");
        boolean verbose = Boolean.parseBoolean(strArg(args, "--verbose", "false"));
        String jfr = strArg(args, "--jfr", null);
        long thinkMs = intArg(args, "--think-ms", 2000);
        long pauseMs = intArg(args, "--pause-ms", 0);
        GcPauses gc = new GcPauses();
        jdk.jfr.Recording recording = null;
        boolean blind = Boolean.parseBoolean(strArg(args, "--blind", "false"));
        String[] size = strArg(args, "--size", "1400x880").split("x");
        long setupStart = System.nanoTime();
        Path dir = Files.createTempDirectory("switchyard-bench");
        // a local server runs beside the app, not inside it: by default in a JVM of its own ("--server inside": here)
        boolean inside = "inside".equals(strArg(args, "--server", "process"));
        StreamingFixture.Server fixture = inside ? new StreamingFixture(tps, tokens).inThisJvm()
                : StreamingFixture.startProcess(tps, tokens);
        List<String> names = new ArrayList<>();
        String[] base = {"gpt-4o-mini", "claude-3-5-haiku", "llama-3.1-8b", "mistral-small", "qwen2.5-7b", "gemini-1.5-flash"};
        for (int i = 0; i < panes; i++) {
            names.add(base[i % base.length] + (i >= base.length ? "-" + i : ""));
        }
        if (Boolean.parseBoolean(strArg(args, "--broken", "false"))) {
            names.set(names.size() - 1, "broken-gateway-model");
        }
        Path ws = dir.resolve("bench.switchyard");
        StreamingFixture.workspace(ws, names, fixture.baseUrl());
        double setupMs = (System.nanoTime() - setupStart) / 1e6;

        long launch = System.nanoTime();
        Thread fx = new Thread(() -> Application.launch(SwitchyardApp.class, "--workspace=" + ws), "bench-launcher");
        fx.setDaemon(true);
        fx.start();
        // usable = the first screen is up with the workspace open (a workspace with no runs opens on the welcome)
        waitUntil(60_000, () -> mainView() != null && (mainView().lookup("#welcome-view") != null || !pickBoxes().isEmpty()));
        double coldMs = (System.nanoTime() - launch) / 1e6;
        onFx(() -> {
            mainView().show("compare");
            return null;
        });
        waitUntil(60_000, () -> pickBoxes().size() >= panes);
        // looked up once: a lookup walks the scene, after a round six answers' nodes, parsing its selector again at
        // every node (75 MB of garbage and a young GC in a Run's first frame when it was done at each round's start)
        List<CheckBox> boxes = onFx(FxPulseBenchmark::pickBoxes);
        Controls ui = onFx(Controls::find);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf(Locale.ROOT, "cold start: launch -> usable Compare screen %.0f ms (JVM uptime %d ms, of which bench setup %.0f ms)%n",
                coldMs, uptime, setupMs);

        onFx(() -> {
            Window w = ui.scene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(Double.parseDouble(size[0]));
            w.setHeight(Double.parseDouble(size[1]));
            return null;
        });
        if (thinkMs > 0) {
            // a user reads the screen and types a prompt before the first Run; the screen may use that idle time
            Thread.sleep(thinkMs);
        }
        for (int round = 1; round <= rounds; round++) {
            if (round > 1 && pauseMs > 0) {
                // a user reads the answers before the next Run; the window may collect garbage meanwhile
                Thread.sleep(pauseMs);
            }
            if (jfr != null && recording == null && (round == 2 || rounds == 1)) {
                // profile the steady state: round 1 also builds the panes and warms the JIT
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                // a pulse lasts milliseconds: sample Java stacks every 2 ms instead of the profile's 10-20 ms
                recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
                recording.start();
            }
            PulseRecorder pulses = new PulseRecorder(verbose);
            long fxThread = onFx(() -> Thread.currentThread().getId());
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getThreadCpuTime(fxThread);
            long render0 = renderCpu(threads);
            java.util.Map<String, Long> perThread0 = cpuByThreadName(threads);
            java.util.Map<String, Long> vm0 = vmThreadCpuMs();
            long proc0 = processCpu();
            long server0 = fixture.processCpuMs();
            java.util.concurrent.atomic.AtomicReference<java.time.Instant> startedAt = new java.util.concurrent.atomic.AtomicReference<>();
            onFx(() -> {
                ui.userMessage().setText("Write a rollout plan for a hybrid assistant (round " + Math.random() + ").");
                boxes.forEach(b -> b.setSelected(false));
                List<String> ids = names.stream().map(n -> "pick-" + ModelChoice.safeId(n)).toList();
                boxes.stream().filter(b -> ids.contains(b.getId())).forEach(b -> b.setSelected(true));
                long picked = boxes.stream().filter(CheckBox::isSelected).count();
                if (picked != names.size()) { // a round with fewer panes than asked would measure something else
                    throw new IllegalStateException("picked " + picked + " of the " + names.size() + " models " + names);
                }
                ui.repeat().getValueFactory().setValue(repeat);
                ui.blind().setSelected(blind);
                pulses.watch(ui.scene());
                pulses.start();
                startedAt.set(java.time.Instant.now());
                ui.run().fire();
                return null;
            });
            long t0 = System.nanoTime();
            long roundStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
            // wait for the Run button to be enabled again without polling the FX thread (polling costs it CPU)
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            onFx(() -> {
                Button run = ui.run();
                javafx.beans.value.ChangeListener<Boolean> enabledAgain = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean disabled) {
                        if (!disabled) {
                            run.disabledProperty().removeListener(this);
                            done.countDown();
                        }
                    }
                };
                run.disabledProperty().addListener(enabledAgain);
                if (!run.isDisabled()) { // finished (or refused) before we listened
                    run.disabledProperty().removeListener(enabledAgain);
                    done.countDown();
                }
                return null;
            });
            if (!done.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the comparison did not finish in 10 minutes");
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            onFx(() -> {
                pulses.stop();
                pulses.unwatch(ui.scene());
                return null;
            });
            double fxCpuMs = (threads.getThreadCpuTime(fxThread) - cpu0) / 1e6;
            double renderMs = (renderCpu(threads) - render0) / 1e6;
            double procMs = (processCpu() - proc0) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: %d panes x %d tokens at %d tok/s (repeat %d) in %.0f ms: %s; "
                            + "FX thread CPU %.0f ms (%.0f%% of one core), render thread CPU %.0f ms (%.0f%%), "
                            + "whole process CPU %.0f ms (%.0f%%); load average %.1f on %d cores%n",
                    round, panes, tokens, tps, repeat, wall, pulses.summary(), fxCpuMs, 100 * fxCpuMs / wall,
                    renderMs, 100 * renderMs / wall, procMs, 100 * procMs / wall,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("  GC pauses in the round: " + gc.round(roundStartMs, ManagementFactory.getRuntimeMXBean().getUptime()));
            if (server0 >= 0) {
                System.out.printf(Locale.ROOT, "  server process CPU %d ms (%.0f%% of one core; not in the figures above)%n",
                        fixture.processCpuMs() - server0, 100 * (fixture.processCpuMs() - server0) / wall);
            }
            if (verbose) {
                // the wall-clock time of "+0 ms", to find a gap in a Flight Recorder file (-XX:StartFlightRecording)
                System.out.println("  round started at " + startedAt.get());
                System.out.println("  worst gaps: " + pulses.worstGaps + "; " + pulses.passes());
                java.util.Map<String, Long> perThread = cpuByThreadName(threads);
                StringBuilder top = new StringBuilder();
                perThread.entrySet().stream()
                        .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - perThread0.getOrDefault(e.getKey(), 0L)))
                        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                        .forEach(e -> top.append(String.format(Locale.ROOT, "%s%s %.0f ms", top.length() == 0 ? "" : ", ",
                                e.getKey(), e.getValue() / 1e6)));
                System.out.println("  CPU by thread (Java threads; JIT and GC not included): " + top);
                java.util.Map<String, Long> vm = vmThreadCpuMs();
                java.util.Map<String, Long> vmUsed = new java.util.HashMap<>();
                vm.forEach((key, ms) -> vmUsed.merge(key.substring(0, key.indexOf(':')), ms - vm0.getOrDefault(key, 0L), Long::sum));
                System.out.println("  JVM threads (from /proc, 10 ms ticks; threads alive at the end of the round): JIT compilers "
                        + vmUsed.getOrDefault("jit", 0L) + " ms, GC " + vmUsed.getOrDefault("gc", 0L) + " ms");
            }
        }
        System.out.println("GC pauses from launch to the end: " + gc.summary(0, Long.MAX_VALUE) + "; outside the rounds: "
                + gc.outsideRounds());
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfr));
            System.out.println("JFR recording of rounds " + (rounds == 1 ? 1 : 2) + ".." + rounds + " written to " + jfr);
        }
        onFx(() -> {
            ui.results().getSelectionModel().select(switch (tab) {
                case "stats" -> 1;
                case "charts" -> 2;
                default -> 0;
            });
            return null;
        });
        if (holdMs > 0) {
            System.out.println("holding the window for " + holdMs + " ms");
            Thread.sleep(holdMs);
        }
        Platform.exit();
        fixture.close();
        System.exit(0);
    }

    /**
     * Every garbage collection pause of this JVM (the collectors' notifications): when, how long, young or full, so each
     * round can say which fell inside it, and the full collections the window ran while idle (README decision 33) show
     * up between rounds.
     */
    private static final class GcPauses {
        private record Pause(long startMs, long durationMs, boolean full) {
        }

        private final List<Pause> pauses = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<long[]> rounds = new ArrayList<>();

        GcPauses() {
            for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) b).addNotificationListener((n, hb) -> {
                    if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
                                .from((javax.management.openmbean.CompositeData) n.getUserData());
                        // G1's and ZGC's concurrent cycles notify too; they are not pauses
                        if (!info.getGcName().contains("Cycles") && !info.getGcAction().contains("concurrent")) {
                            pauses.add(new Pause(info.getGcInfo().getStartTime(), info.getGcInfo().getDuration(),
                                    info.getGcAction().contains("major")));
                        }
                    }
                }, null, null);
            }
        }

        /** Remembers a round ({@code fromMs}..{@code toMs} of JVM uptime) and returns its {@link #summary}. */
        String round(long fromMs, long toMs) {
            rounds.add(new long[] {fromMs, toMs});
            return summary(fromMs, toMs);
        }

        /** The pauses that started between {@code fromMs} and {@code toMs} of JVM uptime. */
        String summary(long fromMs, long toMs) {
            List<Pause> in;
            synchronized (pauses) {
                in = pauses.stream().filter(p -> p.startMs() >= fromMs && p.startMs() <= toMs).toList();
            }
            return describe(in);
        }

        /** The pauses that fell in no round (start-up, the think time, the pauses between rounds). */
        String outsideRounds() {
            List<Pause> out;
            synchronized (pauses) {
                out = pauses.stream().filter(p -> rounds.stream().noneMatch(r -> p.startMs() >= r[0] && p.startMs() <= r[1]))
                        .toList();
            }
            return describe(out);
        }

        private static String describe(List<Pause> in) {
            StringBuilder b = new StringBuilder();
            for (boolean full : new boolean[] {false, true}) {
                List<Pause> kind = in.stream().filter(p -> p.full() == full).toList();
                b.append(b.length() == 0 ? "" : ", ").append(kind.size()).append(full ? " full" : " young");
                kind.stream().mapToLong(Pause::durationMs).max()
                        .ifPresent(ms -> b.append(" (longest ").append(ms).append(" ms, total ")
                                .append(kind.stream().mapToLong(Pause::durationMs).sum()).append(" ms)"));
            }
            return b.toString();
        }
    }

    /**
     * Records AnimationTimer timestamps and the FX thread's CPU time at each pulse; reports the longest wall-clock
     * gap, how many gaps exceeded 50 ms, and the longest FX-thread CPU time spent between two pulses (what the
     * gap would be if the thread had a core to itself: on a loaded machine wall-clock gaps include waiting for CPU).
     */
    private static final class PulseRecorder extends AnimationTimer {
        private final List<Long> stamps = new ArrayList<>();
        private final List<Long> cpu = new ArrayList<>();
        /** Per pulse, for the worst gaps: the render thread's CPU, GC pause time and the whole process's CPU so far. */
        private final List<Long> renderCpu = new ArrayList<>();
        private final List<Long> gcMs = new ArrayList<>();
        private final List<Long> procCpu = new ArrayList<>();
        /** Per pulse: the host's steal time so far (ms, all CPUs; -1 without /proc/stat), see {@code CpuClock.hostStealMs}. */
        private final List<Long> steal = new ArrayList<>();
        /** With --verbose: CPU (ns) of every Java thread at each pulse, by thread id, to name who ran in a gap. */
        private final boolean perThread;
        private final List<java.util.Map<Long, Long>> threadCpu = new ArrayList<>();
        private final java.util.Map<Long, String> threadNames = new java.util.HashMap<>();
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<java.lang.management.GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        private final long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        private String worstGaps = "";
        /** CSS + layout passes of the window's scene: the longest one and when (ms after the first pulse). */
        private long passStart;
        private long longestPass;
        private long longestPassAt;
        private final Runnable beforePass = () -> passStart = System.nanoTime();
        private final Runnable afterPass = () -> {
            long d = System.nanoTime() - passStart;
            if (passStart != 0 && d > longestPass && !stamps.isEmpty()) {
                longestPass = d;
                longestPassAt = passStart;
            }
        };

        PulseRecorder(boolean perThread) {
            this.perThread = perThread;
        }

        @Override
        public void handle(long now) {
            stamps.add(now);
            cpu.add(threads.getCurrentThreadCpuTime());
            renderCpu.add(renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread));
            long gc = 0;
            for (java.lang.management.GarbageCollectorMXBean b : collectors) {
                gc += b.getCollectionTime();
            }
            gcMs.add(gc);
            procCpu.add(processCpu());
            steal.add(dev.switchyard.workspace.bench.CpuClock.hostStealMs());
            if (perThread) {
                java.util.Map<Long, Long> cpuNow = new java.util.HashMap<>();
                for (long id : threads.getAllThreadIds()) {
                    long ns = threads.getThreadCpuTime(id);
                    if (ns > 0) {
                        cpuNow.put(id, ns);
                        threadNames.computeIfAbsent(id, k -> {
                            java.lang.management.ThreadInfo info = threads.getThreadInfo(k);
                            return info == null ? "?" : info.getThreadName().replaceAll("[0-9]+", "N");
                        });
                    }
                }
                threadCpu.add(cpuNow);
            }
        }

        /** The Java threads that used the most CPU between pulse i-1 and pulse i, and what the JVM's own threads used. */
        private String whoRan(int i) {
            if (!perThread) {
                return "";
            }
            java.util.Map<String, Long> by = new java.util.HashMap<>();
            long sum = 0;
            for (java.util.Map.Entry<Long, Long> e : threadCpu.get(i).entrySet()) {
                long d = e.getValue() - threadCpu.get(i - 1).getOrDefault(e.getKey(), 0L);
                if (d > 0) {
                    by.merge(threadNames.get(e.getKey()), d, Long::sum);
                    sum += d;
                }
            }
            StringBuilder b = new StringBuilder(" [");
            by.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(4)
                    .forEach(e -> b.append(String.format(Locale.ROOT, "%s %.0f, ", e.getKey(), e.getValue() / 1e6)));
            long vm = (procCpu.get(i) - procCpu.get(i - 1)) - sum;
            return b.append(String.format(Locale.ROOT, "JIT/GC/other ~%.0f ms]", Math.max(0, vm) / 1e6)).toString();
        }

        /** Host steal time between pulse i-1 and pulse i (ms, all CPUs; 0 when unknown). */
        private long stolen(int i) {
            return steal.get(i) < 0 || steal.get(i - 1) < 0 ? 0 : steal.get(i) - steal.get(i - 1);
        }

        /** Also times the scene's CSS and layout passes (between its pre- and post-layout pulse listeners). */
        void watch(Scene scene) {
            scene.addPreLayoutPulseListener(beforePass);
            scene.addPostLayoutPulseListener(afterPass);
        }

        void unwatch(Scene scene) {
            scene.removePreLayoutPulseListener(beforePass);
            scene.removePostLayoutPulseListener(afterPass);
        }

        String passes() {
            return String.format(Locale.ROOT, "longest CSS + layout pass %.1f ms at +%.0f ms", longestPass / 1e6,
                    stamps.isEmpty() ? 0 : (longestPassAt - stamps.get(0)) / 1e6);
        }

        String summary() {
            long max = 0;
            int over = 0;
            int overStolen = 0;
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < stamps.size(); i++) {
                long g = stamps.get(i) - stamps.get(i - 1);
                gaps.add(g);
                max = Math.max(max, g);
                if (g > 50_000_000L) {
                    over++;
                    overStolen += stolen(i) >= STOLEN_MS ? 1 : 0;
                }
            }
            long maxCpu = 0;
            for (int i = 1; i < cpu.size(); i++) {
                maxCpu = Math.max(maxCpu, cpu.get(i) - cpu.get(i - 1));
            }
            List<Integer> worst = new ArrayList<>();
            for (int i = 1; i < stamps.size(); i++) {
                worst.add(i);
            }
            worst.sort((a, b) -> Long.compare(stamps.get(b) - stamps.get(b - 1), stamps.get(a) - stamps.get(a - 1)));
            StringBuilder top = new StringBuilder();
            for (int k = 0; k < Math.min(3, worst.size()); k++) {
                int i = worst.get(k);
                top.append(String.format(Locale.ROOT, "%s%.0f ms at +%.0f ms (CPU: FX %.0f ms, render %.0f ms, process %.0f ms; "
                                + "GC %d ms; host steal %d ms%s)", k == 0 ? "" : ", ",
                        (stamps.get(i) - stamps.get(i - 1)) / 1e6, (stamps.get(i - 1) - stamps.get(0)) / 1e6,
                        (cpu.get(i) - cpu.get(i - 1)) / 1e6, (renderCpu.get(i) - renderCpu.get(i - 1)) / 1e6,
                        (procCpu.get(i) - procCpu.get(i - 1)) / 1e6, gcMs.get(i) - gcMs.get(i - 1), stolen(i), whoRan(i)));
            }
            worstGaps = top.toString();
            gaps.sort(null);
            double p99 = gaps.isEmpty() ? 0 : gaps.get(Math.max(0, (int) Math.ceil(0.99 * gaps.size()) - 1)) / 1e6;
            long roundSteal = steal.isEmpty() || steal.get(0) < 0 ? -1 : steal.get(steal.size() - 1) - steal.get(0);
            return String.format(Locale.ROOT, "%d pulses, longest gap %.1f ms, p99 gap %.1f ms, gaps > 50 ms: %d (%d of them "
                    + "with host steal >= %d ms), longest FX CPU between pulses %.1f ms, host steal in the round %d ms",
                    stamps.size(), max / 1e6, p99, over, overStolen, STOLEN_MS, maxCpu / 1e6, roundSteal);
        }
    }

    /** CPU time of the Prism render thread(s) ("QuantumRenderer-*"), which draw each pulse's frame. */
    private static long renderCpu(java.lang.management.ThreadMXBean threads) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** CPU time per thread name, numbered names summed ("OkHttp ... #3" counts as "OkHttp ... #N"). */
    private static java.util.Map<String, Long> cpuByThreadName(java.lang.management.ThreadMXBean threads) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = threads.getThreadCpuTime(t.getId());
            if (ns > 0) {
                out.merge(t.getName().replaceAll("[0-9]+", "N"), ns, Long::sum);
            }
        }
        return out;
    }

    /** A gap counts as one the host caused in part when the hypervisor stole at least this much CPU in it. */
    private static final long STOLEN_MS = 10;

    /** Looked up once: each pulse reads it, and a lookup through {@code ManagementFactory} allocates. */
    private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    private static long processCpu() {
        return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /**
     * CPU time (ms) of each of HotSpot's compiler threads ("jit:tid") and GC threads ("gc:tid") from /proc/self/task;
     * empty elsewhere. Per thread, because HotSpot ends idle compiler threads and starts new ones.
     */
    private static java.util.Map<String, Long> vmThreadCpuMs() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = java.nio.file.Files.readString(t.resolve("comm")).strip();
                    String key = comm.matches("C[12] CompilerThre.*") ? "jit"
                            : comm.matches("GC Thread#\\d+|G1 .*") ? "gc" : null;
                    if (key != null) {
                        String stat = java.nio.file.Files.readString(t.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        out.put(key + ":" + t.getFileName(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10);
                    }
                } catch (java.io.IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    private static dev.switchyard.ui.main.MainView mainView() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof dev.switchyard.ui.main.MainView)
                .map(s -> (dev.switchyard.ui.main.MainView) s.getRoot()).findFirst().orElse(null);
    }

    private static Scene scene() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.lookup("#compare-screen") != null).findFirst().orElse(null);
    }

    /** The Compare screen's controls the benchmark drives; they stay the same nodes across runs. */
    private record Controls(Scene scene, TextArea userMessage, Spinner<Integer> repeat,
            javafx.scene.control.ToggleButton blind, Button run, TabPane results) {

        @SuppressWarnings("unchecked")
        static Controls find() {
            Scene s = FxPulseBenchmark.scene();
            return new Controls(s, (TextArea) s.lookup("#user-message"), (Spinner<Integer>) s.lookup("#repeat-spinner"),
                    (javafx.scene.control.ToggleButton) s.lookup("#blind-toggle"), (Button) s.lookup("#run-button"),
                    (TabPane) s.lookup("#compare-results"));
        }
    }

    private static List<CheckBox> pickBoxes() {
        Scene s = scene();
        if (s == null) {
            return List.of();
        }
        List<CheckBox> out = new ArrayList<>();
        for (Node n : s.getRoot().lookupAll(".check-box")) {
            if (n.getId() != null && n.getId().startsWith("pick-")) {
                out.add((CheckBox) n);
            }
        }
        return out;
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(long timeoutMs, Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (onFxQuiet(condition)) {
                    return;
                }
            } catch (IllegalStateException e) {
                // toolkit not started yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out after " + timeoutMs + " ms");
    }

    private static boolean onFxQuiet(Supplier<Boolean> condition) throws Exception {
        try {
            return Boolean.TRUE.equals(onFx(() -> {
                try {
                    return condition.get();
                } catch (RuntimeException e) {
                    return false;
                }
            }));
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    private static int intArg(String[] args, String name, int def) {
        String v = strArg(args, name, null);
        return v == null ? def : Integer.parseInt(v);
    }

    private static String strArg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }
}
