package dev.switchyard.app.routing;

/**
 * One thing wrong with a policy, at a JSON-pointer path into its JSON ({@code /rules/2/when/any/0}).
 *
 * @param path    where (empty string = the whole document)
 * @param message one sentence a user can act on
 */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "/" : path) + ": " + message;
    }
}
