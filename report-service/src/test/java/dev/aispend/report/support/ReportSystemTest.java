package dev.aispend.report.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * The base of a report-service integration test: one {@link ReportTestSystem} for the class, its properties given
 * to the application, closed after the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReportSystemTest implements TestPropertyProvider {
    /**
     * The role of a caller who reads every report organisation-wide but may not see people: a test that sets it as
     * {@code test.bearer.roles} sees what such a caller sees (suppressed small groups, person refs hidden).
     */
    protected static final String NO_PEOPLE_ROLE = "policy-owner";
    protected final ReportTestSystem system = new ReportTestSystem();

    @Override
    public Map<String, String> getProperties() {
        return system.applicationProperties(moreProperties());
    }

    /** Properties of this test on top of the system's (none by default). */
    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @AfterAll
    protected void closeSystem() {
        system.close();
    }
}
