package dev.switchyard.local.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** What the CPU offers ONNX Runtime's 4-bit kernels, from {@code /proc/cpuinfo} (Linux; elsewhere nothing is assumed). */
final class Cpu {

    private static final Set<String> FLAGS = flags();

    private Cpu() {
    }

    /**
     * True on an x86 CPU with AVX2 and without VNNI (neither {@code avx512_vnni} nor {@code avx_vnni}): there ONNX
     * Runtime multiplies 8-bit activations with {@code vpmaddubsw}, no faster than fp32 FMAs, so a prompt's many rows
     * go faster through the fp32 path (measured: 15–20 % on the AVX2 host), while one row still decodes twice as
     * fast through the int8 path. Unknown (no {@code /proc/cpuinfo}): false.
     */
    static boolean fp32PrefillsFaster() {
        return FLAGS.contains("avx2") && !FLAGS.contains("avx512_vnni") && !FLAGS.contains("avx_vnni");
    }

    private static Set<String> flags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return Set.of(line.substring(colon + 1).trim().split("\\s+"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return Set.of();
    }
}
