package dev.switchyard.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchyard.ui.AppWindow;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A remembered split position changes when the user drags the divider, not when the window is resized. */
class WindowMemoryWindowTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        AppWindow.resetStage(); // it left the next test class a 700 x 400 window
    }

    @Test
    void aResizeMovesTheDividerWithoutRememberingItADragRemembersIt() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppPreferences prefs = new AppPreferences(new MemoryPreferenceStore());
        prefs.rememberSplit("side", 0.24);
        SplitPane split = new SplitPane();
        FxToolkit.setupStage(s -> {
            Region side = new Region();
            side.setMinWidth(150);
            split.getItems().setAll(side, new Region());
            SplitPane.setResizableWithParent(side, false); // keeps its width: a resize moves the divider
            WindowMemory.rememberSplit(split, "side", prefs, 0.5);
            s.setX(0);
            s.setY(0);
            s.setWidth(1000); // the primary stage may keep an earlier test's size
            s.setHeight(400);
            s.setScene(new Scene(split));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double before = AppWindow.onFx(() -> split.getDividerPositions()[0]);

        robot.interact(() -> stage.setWidth(700));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(() -> split.getDividerPositions()[0])).as("the side list kept its width")
                .isGreaterThan(before + 0.05);
        assertThat(prefs.split("side", 0.5)).as("a resize is not the user's choice").isEqualTo(0.24);

        Node divider = AppWindow.onFx(() -> split.lookup(".split-pane-divider"));
        robot.drag(divider).moveBy(100, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = AppWindow.onFx(() -> split.getDividerPositions()[0]);
        assertThat(prefs.split("side", 0.5)).isCloseTo(dragged, within(0.001)).isGreaterThan(0.3);
    }

    /** History's split: side by side and one under the other each restore and remember their own divider. */
    @Test
    void eachOrientationKeepsItsOwnDivider() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppPreferences prefs = new AppPreferences(new MemoryPreferenceStore());
        prefs.rememberSplit("table", 0.7);
        SplitPane split = new SplitPane();
        FxToolkit.setupStage(s -> {
            Region table = new Region();
            Region detail = new Region();
            table.setPrefSize(500, 400);
            detail.setPrefSize(200, 150);
            split.getItems().setAll(table, detail);
            WindowMemory.rememberSplitPerOrientation(split, "table", prefs, 0.74, 0.62);
            s.setX(0);
            s.setY(0);
            s.setWidth(800);
            s.setHeight(600);
            s.setScene(new Scene(split));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> split.setOrientation(javafx.geometry.Orientation.VERTICAL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(() -> split.getDividerPositions()[0])).as("nothing remembered yet: the default")
                .isCloseTo(0.62, within(0.01));
        Node divider = AppWindow.onFx(() -> split.lookup(".split-pane-divider"));
        robot.drag(divider).moveBy(0, -60).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = AppWindow.onFx(() -> split.getDividerPositions()[0]);
        assertThat(prefs.split("table.below", 0.5)).isCloseTo(dragged, within(0.001)).isLessThan(0.57);
        assertThat(prefs.split("table", 0.5)).as("side by side kept its own").isEqualTo(0.7);

        robot.interact(() -> split.setOrientation(javafx.geometry.Orientation.HORIZONTAL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(() -> split.getDividerPositions()[0])).isCloseTo(0.7, within(0.01));
    }
}
