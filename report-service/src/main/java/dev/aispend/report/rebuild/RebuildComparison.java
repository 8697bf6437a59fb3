package dev.aispend.report.rebuild;

import dev.aispend.report.digest.ReadModelDigests;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * After a switch: the digests of the retired generation and of the rebuilt one, both as of the retired one's last
 * position, read model by read model. They must be equal; a difference is logged as an error and kept on the
 * rebuild's record for anyone to see.
 */
@Singleton
class RebuildComparison {
    private static final Logger LOG = LoggerFactory.getLogger(RebuildComparison.class);

    private final ReportReads reads;
    private final ReadModelDigests digests;
    private final RebuildStore store;

    RebuildComparison(ReportReads reads, ReadModelDigests digests, RebuildStore store) {
        this.reads = reads;
        this.digests = digests;
        this.store = store;
    }

    void compare(int retired, int rebuilt, long position) {
        AsOf at = new AsOf(position, null);
        List<ReadModelDigests.Digest> before = reads.readGeneration(retired, at, digests::compute);
        List<ReadModelDigests.Digest> after = reads.readGeneration(rebuilt, at, digests::compute);
        boolean equal = before.equals(after);
        List<String> lines = new ArrayList<>();
        for (int index = 0; index < before.size(); index++) {
            lines.add(before.get(index).readModel() + " " + before.get(index).sha256() + " "
                    + after.get(index).sha256() + (before.get(index).equals(after.get(index)) ? "" : " DIFFERENT"));
        }
        store.compared(rebuilt, position, equal, String.join("\n", lines));
        if (equal) {
            LOG.info("rebuilt generation {} has the same digests as generation {} at position {}", rebuilt, retired,
                    position);
        } else {
            LOG.error("rebuilt generation {} differs from generation {} at position {}:\n{}", rebuilt, retired,
                    position, String.join("\n", lines));
        }
    }
}
