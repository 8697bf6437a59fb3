package dev.aispend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

    private static final List<byte[]> ENTRY_HASHES = TestLedger.numberedEntryHashes(5000);

    @Test
    void rootEqualsTheRecursiveRootForEverySizeUpTo300() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 0; size <= 300; size++) {
            if (size > 0) {
                frontier.append(ENTRY_HASHES.get(size - 1));
            }
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).as("size %d", size).containsExactly(leaves(size).root());
            assertThat(frontier.subtreeRoots()).hasSize(Long.bitCount(size));
        }
    }

    @Test
    void rootEqualsTheRecursiveRootForSeededRandomLargerSizes() {
        Random random = new Random(20261123);
        for (int trial = 0; trial < 5; trial++) {
            int size = 301 + random.nextInt(ENTRY_HASHES.size() - 301);
            MerkleFrontier frontier = new MerkleFrontier();
            ENTRY_HASHES.subList(0, size).forEach(frontier::append);
            assertThat(frontier.root()).as("size %d", size).containsExactly(leaves(size).root());
        }
    }

    @Test
    void survivesItsByteFormAtEverySize() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 0; size <= 70; size++) {
            byte[] bytes = frontier.toBytes();
            assertThat(bytes).hasSize(8 + 32 * Long.bitCount(size));
            assertThat(ByteBuffer.wrap(bytes).getLong()).isEqualTo(size);
            MerkleFrontier restored = MerkleFrontier.fromBytes(bytes);
            assertThat(restored.size()).isEqualTo(size);
            assertThat(restored.root()).containsExactly(frontier.root());
            // A restored frontier goes on exactly as the original would have.
            restored.append(ENTRY_HASHES.get(size));
            frontier.append(ENTRY_HASHES.get(size));
            assertThat(restored.root()).containsExactly(frontier.root());
        }
    }

    @Test
    void refusesBytesThatAreNotAFrontier() {
        byte[] sizeFiveWithOneRoot = ByteBuffer.allocate(8 + 32).putLong(5).array();
        byte[] negativeSize = ByteBuffer.allocate(8).putLong(-1).array();
        assertThatThrownBy(() -> MerkleFrontier.fromBytes(sizeFiveWithOneRoot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 roots");
        assertThatThrownBy(() -> MerkleFrontier.fromBytes(negativeSize)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.fromBytes(new byte[7])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.fromBytes(new byte[8 + 31]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsEveryCompletedAlignedSubtreeWithItsRoot() {
        int size = 100;
        InMemoryLeaves leaves = leaves(size);
        List<long[]> completed = new ArrayList<>();
        MerkleFrontier frontier = new MerkleFrontier((level, startLeafIndex, hash) -> {
            long subtreeSize = 1L << level;
            assertThat(startLeafIndex % subtreeSize).isZero();
            assertThat(hash).containsExactly(leaves.rootOf(startLeafIndex, startLeafIndex + subtreeSize));
            completed.add(new long[] {level, startLeafIndex});
        });
        ENTRY_HASHES.subList(0, size).forEach(frontier::append);

        long expectedCount = 0;
        for (int level = 0; (1 << level) <= size; level++) {
            expectedCount += size >> level;
        }
        assertThat(completed).hasSize((int) expectedCount);
        assertThat(completed.get(completed.size() - 1)).containsExactly(2, 96);
    }

    @Test
    void aListenerThatThrowsLeavesTheFrontierUnchanged() {
        MerkleFrontier frontier = new MerkleFrontier((level, startLeafIndex, hash) -> {
            if (level == 2) {
                throw new IllegalStateException("the insert failed");
            }
        });
        ENTRY_HASHES.subList(0, 3).forEach(frontier::append);
        byte[] before = frontier.toBytes();

        assertThatThrownBy(() -> frontier.append(ENTRY_HASHES.get(3))).isInstanceOf(IllegalStateException.class);

        assertThat(frontier.toBytes()).containsExactly(before);
    }

    private static InMemoryLeaves leaves(int size) {
        return new InMemoryLeaves(ENTRY_HASHES.subList(0, size));
    }
}
