package dev.switchyard.ui.main;

import dev.switchyard.ui.Screen;
import dev.switchyard.ui.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The workspace overview: what the open workspace holds, one card per kind of row. */
public final class OverviewScreen implements Screen {

    private final MainViewModel model;
    private final FlowPane cards = new FlowPane(12, 12);
    private final VBox view;

    public OverviewScreen(MainViewModel model) {
        this.model = model;
        Label title = new Label("Workspace overview");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        cards.setId("count-cards");
        view = new VBox(12, title, cards);
        view.setPadding(new Insets(20));
        model.counts().addListener((ListChangeListener<MainViewModel.CountRow>) c -> render());
        render();
    }

    @Override
    public String id() {
        return "overview";
    }

    @Override
    public String title() {
        return "Workspace";
    }

    @Override
    public Node view() {
        return view;
    }

    private void render() {
        cards.getChildren().setAll(model.counts().stream().map(OverviewScreen::card).toList());
    }

    private static VBox card(MainViewModel.CountRow row) {
        Label value = new Label(String.format("%,d", row.count()));
        value.getStyleClass().add(Styles.CARD_VALUE);
        value.setId("count-" + row.key());
        Label label = new Label(row.label());
        label.getStyleClass().add(Styles.CARD_LABEL);
        VBox card = new VBox(4, value, label);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }
}
