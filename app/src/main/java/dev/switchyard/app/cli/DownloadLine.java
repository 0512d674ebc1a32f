package dev.switchyard.app.cli;

import dev.switchyard.local.catalog.DownloadProgress;
import dev.switchyard.local.catalog.ModelDownloader;
import java.io.PrintWriter;

/** One updating progress line on stderr: phase, file, bytes, rate and time left. */
final class DownloadLine {

    private DownloadLine() {
    }

    static void print(PrintWriter err, DownloadProgress p) {
        String left = p.timeLeft() == null ? "" : "  " + p.timeLeft().toSeconds() + " s left";
        String rate = p.bytesPerSecond() > 0 ? "  " + ModelDownloader.human((long) p.bytesPerSecond()) + "/s" : "";
        String total = p.bytesTotal() > 0 ? " / " + ModelDownloader.human(p.bytesTotal()) : "";
        err.printf("\r%-11s %3.0f%%  %s%s%s%s  [%d/%d] %s      ", p.phase().name().toLowerCase(java.util.Locale.ROOT),
                p.fraction() * 100, ModelDownloader.human(p.bytesDone()), total, rate, left, p.fileIndex(),
                p.fileCount(), p.file() == null ? "" : p.file());
        err.flush();
    }
}
