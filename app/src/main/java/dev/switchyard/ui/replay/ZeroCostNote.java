package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.results.Wording;
import dev.switchyard.ui.replay.ResultsViewModel.ChartPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the cost–quality chart shows instead of point names when no point costs more than $0 (an all-local replay
 * with no device cost, or models without a price): every dot sits in the one column at $0, where names beside the
 * dots can only pile up, so the names are listed here by pass rate, one line per pass rate, beside that column.
 */
final class ZeroCostNote extends VBox {

    private final Label title = new Label();

    ZeroCostNote() {
        super(1);
        setId("replay-chart-note");
        getStyleClass().add("replay-chart-note");
        title.getStyleClass().add("replay-chart-note-title");
        title.setWrapText(true);
        setManaged(false);
        setVisible(false);
    }

    /** Shows {@code points}' names by pass rate (hidden when {@code points} is empty). */
    void show(List<ChartPoint> points) {
        List<Line> lines = grouped(points);
        getChildren().clear();
        setVisible(!points.isEmpty());
        if (points.isEmpty()) {
            return;
        }
        title.setText(title(points));
        getChildren().add(title);
        for (Line line : lines) {
            Label l = new Label(line.text());
            l.getStyleClass().add("replay-chart-note-line");
            // the dot's colour of the chart: the policy's on its line, a baseline's on the others
            Region dot = new Region();
            dot.getStyleClass().addAll("replay-chart-note-dot", line.policy() ? "policy" : "baseline");
            l.setGraphic(dot);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(l);
        }
    }

    /** "All at $0 per 1,000 prompts; by pass rate:", or why no cost is known. */
    static String title(List<ChartPoint> points) {
        boolean unknown = points.stream().anyMatch(ChartPoint::costPartial);
        boolean known = points.stream().anyMatch(p -> !p.costPartial());
        return unknown && known ? "Every cost is $0 or unknown (no price); by pass rate:"
                : unknown ? "Every cost is unknown (no price); by pass rate:"
                : "All at $0 per 1,000 prompts; by pass rate:";
    }

    /** A line of the note, and whether the policy's point is one of its names. */
    record Line(String text, boolean policy) {
    }

    /**
     * One line per pass rate, highest first: "80.0%  oracle", "60.0%  all-local (x) · best-single (x)"; the policy
     * first among points of its rate, "(cost unknown)" after a name whose cost is not known.
     */
    static List<String> lines(List<ChartPoint> points) {
        return grouped(points).stream().map(Line::text).toList();
    }

    private static List<Line> grouped(List<ChartPoint> points) {
        Map<String, List<ChartPoint>> byRate = new LinkedHashMap<>();
        points.stream().sorted(Comparator.comparingDouble(ChartPoint::passRate).reversed()
                        .thenComparing(p -> !isPolicy(p)))
                .forEach(p -> byRate.computeIfAbsent(Wording.pct(p.passRate()), k -> new ArrayList<>()).add(p));
        List<Line> out = new ArrayList<>();
        byRate.forEach((rate, same) -> out.add(new Line(String.format(Locale.ROOT, "%s  %s", rate, String.join(" · ",
                same.stream().map(p -> (isPolicy(p) ? "policy" : p.name()) + (p.costPartial() ? " (cost unknown)" : ""))
                        .toList())), same.stream().anyMatch(ZeroCostNote::isPolicy))));
        return out;
    }

    private static boolean isPolicy(ChartPoint p) {
        return "policy".equals(p.kind());
    }
}
