package dev.switchyard.app.routing.edit;

import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.Problem;
import java.util.List;

/**
 * What the routing designer needs from a workspace: validation, routing, the policy store, the targets it
 * can connect to, and prompts to test with. {@link WorkspaceDesignerBackend} is the real one; tests pass
 * their own over a temporary workspace and fake routing services.
 */
public interface DesignerBackend {

    List<Problem> validate(Policy policy);

    /** Decides where {@code prompt} goes (may take a while: the embedded model can load on first use). */
    Decision route(Policy policy, String prompt);

    PolicyStore store();

    /** Role placeholders and the workspace's models, as targets a rule can name. */
    List<String> targets();

    List<String> intentSets();

    /** The newest distinct prompts of the run history. */
    List<String> recentPrompts(int limit);

    List<String> datasets();

    List<String> datasetPrompts(String dataset);

    /** The name of the workspace's default policy, or null. */
    String defaultPolicy();
}
