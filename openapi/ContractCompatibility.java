import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * The contract's compatibility gate, run by the build (openapi/pom.xml) with openapi-diff-core on
 * the classpath:
 *
 * <pre>java -cp CLASSPATH ContractCompatibility.java released/ edutrack.yaml target/contract-changes.md [accepted-changes.yaml]</pre>
 *
 * Compares the contract with the newest released copy in {@code released/} (by the version in
 * its name, {@code edutrack-1.1.0.yaml}). A change that breaks clients fails the build unless
 * {@code info.version} of the contract has a higher major version than that release. Compatible
 * changes pass; the full report goes to the given Markdown file either way.
 *
 * The openapi-diff Maven plugin cannot say "unless the major version changed", so the decision
 * is made here, over the same openapi-diff engine.
 *
 * openapi-diff takes any change of a schema's type or pattern as breaking, even a request field that now
 * takes more than before (a money string that may also be a JSON number). Such a change is accepted one
 * part at a time in the optional accepted-changes file, each with its reason and the release it is accepted
 * against: for the decision, that part of the released copy is replaced by the contract's, so a breaking
 * change anywhere else still fails. The report shows every change, the accepted ones included.
 */
public class ContractCompatibility {

    private static final Pattern RELEASED_NAME = Pattern.compile("edutrack-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

    public static void main(String[] args) throws IOException {
        Path releasedDir = Path.of(args[0]);
        Path contract = Path.of(args[1]);
        Path report = Path.of(args[2]);

        Path accepted = args.length > 3 ? Path.of(args[3]) : null;

        Path released = newestRelease(releasedDir);
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toString(), contract.toString());
        Path baseline = withAcceptedChanges(released, contract, accepted, report);
        ChangedOpenApi decided = baseline.equals(released) ? diff
                : OpenApiCompare.fromLocations(baseline.toString(), contract.toString());
        String releasedVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
        String currentVersion = diff.getNewSpecOpenApi().getInfo().getVersion();

        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, render(new MarkdownRender(), diff));
        System.out.println(render(new ConsoleRender(), diff));

        String comparison = contract + " " + currentVersion + " against " + released + " " + releasedVersion;
        if (diff.isUnchanged()) {
            System.out.println("Contract unchanged: " + comparison);
        } else if (decided.isCompatible()) {
            System.out.println("Contract changed compatibly: " + comparison + " (report: " + report + ")");
        } else if (major(currentVersion) > major(releasedVersion)) {
            System.out.println("Contract changed INCOMPATIBLY under a new major version, allowed: " + comparison
                    + ". When it is released, add it to " + releasedDir + ".");
        } else {
            System.err.println("Contract changed INCOMPATIBLY: " + comparison + ". The changes above break"
                    + " existing clients. Make the change compatible, or raise info.version to "
                    + (major(releasedVersion) + 1) + ".0.0 if breaking them is intended (report: " + report + ").");
            System.exit(1);
        }
    }

    /**
     * The released copy with the accepted parts of the contract in place of its own (written next to the
     * report), or the released copy itself when nothing is accepted against it.
     */
    private static Path withAcceptedChanges(Path released, Path contract, Path accepted, Path report) throws IOException {
        if (accepted == null || !Files.exists(accepted)) {
            return released;
        }
        ObjectMapper yaml = Yaml.mapper();
        JsonNode changes = yaml.readTree(accepted.toFile());
        ObjectNode baseline = (ObjectNode) yaml.readTree(released.toFile());
        String releasedVersion = baseline.path("info").path("version").asText();
        if (!releasedVersion.equals(changes.path("released").asText())) {
            System.out.println("Accepted changes in " + accepted + " are for release " + changes.path("released").asText()
                    + ", not " + releasedVersion + ": none applied.");
            return released;
        }
        JsonNode current = yaml.readTree(contract.toFile());
        for (JsonNode change : changes.path("accepted")) {
            JsonPointer part = JsonPointer.compile(change.path("part").asText());
            JsonNode replacement = current.at(part);
            if (replacement.isMissingNode() || !(baseline.at(part.head()) instanceof ObjectNode parent)) {
                throw new IllegalStateException("Accepted change " + part + " (" + accepted + ") is not a part of "
                        + contract + " whose parent is in " + released);
            }
            parent.set(part.last().getMatchingProperty(), replacement.deepCopy());
            System.out.println("Accepted against " + releasedVersion + ": " + part + ": " + change.path("reason").asText());
        }
        Path baselineFile = report.toAbsolutePath().getParent().resolve(released.getFileName() + ".with-accepted-changes.yaml");
        Files.createDirectories(baselineFile.getParent());
        yaml.writeValue(baselineFile.toFile(), baseline);
        return baselineFile;
    }

    private static Path newestRelease(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> releases = files.filter(file -> RELEASED_NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(ContractCompatibility::versionKey))
                    .toList();
            if (releases.isEmpty()) {
                throw new IllegalStateException("No released contract (edutrack-X.Y.Z.yaml) in " + dir);
            }
            return releases.get(releases.size() - 1);
        }
    }

    private static String versionKey(Path file) {
        Matcher name = RELEASED_NAME.matcher(file.getFileName().toString());
        name.matches();
        return String.format("%09d.%09d.%09d", Long.parseLong(name.group(1)), Long.parseLong(name.group(2)),
                Long.parseLong(name.group(3)));
    }

    private static int major(String version) {
        Matcher leading = Pattern.compile("^v?(\\d+)").matcher(version.strip());
        if (!leading.find()) {
            throw new IllegalArgumentException("info.version is not MAJOR.MINOR.PATCH: " + version);
        }
        return Integer.parseInt(leading.group(1));
    }

    private static String render(Render renderer, ChangedOpenApi diff) {
        // The renderers close the writer they are given: never hand them System.out.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        renderer.render(diff, new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
