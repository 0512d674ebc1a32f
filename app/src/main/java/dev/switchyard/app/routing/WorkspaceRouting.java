package dev.switchyard.app.routing;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.IntentSetStore;
import dev.switchyard.app.models.CloudModelSettings;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.cloud.tokens.TokenEstimator;
import dev.switchyard.local.intent.IntentModel;
import dev.switchyard.local.intent.IntentSet;
import dev.switchyard.local.intent.TextEmbedder;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import java.util.function.Supplier;

/**
 * Routing wired to a workspace: targets and roles from its models, intent sets from its store, spend from
 * its runs, the embedded model from the app. Token counts: cloud models with their tokenizer (exact BPE
 * for OpenAI families, else the documented chars/4 estimate); intent models with the MiniLM tokenizer;
 * local generative models chars/4 (their tokenizer lives in the worker process); no model: o200k_base.
 */
public final class WorkspaceRouting {

    private final Workspace workspace;
    private final TargetResolver targets;
    private final IntentSetStore intentSets;
    private final RoutingServices services;

    public WorkspaceRouting(AppContext app, Workspace workspace, NetworkState network) {
        this(app, workspace, network, ComplexityModel.shipped());
    }

    public WorkspaceRouting(AppContext app, Workspace workspace, NetworkState network, ComplexityModel complexity) {
        this.workspace = workspace;
        ModelDirectory directory = app.directory(workspace);
        this.targets = new TargetResolver(workspace, directory, app.clock());
        this.intentSets = new IntentSetStore(workspace, directory);
        // the app's one intent model: its example-set cache and its prompt-embedding cache are shared with the intent engine
        Supplier<IntentModel> intentModel = () -> app.intentModels().intentModel();
        Supplier<TextEmbedder> embedder = () -> intentModel.get().embedder();
        this.services = new RoutingServices(this::countTokens, (set, prompt) -> intentModel.get().match(intentSet(set), prompt),
                embedder, network, new BudgetReader(workspace, app.clock()), complexity);
    }

    public RoutingServices services() {
        return services;
    }

    public TargetResolver targets() {
        return targets;
    }

    public Router router() {
        return new Router(services);
    }

    /** Validation against this workspace's models, roles and intent sets. */
    public ValidationContext validation() {
        return new ValidationContext() {
            @Override
            public String targetProblem(String target) {
                return targets.problem(target);
            }

            @Override
            public boolean intentSetExists(String name) {
                return workspace.intentSets().findByName(name).isPresent();
            }
        };
    }

    public PolicyValidator validator() {
        return new PolicyValidator(validation());
    }

    private IntentSet intentSet(String name) {
        IntentSet set = intentSets.load(name).orElseThrow(() -> new RoutingException(
                RoutingException.Kind.UNKNOWN_INTENT_SET, "The workspace has no intent set '" + name + "'."));
        if (set.intents().isEmpty()) {
            throw new RoutingException(RoutingException.Kind.UNKNOWN_INTENT_SET, "The intent set '" + name + "' is empty.");
        }
        return set;
    }

    private int countTokens(String modelRef, String text) {
        if (modelRef == null) {
            return TokenEstimator.shared().count(text, "o200k_base");
        }
        Model m = targets.resolve(modelRef);
        return switch (m.kind()) {
            case CLOUD -> TokenEstimator.shared().count(text,
                    TokenEstimator.resolve(CloudModelSettings.capabilities(m).tokenizerEncoding(), m.apiModelId()));
            case LOCAL_INTENT -> services.embedder().get().countTokens(text);
            case LOCAL_GENERATIVE -> TokenEstimator.approx(text);
        };
    }
}
