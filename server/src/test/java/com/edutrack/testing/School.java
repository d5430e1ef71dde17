package com.edutrack.testing;

import com.edutrack.testing.Fixtures.Account;

/**
 * A small school for the course tests: two teachers with one assistant each, a published and an
 * unpublished course per teacher, and a student with no enrollment yet.
 */
public record School(long physics, long maths,
                     Account teacher, Account assistant, Account otherTeacher, Account otherAssistant, Account student,
                     long published, long unpublished, long othersPublished, long othersUnpublished) {

    public static School of(Fixtures given) {
        long physics = given.subject("Physics");
        long maths = given.subject("Maths");
        Account teacher = given.teacher("Ahmed", physics);
        Account otherTeacher = given.teacher("Mona", maths);
        return new School(physics, maths,
                teacher, given.assistant("Omar", teacher), otherTeacher, given.assistant("Laila", otherTeacher),
                given.student("Sara", "500.00"),
                given.course("Mechanics", teacher, physics, "150.00", true),
                given.course("Optics draft", teacher, physics, "90.00", false),
                given.course("Algebra", otherTeacher, maths, "120.00", true),
                given.course("Geometry draft", otherTeacher, maths, "80.00", false));
    }
}
