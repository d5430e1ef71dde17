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
 * <pre>java -cp CLASSPATH ContractCompatibility.java released/ edutrack.yaml target/contract-changes.md</pre>
 *
 * Compares the contract with the newest released copy in {@code released/} (by the version in
 * its name, {@code edutrack-1.1.0.yaml}). A change that breaks clients fails the build unless
 * {@code info.version} of the contract has a higher major version than that release. Compatible
 * changes pass; the full report goes to the given Markdown file either way.
 *
 * The openapi-diff Maven plugin cannot say "unless the major version changed", so the decision
 * is made here, over the same openapi-diff engine.
 */
public class ContractCompatibility {

    private static final Pattern RELEASED_NAME = Pattern.compile("edutrack-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

    public static void main(String[] args) throws IOException {
        Path releasedDir = Path.of(args[0]);
        Path contract = Path.of(args[1]);
        Path report = Path.of(args[2]);

        Path released = newestRelease(releasedDir);
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toString(), contract.toString());
        String releasedVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
        String currentVersion = diff.getNewSpecOpenApi().getInfo().getVersion();

        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, render(new MarkdownRender(), diff));
        System.out.println(render(new ConsoleRender(), diff));

        String comparison = contract + " " + currentVersion + " against " + released + " " + releasedVersion;
        if (diff.isUnchanged()) {
            System.out.println("Contract unchanged: " + comparison);
        } else if (diff.isCompatible()) {
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
