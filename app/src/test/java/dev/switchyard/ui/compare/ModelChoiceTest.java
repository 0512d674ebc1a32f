package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.routing.AutoRoutes;
import dev.switchyard.app.routing.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How "Auto: &lt;policy&gt;" tells the user what it lacks, and which screen fixes it. */
class ModelChoiceTest {

    @Test
    void aPolicyLackingOnlyCloudModelsSaysSoAndIsFixedOnTheModelsScreensCloudTab() {
        ModelChoice c = ModelChoice.of(new AutoRoutes.Choice("tiered", 1, "", List.of(), List.of("$cloud-cheap", "$cloud-strong")));

        assertThat(c.ready()).isFalse();
        assertThat(c.availability().reason()).isEqualTo("Needs a cloud model for $cloud-cheap and $cloud-strong.");
        assertThat(c.fix()).isEqualTo(ModelChoice.Fix.OPEN_MODELS);
        assertThat(c.fixTab()).isEqualTo("cloud");
    }

    @Test
    void aCloudModelWithoutItsKeyIsFixedOnItsProvidersPage() {
        ModelChoice c = new ModelChoice(dev.switchyard.workspace.model.Model.of(7, "gpt-4o-mini", "gpt-4o-mini",
                dev.switchyard.workspace.model.ModelKind.CLOUD, null, null, null), "OpenAI",
                dev.switchyard.app.engine.Availability.notReady("No API key for OpenAI.", "Set it in Models."));
        assertThat(c.fixTab()).isEqualTo("cloud/7");
    }

    @Test
    void aPolicyLackingALocalModelIsFixedOnTheLocalTab() {
        ModelChoice c = ModelChoice.of(new AutoRoutes.Choice("edge", 2, "", List.of(), List.of("$local-generative")));

        assertThat(c.availability().reason()).isEqualTo("Needs a local generative model for $local-generative.");
        assertThat(c.fixTab()).isEqualTo("local");
    }

    @Test
    void anyOtherProblemIsFixedInRoutingAndShownWithoutItsJsonPath() {
        ModelChoice c = ModelChoice.of(new AutoRoutes.Choice("broken", 3, "", List.of(
                new Problem("/rules/0/when", "The condition is empty."), new Problem("/default/target", "No model 'x'.")),
                List.of("$cloud-cheap")));

        assertThat(c.availability().reason()).isEqualTo("The policy has 2 problems: The condition is empty.");
        assertThat(c.fix()).isEqualTo(ModelChoice.Fix.OPEN_ROUTING);
    }

    @Test
    void nodeIdsHoldOnlyWhatACssIdSelectorCanFind() {
        ModelChoice c = new ModelChoice(dev.switchyard.workspace.model.Model.of(8, "meta-llama/llama-3.2:1b", "Llama 3.2 1B",
                dev.switchyard.workspace.model.ModelKind.CLOUD, null, null, null), "OpenRouter",
                dev.switchyard.app.engine.Availability.readyWhen("Ready"));
        assertThat(c.idSuffix()).isEqualTo("meta-llama-llama-3-2-1b");
        assertThat(ModelChoice.of(new AutoRoutes.Choice("edge v2.1", 2, "", List.of(), List.of())).idSuffix())
                .isEqualTo("auto-edge-v2-1");
    }

    @Test
    void aPolicyWithNothingMissingIsReady() {
        ModelChoice c = ModelChoice.of(new AutoRoutes.Choice("tiered", 1, "", List.of(), List.of()));

        assertThat(c.ready()).isTrue();
        assertThat(c.fix()).isEqualTo(ModelChoice.Fix.NONE);
        assertThat(c.provider()).isEqualTo("Routing policy v1");
    }
}
