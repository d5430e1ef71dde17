package com.edutrack.courses;

import com.edutrack.api.CoursesApi;
import com.edutrack.api.model.Course;
import com.edutrack.api.model.CourseCreate;
import com.edutrack.api.model.Lecture;
import com.edutrack.api.model.LectureCreate;
import com.edutrack.api.model.PaginatedCourseList;
import com.edutrack.api.model.PaginatedLectureList;
import com.edutrack.auth.Allowed;
import com.edutrack.auth.Role;
import com.edutrack.web.PageRequest;
import com.edutrack.web.Pagination;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CoursesController implements CoursesApi {

    private final CourseService courses;
    private final LectureService lectures;
    private final Pagination pagination;

    public CoursesController(CourseService courses, LectureService lectures, Pagination pagination) {
        this.courses = courses;
        this.lectures = lectures;
        this.pagination = pagination;
    }

    @Override
    @Allowed({Role.SITEOWNER, Role.TEACHER, Role.ASSISTANT, Role.STUDENT})
    public ResponseEntity<PaginatedCourseList> listCourses(Integer page, Integer pageSize, Boolean all,
                                                           Long subject, Long teacher, String search) {
        return pagination.respond(PageRequest.of(page, pageSize, all), courses.list(CourseFilter.of(subject, teacher, search)));
    }

    @Override
    @Allowed({Role.SITEOWNER, Role.TEACHER, Role.ASSISTANT, Role.STUDENT})
    public ResponseEntity<PaginatedCourseList> listCoursesBySubject(Long id, Integer page, Integer pageSize, Boolean all) {
        return pagination.respond(PageRequest.of(page, pageSize, all), courses.listInSubject(id));
    }

    @Override
    @Allowed({Role.SITEOWNER, Role.TEACHER, Role.ASSISTANT, Role.STUDENT})
    public ResponseEntity<Course> getCourse(Long id) {
        return ResponseEntity.ok(courses.get(id));
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<Course> createCourse(CourseCreate courseCreate) {
        return ResponseEntity.status(HttpStatus.CREATED).body(courses.create(courseCreate));
    }

    @Override
    @Allowed(Role.STUDENT)
    public ResponseEntity<PaginatedLectureList> listLectures(Long id, Integer page, Integer pageSize, Boolean all) {
        return pagination.respond(PageRequest.of(page, pageSize, all), lectures.list(id));
    }

    @Override
    @Allowed({Role.TEACHER, Role.ASSISTANT})
    public ResponseEntity<Lecture> createLecture(Long id, LectureCreate lectureCreate) {
        return ResponseEntity.status(HttpStatus.CREATED).body(lectures.create(id, lectureCreate));
    }
}
