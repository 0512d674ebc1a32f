package dev.switchyard.app.run;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.workspace.model.Model;

/**
 * One run to make.
 *
 * @param model           the workspace model row
 * @param request         the rendered prompt and parameters
 * @param promptVersionId the saved prompt version, null for an ad-hoc prompt
 * @param comparisonId    the comparison this run belongs to, null for none
 * @param repeatIndex     0-based repeat number within the comparison
 * @param routeJson       the routing decision that chose this model, null when picked directly
 */
public record RunSpec(Model model, EngineRequest request, Long promptVersionId, Long comparisonId, int repeatIndex,
                      String routeJson) {

    public static RunSpec adHoc(Model model, EngineRequest request) {
        return new RunSpec(model, request, null, null, 0, null);
    }
}
