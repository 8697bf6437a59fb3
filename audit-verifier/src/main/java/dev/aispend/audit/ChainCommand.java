package dev.aispend.audit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code chain} command of {@link OfflineVerifier}: recomputes every entry hash and link of consecutive
 * entries and names the first bad position. When they start at position 1 and a checkpoint is given, it also
 * rebuilds the Merkle tree and checks that they reproduce the checkpoint's root and chain head.
 */
final class ChainCommand {

    private ChainCommand() {
    }

    /** {@code chain --entries entries.json [--checkpoint cp.json --public-key key]}. */
    static String chain(CommandArguments arguments) throws UsageException, VerificationFailure {
        Path entriesFile = arguments.requiredPath("entries");
        Path checkpointFile = arguments.optionalPath("checkpoint");
        Path keyFile = arguments.optionalPath("public-key");
        if ((checkpointFile == null) != (keyFile == null)) {
            throw new UsageException("'chain' takes --checkpoint and --public-key together or neither");
        }
        InputFiles.TrustedKey key = keyFile == null ? null : InputFiles.readPublicKey(keyFile);
        Checkpoint checkpoint = checkpointFile == null ? null : InputFiles.readCheckpoint(checkpointFile);
        List<?> elements = readEntries(entriesFile);
        MerkleFrontier frontier = new MerkleFrontier();
        LedgerEntryFields first = null;
        LedgerEntryFields previous = null;
        for (int index = 0; index < elements.size(); index++) {
            LedgerEntryFields entry = parseEntry(entriesFile, elements.get(index), index);
            requireLinked(previous, entry);
            first = first == null ? entry : first;
            frontier.append(entry.entryHash());
            if (checkpoint != null && first.position() == 1 && entry.position() == checkpoint.treeSize()) {
                requireReproduces(checkpoint, frontier, entry.entryHash());
            }
            previous = entry;
        }
        String summary = "OK " + elements.size() + " entries, positions " + first.position() + " to "
                + previous.position() + ": every entry hash and link verifies, the last entryHash is "
                + Hex.encode(previous.entryHash());
        if (first.position() > 1) {
            summary += " (the link into position " + first.position() + " is not checked: position "
                    + (first.position() - 1) + " is not in " + entriesFile + ")";
        }
        if (checkpoint == null) {
            return summary;
        }
        requireCovers(checkpoint, first, previous, frontier);
        CheckpointCommands.requireSigned(checkpoint, key);
        return summary + "; they reproduce checkpoint " + CheckpointCommands.describe(checkpoint)
                + ", signed by key " + key.keyId();
    }

    /** A JSON array of envelopes, or an object holding one as "entries"; empty is a failure, not a success. */
    private static List<?> readEntries(Path entriesFile) throws UsageException, VerificationFailure {
        Object json = InputFiles.readJson(entriesFile);
        if (json instanceof Map<?, ?> object && object.get("entries") instanceof List<?> entries) {
            json = entries;
        }
        if (!(json instanceof List<?> elements)) {
            throw new VerificationFailure(entriesFile + " does not hold a JSON array of entries");
        }
        if (elements.isEmpty()) {
            throw new VerificationFailure(entriesFile + " holds no entries: nothing to verify");
        }
        return elements;
    }

    private static LedgerEntryFields parseEntry(Path entriesFile, Object element, int index)
            throws VerificationFailure {
        try {
            return LedgerEntryFields.fromEnvelopeJson(JsonFields.object(element, "the element"));
        } catch (IllegalArgumentException malformed) {
            throw new VerificationFailure("element " + index + " of " + entriesFile + " is not a ledger entry: "
                    + malformed.getMessage(), malformed);
        }
    }

    private static void requireLinked(LedgerEntryFields previous, LedgerEntryFields entry)
            throws VerificationFailure {
        if (previous != null && entry.position() != previous.position() + 1) {
            throw new VerificationFailure("position " + entry.position() + " follows position "
                    + previous.position() + ": the entries must be consecutive");
        }
        EntryCommands.requireHashOfFields(entry);
        if (previous != null && !Arrays.equals(entry.previousHash(), previous.entryHash())) {
            throw new VerificationFailure("position " + entry.position() + ": previousHash "
                    + Hex.encode(entry.previousHash()) + " is not the entryHash of position "
                    + previous.position() + ", " + Hex.encode(previous.entryHash()));
        }
    }

    private static void requireReproduces(Checkpoint checkpoint, MerkleFrontier frontier, byte[] lastEntryHash)
            throws VerificationFailure {
        assert frontier.size() == checkpoint.treeSize();
        if (!Arrays.equals(frontier.root(), checkpoint.merkleRoot())) {
            throw new VerificationFailure("entries 1 to " + checkpoint.treeSize() + " have Merkle root "
                    + Hex.encode(frontier.root()) + ", not the root of checkpoint "
                    + CheckpointCommands.describe(checkpoint));
        }
        if (!Arrays.equals(lastEntryHash, checkpoint.chainHeadHash())) {
            throw new VerificationFailure("entry " + checkpoint.treeSize() + " has entryHash "
                    + Hex.encode(lastEntryHash) + ", not the chain head of checkpoint "
                    + checkpoint.checkpointNumber() + ", " + Hex.encode(checkpoint.chainHeadHash()));
        }
    }

    /** Only entries from position 1 up to at least the checkpoint's size can rebuild its tree. */
    private static void requireCovers(Checkpoint checkpoint, LedgerEntryFields first, LedgerEntryFields last,
                                      MerkleFrontier frontier) throws VerificationFailure {
        if (first.position() != 1 || last.position() < checkpoint.treeSize()) {
            throw new VerificationFailure("checkpoint " + CheckpointCommands.describe(checkpoint)
                    + " needs entries 1 to " + checkpoint.treeSize() + ", the file holds " + first.position()
                    + " to " + last.position());
        }
        if (checkpoint.treeSize() == 0) {
            requireReproduces(checkpoint, new MerkleFrontier(), new byte[Sha256.LENGTH]);
        }
        assert frontier.size() >= checkpoint.treeSize();
    }
}
