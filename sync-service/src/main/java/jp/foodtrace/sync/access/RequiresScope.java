package jp.foodtrace.sync.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a client needs to call a resource method (or every method of a resource class).
 * Every {@code /v1} endpoint carries this or {@link AdminOnly}; one without either is refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresScope {
    Scope value();
}
