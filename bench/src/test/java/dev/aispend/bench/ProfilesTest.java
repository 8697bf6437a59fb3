package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Where the samples fell: by leaf method and by the first of our methods under it. */
class ProfilesTest {
    private static final String PARSE = "com.fasterxml.jackson.core.JsonParser.nextToken";
    private static final String HASH = "java.util.HashMap.hash";
    private static final String DECODE = "dev.aispend.ledger.UsageDecoder.decode";
    private static final String APPEND = "dev.aispend.ledger.Journal.append";
    private static final String RUN = "java.lang.Thread.run";

    @Test
    void countsLeafFramesAndTheFirstOwnFrameFromTheLeaf() {
        Profiles.FrameCounts counts = new Profiles.FrameCounts();
        counts.add(List.of(PARSE, DECODE, APPEND, RUN));
        counts.add(List.of(PARSE, DECODE, RUN));
        counts.add(List.of(HASH, APPEND, RUN));
        counts.add(List.of(APPEND, RUN));

        assertThat(counts.samples()).isEqualTo(4);
        assertThat(counts.topFrames(12)).extracting(Profiles.HotMethod::method, Profiles.HotMethod::samples)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PARSE, 2L),
                        org.assertj.core.groups.Tuple.tuple(APPEND, 1L),
                        org.assertj.core.groups.Tuple.tuple(HASH, 1L));
        assertThat(counts.topOwnFrames(12)).extracting(Profiles.HotMethod::method, Profiles.HotMethod::samples)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(APPEND, 2L),
                        org.assertj.core.groups.Tuple.tuple(DECODE, 2L));
    }

    @Test
    void samplesOutsideOurCodeCountOnlyAsLeaves() {
        Profiles.FrameCounts counts = new Profiles.FrameCounts();
        counts.add(List.of(HASH, RUN));
        counts.add(List.of(DECODE, RUN));
        counts.add(List.of());

        assertThat(counts.samples()).isEqualTo(3);
        assertThat(counts.topOwnFrames(12)).singleElement().satisfies(method -> {
            assertThat(method.method()).isEqualTo(DECODE);
            assertThat(method.share()).isCloseTo(1 / 3.0, within(1e-9));
        });
    }

    @Test
    void keepsOnlyTheMostSampledAndSharesOfAllSamples() {
        Map<String, Long> counts = Map.of("a.A.x", 5L, "b.B.y", 30L, "c.C.z", 15L);

        List<Profiles.HotMethod> top = Profiles.top(counts, 100, 2);

        assertThat(top).containsExactly(new Profiles.HotMethod("b.B.y", 30, 0.30),
                new Profiles.HotMethod("c.C.z", 15, 0.15));
    }

    @Test
    void formatsSamplesGcAndSharesPerService() {
        Profiles.ServiceProfile ledger = new Profiles.ServiceProfile("ledger-service", Path.of("ledger-service.jfr"),
                2_000, List.of(new Profiles.HotMethod(PARSE, 500, 0.25)), List.of(), 12.5, 3);

        String text = Profiles.format(List.of(ledger));

        assertThat(text).contains("ledger-service: 2,000 CPU samples, GC 3 pauses 12.5 ms")
                .contains(" 25.0%").contains(PARSE)
                .contains("under our code (first dev.aispend frame): none");
    }
}
