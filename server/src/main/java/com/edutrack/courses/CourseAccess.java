package com.edutrack.courses;

/**
 * A course its viewer can see, and what else they may do with it: {@code manages} under the
 * ownership rule (**), {@code approved} when the viewer holds an approved enrollment in it.
 */
public record CourseAccess(boolean manages, boolean approved, long lectures) {
}
