package dev.crmsync.service;

import dev.crmsync.mappings.MappingValidateCommand;
import dev.crmsync.service.cli.BackfillCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The service, or, with {@code validate <mapping.yaml>...} as arguments, a check of mapping files
 * that starts nothing (exit 0 when valid, 1 with every problem listed when not), or, with
 * {@code backfill <job> ...}, a backfill job with its progress ({@link BackfillCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            MappingValidateCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("backfill")) {
            System.exit(BackfillCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(SyncServiceApplication.class, args);
    }
}
