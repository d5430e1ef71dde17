package com.edutrack.courses;

import com.edutrack.api.model.Course;
import com.edutrack.api.model.CourseCreate;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.CurrentUser;
import com.edutrack.web.ApiException;
import com.edutrack.web.ErrorBodies;
import com.edutrack.web.Listing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CourseService {

    private final CourseMapper courses;

    public CourseService(CourseMapper courses) {
        this.courses = courses;
    }

    /** The courses the caller can see, newest first. */
    public Listing<CourseMapper, Course> list(CourseFilter filter) {
        CurrentUser viewer = Authentication.required();
        return new Listing<>(CourseMapper.class,
                mapper -> mapper.count(viewer, filter),
                (mapper, limit, offset) -> mapper.page(viewer, filter, limit, offset),
                mapper -> mapper.all(viewer, filter));
    }

    /** The courses of one subject the caller can see; the count also tells whether the subject exists. */
    public Listing<CourseMapper, Course> listInSubject(long subjectId) {
        CurrentUser viewer = Authentication.required();
        CourseFilter filter = CourseFilter.inSubject(subjectId);
        return new Listing<>(CourseMapper.class,
                mapper -> {
                    Long count = mapper.countInSubject(viewer, filter);
                    if (count == null) {
                        throw ApiException.notFound();
                    }
                    return count;
                },
                (mapper, limit, offset) -> mapper.page(viewer, filter, limit, offset),
                mapper -> mapper.all(viewer, filter));
    }

    public Course get(long id) {
        Course course = courses.find(Authentication.required(), id);
        if (course == null) {
            throw ApiException.notFound();
        }
        return course;
    }

    /** The course as the caller may use it; 404 when it does not exist or they cannot see it. */
    public CourseAccess access(long id) {
        CourseAccess access = courses.access(Authentication.required(), id);
        if (access == null) {
            throw ApiException.notFound();
        }
        return access;
    }

    /** The price and the texts were checked and stripped as the contract says; the references are checked here. */
    @Transactional
    public Course create(CourseCreate input) {
        Map<String, Object> errors = new LinkedHashMap<>();
        CourseMapper.MissingReferences missing = courses.missingReferences(input.getSubjectId(), input.getTeacherId());
        if (missing.subject()) {
            errors.put("subject_id", List.of(ErrorBodies.invalidPk(input.getSubjectId())));
        }
        if (missing.teacher()) {
            errors.put("teacher_id", List.of(ErrorBodies.invalidPk(input.getTeacherId())));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
        return courses.find(Authentication.required(), courses.insert(input));
    }
}
