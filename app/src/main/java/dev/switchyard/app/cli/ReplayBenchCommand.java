package dev.switchyard.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code switchyard bench replay}: a replay of N items from stored runs, and slider moves of its sweep. */
@Command(name = "replay", description = "Replay of 10k items from stored runs; sweep slider moves.")
final class ReplayBenchCommand implements Callable<Integer> {

    @ParentCommand
    Object parent;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", paramLabel = "<dir>", description = "Scratch folder (default: a temporary folder).")
    Path dir;
    @Option(names = "--items", paramLabel = "N", defaultValue = "10000", description = "Dataset size (default 10000).")
    int items;

    @Override
    public Integer call() throws Exception {
        Path scratch = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("switchyard-replay-bench");
        SwitchyardCli root = (SwitchyardCli) spec.root().userObject();
        dev.switchyard.app.replay.bench.ReplayBenchmark.run(root.context(), scratch, items, System.out);
        return ExitCodes.OK;
    }
}
