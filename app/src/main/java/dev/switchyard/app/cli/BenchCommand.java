package dev.switchyard.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchyard bench <area>}: benchmarks that print figures (the README quotes them). */
@Command(name = "bench", description = "Run a benchmark and print its figures.", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.WorkspaceBench.class, BenchCommand.CloudBench.class, BenchCommand.LocalBench.class,
            BenchCommand.IntentBench.class, BenchCommand.RoutingBench.class, ReplayBenchCommand.class})
final class BenchCommand {

    private BenchCommand() {
    }

    private static PrintStream out() {
        return System.out;
    }

    @Command(name = "workspace", description = "100k run inserts, open of a 1M-run workspace, one history page.")
    static final class WorkspaceBench implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "<dir>", description = "Scratch folder (default: a temporary folder).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path scratch = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("switchyard-bench");
            dev.switchyard.workspace.bench.WorkspaceBenchmark.run(scratch, out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "cloud", description = "Client overhead on TTFT versus a raw socket, stream parsing throughput, and the first stream of fresh JVMs with and without the warm-up (loopback).")
    static final class CloudBench implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            dev.switchyard.cloud.bench.CloudBenchmark.run(out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "local", description = "Load time, TTFT, decode tokens/s and peak memory of speed-shaped local models.")
    static final class LocalBench implements Callable<Integer> {
        @Option(names = "--models-dir", paramLabel = "<dir>",
                description = "Where the speed-shaped models are (generated there if missing; default: a temporary folder).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path models = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("switchyard-bench-models");
            dev.switchyard.local.bench.LocalBenchmark.run(models, out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "routing", description = "Decision time p50/p99 of a 20-rule policy, without and with embedding conditions.")
    static final class RoutingBench implements Callable<Integer> {
        @Option(names = "--decisions", paramLabel = "N", defaultValue = "100000", description = "Decisions without embeddings.")
        int plain;
        @Option(names = "--embedding-decisions", paramLabel = "N", defaultValue = "1000",
                description = "Decisions with embedding conditions (a new prompt each).")
        int embedding;

        @Override
        public Integer call() throws Exception {
            dev.switchyard.app.routing.RoutingBenchmark.run(out(), plain, embedding);
            return ExitCodes.OK;
        }
    }

    @Command(name = "intent", description = "Embedded intent model: load time and match latency p50/p95 for a 20-word prompt.")
    static final class IntentBench implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            dev.switchyard.local.intent.IntentBenchmark.run(out());
            return ExitCodes.OK;
        }
    }
}
