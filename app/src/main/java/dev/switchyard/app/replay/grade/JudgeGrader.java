package dev.switchyard.app.replay.grade;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.app.run.RunSpec;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LLM-as-judge: a chosen model reads the rubric, the prompt, the reference (when there is one) and the answer,
 * and replies {@code VERDICT: PASS} or {@code VERDICT: FAIL} with an optional {@code SCORE: n/10}. The judge's
 * call is stored as a run (route JSON {"judge":true}) and priced like any run; its cost is reported in
 * {@link Grade#judgeCostUsd()}, never added to the route's cost.
 */
public final class JudgeGrader implements Grader {

    static final String DEFAULT_RUBRIC = "Pass the answer if it is correct, complete and directly answers the"
            + " prompt; fail it otherwise. When a reference is given, the answer must agree with it.";
    private static final Pattern VERDICT = Pattern.compile("VERDICT\\s*:\\s*(PASS|FAIL)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE = Pattern.compile("SCORE\\s*:\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*10",
            Pattern.CASE_INSENSITIVE);
    private static final long TIMEOUT_SECONDS = 120;

    private final RunService runs;
    private final Model judge;
    private final ModelEngine engine;
    private final String rubric;

    public JudgeGrader(RunService runs, Model judge, ModelEngine engine, String rubric) {
        this.runs = runs;
        this.judge = judge;
        this.engine = engine;
        this.rubric = rubric == null || rubric.isBlank() ? DEFAULT_RUBRIC : rubric;
    }

    @Override
    public GraderKind kind() {
        return GraderKind.JUDGE;
    }

    public Model judgeModel() {
        return judge;
    }

    /** The judge's prompt for one answer (also used by the cost estimate). */
    public EngineRequest request(GradeInput in) {
        StringBuilder user = new StringBuilder();
        user.append("Rubric:\n").append(rubric).append("\n\nPrompt:\n").append(in.prompt());
        if (in.reference() != null && !in.reference().isBlank()) {
            user.append("\n\nReference answer:\n").append(in.reference());
        }
        user.append("\n\nAnswer to grade:\n").append(in.answer())
                .append("\n\nReply with one line \"VERDICT: PASS\" or \"VERDICT: FAIL\", then \"SCORE: n/10\", then"
                        + " one sentence saying why.");
        return new EngineRequest("You are a strict grader of model answers.", user.toString(),
                new GenerationParams(200, 0.0, null, null, List.of()));
    }

    @Override
    public Grade grade(GradeInput in) {
        Run run;
        try {
            run = runs.start(new RunSpec(judge, request(in), null, null, 0, "{\"judge\":true}"), engine,
                    RunObserver.NONE).finished().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Grade.ungraded(kind(), "the judge call was interrupted");
        } catch (Exception e) {
            return Grade.ungraded(kind(), "the judge did not answer: " + e.getMessage());
        }
        double cost = run.cost().usd() == null ? 0 : run.cost().usd();
        if (run.status() != RunStatus.COMPLETED) {
            String why = run.error() == null ? run.status().name() : run.error().message();
            return new Grade(kind().code(), null, null, "the judge failed: " + why, cost);
        }
        return parse(run.outputText(), cost);
    }

    static Grade parse(String reply, double cost) {
        Matcher v = VERDICT.matcher(reply);
        if (!v.find()) {
            return new Grade(GraderKind.JUDGE.code(), null, null, "the judge gave no verdict", cost);
        }
        boolean ok = v.group(1).toUpperCase(Locale.ROOT).equals("PASS");
        Matcher s = SCORE.matcher(reply);
        Double score = s.find() ? Math.min(1.0, Double.parseDouble(s.group(1)) / 10.0) : null;
        String reason = reply.lines().filter(l -> !VERDICT.matcher(l).find() && !SCORE.matcher(l).find())
                .map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(ok ? "judged a pass" : "judged a fail");
        return new Grade(GraderKind.JUDGE.code(), ok, score, reason, cost);
    }
}
