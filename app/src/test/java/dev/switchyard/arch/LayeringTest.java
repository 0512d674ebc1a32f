package dev.switchyard.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module graph is the architecture (DESIGN.md): only the app's {@code ui} packages touch
 * {@code javafx.scene}; the three libraries depend neither on each other nor on JavaFX.
 */
class LayeringTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> LIBRARIES = List.of("workspace-schema", "engine-local", "engine-cloud");

    @Test
    void onlyUiPackagesReferenceJavafxScene() {
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("app", "workspace-schema", "engine-local", "engine-cloud")) {
            for (Path file : javaSources(ROOT.resolve(module).resolve("src/main/java"))) {
                String rel = ROOT.relativize(file).toString().replace('\\', '/');
                boolean inUi = rel.startsWith("app/src/main/java/dev/switchyard/ui/");
                if (!inUi && mentions(file, "javafx.scene")) {
                    offenders.add(rel);
                }
            }
        }
        assertThat(offenders).as("javafx.scene is for the app's ui packages only").isEmpty();
    }

    @Test
    void librariesUseNeitherJavafxNorEachOther() {
        List<String> offenders = new ArrayList<>();
        for (String module : LIBRARIES) {
            for (Path file : javaSources(ROOT.resolve(module).resolve("src/main/java"))) {
                if (mentions(file, "javafx.")) {
                    offenders.add(module + ": " + file.getFileName() + " uses JavaFX");
                }
                for (String other : LIBRARIES) {
                    if (!other.equals(module) && mentions(file, packageOf(other) + ".")) {
                        offenders.add(module + ": " + file.getFileName() + " uses " + other);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void libraryPomsDeclareNoJavafxAndNoSiblingModule() throws Exception {
        for (String module : LIBRARIES) {
            List<String> deps = declaredDependencies(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(deps).as(module + " dependencies").noneMatch(d -> d.startsWith("org.openjfx:"))
                    .noneMatch(d -> d.startsWith("dev.switchyard:"));
        }
        assertThat(declaredDependencies(ROOT.resolve("app/pom.xml")))
                .contains("dev.switchyard:workspace-schema", "dev.switchyard:engine-local", "dev.switchyard:engine-cloud");
    }

    /** The check itself must be able to fail: a planted offending line is caught. */
    @Test
    void detectorCatchesAPlantedImport(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path planted = Files.writeString(dir.resolve("Bad.java"), "package x;\nimport javafx.scene.Node;\n");
        assertThat(mentions(planted, "javafx.scene")).isTrue();
        Path clean = Files.writeString(dir.resolve("Good.java"), "package x;\n// javafx.scene in a comment is fine\n");
        assertThat(mentions(clean, "javafx.scene")).isFalse();
    }

    private static String packageOf(String module) {
        return switch (module) {
            case "workspace-schema" -> "dev.switchyard.workspace";
            case "engine-local" -> "dev.switchyard.local";
            case "engine-cloud" -> "dev.switchyard.cloud";
            default -> throw new IllegalArgumentException(module);
        };
    }

    private static List<Path> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when code (not a comment) names the package, as an import or fully qualified. */
    static boolean mentions(Path file, String pkg) {
        Pattern use = Pattern.compile("(^|[^\\w.])" + Pattern.quote(pkg));
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(l -> !l.startsWith("//") && !l.startsWith("*") && !l.startsWith("/*"))
                    .anyMatch(l -> use.matcher(l).find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> declaredDependencies(Path pom) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList deps = doc.getElementsByTagName("dependency");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (d.getParentNode().getParentNode().getNodeName().equals("project")) {
                out.add(text(d, "groupId") + ":" + text(d, "artifactId"));
            }
        }
        return out;
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
