package dev.crmsync.mappings;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code validate <file>...}: checks mapping files the way the service would load them, for revops and
 * CI before a deploy. Prints {@code OK <file>} per valid file; for an invalid one prints every problem
 * ({@code file:line:column: key.path: message}) on stderr. Exit status 0 when all are valid, 1 when any
 * is not, 2 for a usage error.
 */
public final class MappingValidateCommand {

    private MappingValidateCommand() {
    }

    public static void main(String[] args) {
        // Run on its own there is no logging backend; SLF4J's "no providers" notice would read like a problem.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: validate <mapping.yaml>...");
            return 2;
        }
        MappingLoader loader = new MappingLoader();
        int status = 0;
        for (String file : args) {
            try {
                loader.load(Path.of(file));
                out.println("OK " + file);
            } catch (MappingException e) {
                err.println(e.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
