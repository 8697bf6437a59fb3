package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.directory.DirectoryChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the changes this instance announced itself (at its commits), which PostgreSQL's notifications are not. */
@Singleton
final class DirectoryChangesHeard {
    private final AtomicInteger heard = new AtomicInteger();

    @EventListener
    void onDirectoryChanged(DirectoryChanged changed) {
        heard.incrementAndGet();
    }

    int count() {
        return heard.get();
    }
}
