package dev.aispend.testsupport.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Everything a service logs while this is open, with the service's own logging configuration (its logback.xml,
 * not the tests' quiet one) at {@code LOG_LEVEL=TRACE}, the most an operator can ask for: each event's message, and
 * its exception with every cause and stack frame, as the log would show them. Nothing reaches the console meanwhile;
 * closing it restores the tests' configuration.
 */
public final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(textOf(event));
        }
    };

    private LogCapture() {
    }

    /**
     * Starts capturing with the logback.xml that sits beside {@code anchor} (in the same jar or classes directory):
     * the services' configuration is platform's, and the classpath may hold other logback.xml files.
     */
    public static LogCapture configuredBeside(Class<?> anchor) {
        LogCapture capture = new LogCapture();
        capture.configure(ServiceLogConfiguration.beside(anchor));
        return capture;
    }

    /** Every captured event's text, in the order logged. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException unreadable) {
            throw new IllegalStateException("could not restore the tests' logging configuration", unreadable);
        }
    }

    private void configure(URL configuration) {
        context.reset();
        context.putProperty("LOG_LEVEL", "TRACE");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException unreadable) {
            throw new IllegalStateException("could not read the logging configuration " + configuration, unreadable);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        capture.setContext(context);
        capture.setName("log-capture");
        capture.start();
        root.addAppender(capture);
    }

    private static String textOf(ILoggingEvent event) {
        String text = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        return thrown == null ? text : text + System.lineSeparator() + ThrowableProxyUtil.asString(thrown);
    }
}
