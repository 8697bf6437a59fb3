package dev.aispend.audit;

import java.io.PrintStream;
import java.util.Set;

/**
 * Checks the ledger's published hashes, proofs and signed checkpoints offline, with nothing but a JDK
 * (docs/ledger-format.md). Prints one line: "OK ..." saying what was checked, or "FAIL ..." naming what does not
 * verify. Exit codes: 0 everything verifies, 1 something does not (a malformed file counts), 2 a usage error (a
 * wrong command line or an unreadable file: nothing was checked).
 */
public final class OfflineVerifier {

    public static final int VERIFIED = 0;
    public static final int NOT_VERIFIED = 1;
    public static final int USAGE_ERROR = 2;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar audit-verifier.jar <command> [options]",
            "  checkpoint  --checkpoint cp.json --public-key key.pem|key.json",
            "  entry       --proof proof.json --public-key key.pem|key.json [--checkpoint cp.json]",
            "  consistency --proof consistency.json --public-key key.pem|key.json [--old cp.json]",
            "  chain       --entries entries.json [--checkpoint cp.json --public-key key.pem|key.json]",
            "key.pem is a PEM public key; key.json the answer of GET /v1/ledger/public-key.",
            "Exit codes: 0 verified, 1 not verified, 2 usage error.");

    private OfflineVerifier() {
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    /** Runs one command; returns the exit code instead of exiting, so tests can run it in process. */
    public static int run(String[] arguments, PrintStream output, PrintStream errorOutput) {
        if (arguments.length == 1 && (arguments[0].equals("--help") || arguments[0].equals("help"))) {
            output.println(USAGE);
            return VERIFIED;
        }
        try {
            output.println(dispatch(arguments));
            return VERIFIED;
        } catch (UsageException usage) {
            errorOutput.println("usage error: " + usage.getMessage());
            errorOutput.println(USAGE);
            return USAGE_ERROR;
        } catch (VerificationFailure failure) {
            output.println("FAIL " + failure.getMessage());
            return NOT_VERIFIED;
        } catch (RuntimeException unexpected) {
            // Whatever escaped the commands' own checks came from the input: report it, never pass it.
            output.println("FAIL " + unexpected);
            return NOT_VERIFIED;
        }
    }

    private static String dispatch(String[] arguments) throws UsageException, VerificationFailure {
        if (arguments.length == 0) {
            throw new UsageException("no command");
        }
        String command = arguments[0];
        return switch (command) {
            case "checkpoint" -> CheckpointCommands.checkpoint(
                    CommandArguments.parse(command, arguments, Set.of("checkpoint", "public-key")));
            case "entry" -> EntryCommands.entry(
                    CommandArguments.parse(command, arguments, Set.of("proof", "public-key", "checkpoint")));
            case "consistency" -> CheckpointCommands.consistency(
                    CommandArguments.parse(command, arguments, Set.of("proof", "public-key", "old")));
            case "chain" -> ChainCommand.chain(
                    CommandArguments.parse(command, arguments, Set.of("entries", "checkpoint", "public-key")));
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }
}
