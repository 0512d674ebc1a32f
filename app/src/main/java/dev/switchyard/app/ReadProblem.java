package dev.switchyard.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why an input file (a policy, a dataset) could not be read, as a sentence naming the file, never an exception's text. */
public final class ReadProblem {

    private ReadProblem() {
    }

    /** "Cannot read /abs/x.csv: the file does not exist." and the like. */
    public static String sentence(Path file, IOException e) {
        Path shown = file.toAbsolutePath().normalize();
        String why;
        if (e instanceof NoSuchFileException) {
            why = "the file does not exist";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof CharacterCodingException) {
            why = "it is not UTF-8 text";
        } else if (Files.isDirectory(file)) {
            why = "it is a folder, not a file";
        } else {
            why = e.getMessage() == null || e.getMessage().equals(file.toString()) ? e.getClass().getSimpleName()
                    : e.getMessage();
        }
        return "Cannot read " + shown + ": " + why + ".";
    }
}
