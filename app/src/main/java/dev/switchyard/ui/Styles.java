package dev.switchyard.ui;

/** Style-class names used by views; the rules live in assets/css. */
public final class Styles {
    public static final String APP_ROOT = "app-root";
    public static final String HEADER = "app-header";
    public static final String APP_TITLE = "app-title";
    public static final String WORKSPACE_NAME = "workspace-name";
    public static final String MUTED = "muted";
    public static final String SECTION_TITLE = "section-title";
    public static final String SCREEN_TITLE = "screen-title";
    public static final String CARD = "card";
    public static final String CARD_VALUE = "card-value";
    public static final String CARD_LABEL = "card-label";
    public static final String STATUS_BAR = "status-bar";
    public static final String NAV = "nav-bar";
    public static final String NAV_BUTTON = "nav-button";

    private Styles() {
    }
}
