package com.edutrack.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a controller method: the role columns of the product spec, written beside the method
 * they guard. A method with no {@code @Allowed} is refused to everyone. {@code publicAccess} also admits
 * callers without credentials.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Allowed {

    Role[] value() default {};

    boolean publicAccess() default false;

    /** Only callers without credentials (student registration); an authenticated caller gets 403. */
    boolean anonymousOnly() default false;
}
