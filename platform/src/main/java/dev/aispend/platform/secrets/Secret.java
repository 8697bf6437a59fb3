package dev.aispend.platform.secrets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds a secret, so {@link Redacted#toString(Record)} leaves its value out. A
 * configuration record's toString reaches the log (Micronaut logs every bean it creates, at DEBUG), so a record that
 * holds a secret overrides toString with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Secret {
}
