package dev.switchyard.app.replay;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.UnknownModelException;
import dev.switchyard.app.replay.grade.EmbeddingGrader;
import dev.switchyard.app.replay.grade.Grader;
import dev.switchyard.app.replay.grade.GraderKind;
import dev.switchyard.app.replay.grade.GraderSpec;
import dev.switchyard.app.replay.grade.Graders;
import dev.switchyard.app.replay.grade.JudgeGrader;
import dev.switchyard.app.replay.grade.VoteGrader;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The graders of a replay for the app: text and JSON graders, the embedding grader on the embedded local model
 * (loaded only when an item uses it), human votes from blind comparisons, and — when a judge model is named —
 * LLM-as-judge with that model and rubric. {@code override} grades every item with one grader.
 */
public final class ReplayGraders {

    private ReplayGraders() {
    }

    public static Graders build(AppContext app, Workspace ws, GraderKind override, String judgeModelRef, String rubric,
                                Double embeddingThreshold) {
        List<Grader> extra = new ArrayList<>();
        extra.add(new EmbeddingGrader(() -> app.intentModels().embedder(),
                embeddingThreshold == null ? GraderSpec.DEFAULT_THRESHOLD : embeddingThreshold));
        extra.add(new VoteGrader(ws));
        if (judgeModelRef != null && !judgeModelRef.isBlank()) {
            Model judge;
            try {
                judge = app.directory(ws).resolve(judgeModelRef);
            } catch (UnknownModelException e) {
                throw new ReplayException(ReplayException.Kind.GRADER, "The judge model is unknown: " + e.getMessage());
            }
            extra.add(new JudgeGrader(new RunService(ws), judge, app.engines(ws).forModel(judge), rubric));
        } else if (override == GraderKind.JUDGE) {
            throw new ReplayException(ReplayException.Kind.GRADER, "Grading with the judge needs a judge model"
                    + " (--judge <model>).");
        }
        return Graders.of(override, extra.toArray(Grader[]::new));
    }
}
