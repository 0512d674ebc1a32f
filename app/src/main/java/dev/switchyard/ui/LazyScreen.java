package dev.switchyard.ui;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A screen built the first time it is shown: its id and title are known up front (for the navigation bar), the
 * screen itself (view model, view, workspace listeners) is made on the first {@link #view()}. Keeps screens the
 * user has not opened yet off the start-up path; once built it behaves exactly like the screen it wraps.
 */
public final class LazyScreen implements Screen {

    private final String id;
    private final String title;
    private final Supplier<? extends Screen> factory;
    private Screen built;

    public LazyScreen(String id, String title, Supplier<? extends Screen> factory) {
        this.id = id;
        this.title = title;
        this.factory = factory;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node view() {
        return screen().view();
    }

    @Override
    public void focus(String section) {
        screen().focus(section);
    }

    @Override
    public void windowFocused() {
        if (built != null) {
            built.windowFocused();
        }
    }

    @Override
    public String unsavedWork() {
        return built == null ? null : built.unsavedWork(); // never shown: nothing typed in it
    }

    /** The wrapped screen, built now if it was not yet. */
    public Screen screen() {
        if (built == null) {
            Screen s = factory.get();
            if (!s.id().equals(id) || !s.title().equals(title)) {
                throw new IllegalStateException("Lazy screen " + id + "/" + title + " built " + s.id() + "/" + s.title());
            }
            built = s;
            dev.switchyard.app.StartupLog.mark("built the " + title + " screen on first use");
        }
        return built;
    }

    /** Whether the screen has been built (for tests). */
    public boolean isBuilt() {
        return built != null;
    }
}
