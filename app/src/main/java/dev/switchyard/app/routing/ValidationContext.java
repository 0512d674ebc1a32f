package dev.switchyard.app.routing;

/** What validation checks against: the workspace's models (and roles) and intent sets. */
public interface ValidationContext {

    /** No workspace: targets and intent sets are not checked. */
    ValidationContext NONE = new ValidationContext() {
        @Override
        public String targetProblem(String target) {
            return null;
        }

        @Override
        public boolean intentSetExists(String name) {
            return true;
        }
    };

    /** Null when the target names a model (or a role that has one), else a sentence saying why not. */
    String targetProblem(String target);

    boolean intentSetExists(String name);
}
