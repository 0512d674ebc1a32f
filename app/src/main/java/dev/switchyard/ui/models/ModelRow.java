package dev.switchyard.ui.models;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.PriceRow;
import java.util.Locale;

/** A model and the price row in force today (null: "no price"). */
public record ModelRow(Model model, PriceRow price) {

    /** "$0.15 in · $0.60 out" (per 1M tokens) or "no price". */
    public String priceText() {
        return price == null ? "no price" : Formats.usdPerMTok(price.inputPerMTok()) + " in · "
                + Formats.usdPerMTok(price.outputPerMTok()) + " out";
    }

    public String kindText() {
        return switch (model.kind()) {
            case CLOUD -> "Cloud";
            case LOCAL_GENERATIVE -> "Local generative";
            case LOCAL_INTENT -> "Local intent";
        };
    }

    public String contextText() {
        return model.contextWindow() == null ? "" : String.format(Locale.ROOT, "%,d", model.contextWindow());
    }
}
