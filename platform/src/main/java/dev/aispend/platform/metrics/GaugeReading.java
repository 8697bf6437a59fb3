package dev.aispend.platform.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One periodic read behind some gauges (from the database, the broker), so a scrape never waits on either: a failed
 * read leaves the gauges at their last values and is logged once, as a WARN, until a read succeeds again (a
 * dependency away for an hour writes one line, not 240).
 */
public final class GaugeReading {
    private final Logger log;
    private final String what;
    private boolean failing;

    /** @param what what is read, for the log: "the open reservations" */
    public GaugeReading(Class<?> owner, String what) {
        this.log = LoggerFactory.getLogger(owner);
        this.what = what;
    }

    public synchronized void read(Runnable read) {
        try {
            read.run();
            failing = false;
        } catch (RuntimeException failure) {
            if (!failing) {
                log.warn("could not read {}; the gauges keep their last values: {}", what, failure.toString());
            }
            failing = true;
        }
    }
}
