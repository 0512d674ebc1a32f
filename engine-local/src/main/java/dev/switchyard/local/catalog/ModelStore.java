package dev.switchyard.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The local models known to the app, persisted in {@code <root>/registry.json}; managed model folders
 * live in {@code <root>/models/<id>/}.
 *
 * <ul>
 *   <li>{@link #importFolder} with {@link ImportMode#COPY} validates the source, copies its regular files
 *       (not {@code *.part}) into a temporary folder in the store, validates the copy and renames it into
 *       place; {@link ImportMode#REGISTER_IN_PLACE} validates and records the folder's path, leaving the
 *       files where they are.</li>
 *   <li>Validation = {@link ModelFolderValidator} (basic) then the injected {@link ModelFolderCheck}
 *       (the decoder engine's deep ONNX check). Nothing is registered when either fails.</li>
 *   <li>{@link #delete} removes a managed folder from disk; for an in-place model it only unregisters.</li>
 * </ul>
 * Thread-safe (methods synchronise on the store).
 */
public final class ModelStore {

    /** How {@link #importFolder} treats the source folder. */
    public enum ImportMode { COPY, REGISTER_IN_PLACE }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final Path modelsDir;
    private final Path registryFile;
    private final ModelFolderCheck deepCheck;
    private final List<StoredModel> models = new ArrayList<>();

    /** Opens (or creates) the store at {@code root}. */
    public ModelStore(Path root, ModelFolderCheck deepCheck) throws CatalogException {
        this.root = root.toAbsolutePath().normalize();
        this.modelsDir = this.root.resolve("models");
        this.registryFile = this.root.resolve("registry.json");
        this.deepCheck = Objects.requireNonNull(deepCheck, "deepCheck");
        try {
            Files.createDirectories(modelsDir);
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Kind.IO, this.root.toString(),
                    "Could not create the model store folder " + this.root + ": " + e.getMessage(), e);
        }
        load();
    }

    public Path root() {
        return root;
    }

    /** The folder a catalog download should go to: {@code <root>/models/<catalogId>-<precision>}. */
    public Path downloadFolder(CatalogModel model, String precision) {
        return modelsDir.resolve(slug(model.id() + "-" + precision));
    }

    public synchronized List<StoredModel> list() {
        return List.copyOf(models);
    }

    public synchronized Optional<StoredModel> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Runs the basic and the deep check on {@code folder} without registering anything. */
    public ModelFolderInfo validate(Path folder) throws CatalogException {
        ModelFolderInfo info = ModelFolderValidator.validate(folder.toAbsolutePath().normalize());
        deepCheck.check(info);
        return info;
    }

    /** Imports an existing model folder (see the class comment for the two modes). */
    public synchronized StoredModel importFolder(Path source, ImportMode mode, String displayName) throws CatalogException {
        Path src = source.toAbsolutePath().normalize();
        ModelFolderInfo info = validate(src);
        String name = displayName == null || displayName.isBlank() ? String.valueOf(src.getFileName()) : displayName.strip();
        String id = uniqueId(slug(name));
        ModelManifest manifest = ModelManifest.read(src).orElse(null);
        Path folder = src;
        if (mode == ImportMode.COPY) {
            if (src.startsWith(root)) {
                throw new CatalogException(CatalogException.Kind.INVALID_MODEL_FOLDER, src.toString(),
                        "The folder " + src + " is already inside the model store; register it in place instead.");
            }
            folder = modelsDir.resolve(id);
            Path tmp = modelsDir.resolve("." + id + ".importing");
            try {
                deleteTree(tmp);
                copyTree(src, tmp);
                info = validate(tmp);
                Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteQuietly(tmp);
                throw new CatalogException(CatalogException.Kind.IO, src.toString(),
                        "Could not copy " + src + " into the model store " + modelsDir + ": " + e.getMessage(), e);
            } catch (CatalogException e) {
                deleteQuietly(tmp);
                throw e;
            }
            info = new ModelFolderInfo(folder, info.layout(), info.onnxFiles(), info.modelType());
        }
        StoredModel m = new StoredModel(id, name, folder, mode == ImportMode.COPY, info.layout(), info.onnxFiles(),
                manifest == null ? null : manifest.catalogId(), manifest == null ? null : manifest.precision(), Instant.now());
        models.add(m);
        save();
        return m;
    }

    /** Registers a folder filled by {@link ModelDownloader} (normally {@link #downloadFolder}); validated first. */
    public synchronized StoredModel registerDownloaded(CatalogModel model, String precision, Path folder) throws CatalogException {
        Path dir = folder.toAbsolutePath().normalize();
        ModelFolderInfo info = validate(dir);
        Optional<StoredModel> existing = models.stream().filter(m -> m.folder().equals(dir)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        StoredModel m = new StoredModel(uniqueId(slug(model.id() + "-" + precision), dir),
                model.displayName() + " (" + precision + ")", dir, dir.startsWith(modelsDir), info.layout(),
                info.onnxFiles(), model.id(), precision, Instant.now());
        models.add(m);
        save();
        return m;
    }

    /** Unregisters a model; a managed model's folder is deleted from disk, an in-place folder is left alone. */
    public synchronized void delete(String id) throws CatalogException {
        StoredModel m = find(id).orElseThrow(() -> new CatalogException(CatalogException.Kind.UNKNOWN_STORED_MODEL, id,
                "There is no local model '" + id + "' in the model store."));
        models.remove(m);
        save();
        if (m.managed() && m.folder().startsWith(modelsDir) && !m.folder().equals(modelsDir)) {
            try {
                deleteTree(m.folder());
            } catch (IOException e) {
                throw new CatalogException(CatalogException.Kind.IO, m.folder().toString(),
                        "The model was unregistered but its folder " + m.folder() + " could not be fully deleted: "
                                + e.getMessage() + "; delete it by hand.", e);
            }
        }
    }

    // ---- persistence --------------------------------------------------------------------------

    private void load() throws CatalogException {
        if (!Files.isRegularFile(registryFile)) {
            return;
        }
        try {
            JsonNode rootNode = MAPPER.readTree(registryFile.toFile());
            for (JsonNode n : rootNode.path("models")) {
                List<String> onnx = new ArrayList<>();
                n.path("onnxFiles").forEach(f -> onnx.add(f.asText()));
                boolean managed = n.path("managed").asBoolean();
                Path folder = managed ? root.resolve(n.path("folder").asText()).normalize() : Path.of(n.path("folder").asText());
                models.add(new StoredModel(n.path("id").asText(), n.path("displayName").asText(), folder, managed,
                        n.path("layout").asText("onnx-community"), onnx, text(n, "catalogId"), text(n, "precision"),
                        Instant.parse(n.path("added").asText(Instant.EPOCH.toString()))));
            }
        } catch (IOException | RuntimeException e) {
            throw new CatalogException(CatalogException.Kind.IO, registryFile.toString(),
                    "The model registry " + registryFile + " could not be read (" + e.getMessage()
                            + "); fix or remove the file — the model folders themselves are untouched.", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private void save() throws CatalogException {
        ObjectNode rootNode = MAPPER.createObjectNode();
        rootNode.put("version", 1);
        ArrayNode arr = rootNode.putArray("models");
        for (StoredModel m : models) {
            ObjectNode n = arr.addObject();
            n.put("id", m.id());
            n.put("displayName", m.displayName());
            n.put("folder", m.managed() ? root.relativize(m.folder()).toString().replace('\\', '/') : m.folder().toString());
            n.put("managed", m.managed());
            n.put("layout", m.layout());
            m.onnxFiles().forEach(n.putArray("onnxFiles")::add);
            n.put("catalogId", m.catalogId());
            n.put("precision", m.precision());
            n.put("added", m.added().toString());
        }
        Path tmp = registryFile.resolveSibling("registry.json.tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), rootNode);
            try {
                Files.move(tmp, registryFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, registryFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Kind.IO, registryFile.toString(),
                    "Could not save the model registry " + registryFile + ": " + e.getMessage(), e);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|-+$", "");
        return slug.isEmpty() ? "model" : slug;
    }

    private String uniqueId(String base) {
        return uniqueId(base, null);
    }

    /** A free id; a folder {@code models/<id>} counts as taken unless it is {@code ownFolder}. */
    private String uniqueId(String base, Path ownFolder) {
        String id = base;
        for (int n = 2; find(id).isPresent()
                || (Files.exists(modelsDir.resolve(id)) && !modelsDir.resolve(id).equals(ownFolder)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Bytes of the regular files under {@code folder} (0 when it does not exist or cannot be read). */
    public static long bytesOnDisk(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(dst.resolve(src.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !name.endsWith(".part") && !Files.isSymbolicLink(file)) {
                    Files.copy(file, dst.resolve(src.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // leftover temporary folder; removed by the next import of the same id
        }
    }
}
