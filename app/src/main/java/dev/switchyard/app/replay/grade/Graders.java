package dev.switchyard.app.replay.grade;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The graders of one replay: text graders always, the embedding grader, the judge and the votes grader when
 * the replay set them up. An override kind grades every item with one grader (e.g. the judge), else each item
 * uses the grader its tags name.
 */
public final class Graders {

    private final Map<GraderKind, Grader> byKind = new EnumMap<>(GraderKind.class);
    private final GraderKind override;

    private Graders(GraderKind override) {
        this.override = override;
        add(TextGraders.EXACT);
        add(TextGraders.CONTAINS);
        add(TextGraders.REGEX);
        add(TextGraders.NUMERIC);
        add(new JsonGrader());
    }

    /** Text and JSON graders only; items that ask for another grader are reported as not graded. */
    public static Graders basic() {
        return new Graders(null);
    }

    public static Graders of(GraderKind override, Grader... extra) {
        Graders g = new Graders(override);
        for (Grader x : extra) {
            g.add(x);
        }
        return g;
    }

    private void add(Grader g) {
        byKind.put(g.kind(), g);
    }

    public Optional<GraderKind> override() {
        return Optional.ofNullable(override);
    }

    public Optional<JudgeGrader> judge() {
        return Optional.ofNullable((JudgeGrader) byKind.get(GraderKind.JUDGE));
    }

    /** The kind used for an item with this spec. */
    public GraderKind kindFor(GraderSpec spec) {
        return override != null ? override : spec.kind();
    }

    public Grade grade(Grader.GradeInput in) {
        GraderKind kind = kindFor(in.spec());
        if (kind == GraderKind.NONE) {
            return Grade.ungraded(kind, "no grader for this item");
        }
        Grader g = byKind.get(kind);
        if (g == null) {
            return Grade.ungraded(kind, "the " + kind.code() + " grader was not set up for this replay");
        }
        return g.grade(in);
    }
}
