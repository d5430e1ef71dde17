package com.edutrack.courses;

/** The filters of a course list; {@code search} is an ILIKE pattern, null for no search. */
public record CourseFilter(Long subject, Long teacher, String search) {

    public static CourseFilter of(Long subject, Long teacher, String search) {
        return new CourseFilter(subject, teacher,
                search == null || search.isBlank() ? null : "%" + escapeLike(search.strip()) + "%");
    }

    public static CourseFilter inSubject(long subject) {
        return new CourseFilter(subject, null, null);
    }

    /** No filter: the whole visible catalogue, whose size the database keeps counted (CourseMapper.count). */
    public boolean unfiltered() {
        return subject == null && teacher == null && search == null;
    }

    /** The searched text matches itself only: its %, _ and \ are not wildcards (ESCAPE '\'). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
