package jp.foodtrace.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource (or one method) of an internal ops API: {@link OpsTokenFilter} lets a call
 * through only with {@code Authorization: Bearer <suite.ops.token>}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface OpsOnly {
}
