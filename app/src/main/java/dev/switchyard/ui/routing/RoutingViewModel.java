package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.ui.task.TaskRunner;

/** The Routing screen's state: the designer, its test panel, the versions of saved policies and policy files. */
public final class RoutingViewModel {

    /** What the right-hand side shows. */
    public enum Mode { INSPECT, TEST, VERSIONS }

    private final DesignerViewModel designer;
    private final TestPanelViewModel test;
    private final VersionsViewModel versions;
    private final PolicyFileViewModel files;
    private final javafx.beans.property.ObjectProperty<Mode> mode = new javafx.beans.property.SimpleObjectProperty<>(Mode.INSPECT);

    public RoutingViewModel(TaskRunner tasks) {
        designer = new DesignerViewModel(tasks);
        test = new TestPanelViewModel(tasks, designer::policy);
        versions = new VersionsViewModel(tasks, designer);
        versions.setShowStatus(() -> mode.set(Mode.VERSIONS)); // a save that failed, an import refused: said in view
        files = new PolicyFileViewModel(tasks, versions, () -> mode.set(Mode.VERSIONS));
    }

    /** Follows the open workspace (null: none). */
    public void attach(DesignerBackend backend) {
        designer.attach(backend);
        test.attach(backend);
        versions.attach(backend);
        files.attach(backend);
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

    /** Import and export of policy files. */
    public PolicyFileViewModel files() {
        return files;
    }

    public javafx.beans.property.ObjectProperty<Mode> modeProperty() {
        return mode;
    }
}
