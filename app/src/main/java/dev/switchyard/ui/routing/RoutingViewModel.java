package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.ui.task.TaskRunner;

/** The Routing screen's state: the designer, its test panel and the versions of saved policies. */
public final class RoutingViewModel {

    /** What the right-hand side shows. */
    public enum Mode { INSPECT, TEST, VERSIONS }

    private final DesignerViewModel designer;
    private final TestPanelViewModel test;
    private final VersionsViewModel versions;
    private final javafx.beans.property.ObjectProperty<Mode> mode = new javafx.beans.property.SimpleObjectProperty<>(Mode.INSPECT);

    public RoutingViewModel(TaskRunner tasks) {
        designer = new DesignerViewModel(tasks);
        test = new TestPanelViewModel(tasks, designer::policy);
        versions = new VersionsViewModel(tasks, designer);
    }

    /** Follows the open workspace (null: none). */
    public void attach(DesignerBackend backend) {
        designer.attach(backend);
        test.attach(backend);
        versions.attach(backend);
    }

    public DesignerViewModel designer() {
        return designer;
    }

    public TestPanelViewModel test() {
        return test;
    }

    public VersionsViewModel versions() {
        return versions;
    }

    public javafx.beans.property.ObjectProperty<Mode> modeProperty() {
        return mode;
    }
}
