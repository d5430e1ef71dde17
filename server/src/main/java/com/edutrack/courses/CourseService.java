package com.edutrack.courses;

import com.edutrack.api.model.Course;
import com.edutrack.api.model.CourseCreate;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.CurrentUser;
import com.edutrack.auth.Role;
import com.edutrack.web.ApiException;
import com.edutrack.web.ErrorBodies;
import com.edutrack.web.Listing;
import com.edutrack.web.Pagination;
import com.edutrack.web.VersionedCache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CourseService {

    /** Pages of the course list kept at once, each about 30 KB at 50 courses (its JSON as text and as bytes). */
    static final int KEPT_PAGES = 256;

    /**
     * Whom a kept page of the course list is for: students see the published catalogue, the site
     * owner all of it. Teachers and assistants also see their teacher's drafts; their pages are not kept.
     */
    private record Audience(Role role, CourseFilter filter) {
    }

    private final CourseMapper courses;
    private final VersionedCache<Object, Pagination.KeptPage> keptPages;

    public CourseService(CourseMapper courses, PlatformTransactionManager transactions) {
        this.courses = courses;
        this.keptPages = new VersionedCache<>(transactions, KEPT_PAGES);
    }

    /** The courses the caller can see, newest first. */
    public Listing<CourseMapper, Course> list(CourseFilter filter) {
        CurrentUser viewer = Authentication.required();
        Listing<CourseMapper, Course> listing = new Listing<>(CourseMapper.class,
                mapper -> mapper.count(viewer, filter),
                (mapper, limit, offset) -> mapper.page(viewer, filter, limit, offset),
                mapper -> mapper.all(viewer, filter));
        if (viewer.role() == Role.STUDENT || viewer.role() == Role.SITEOWNER) {
            return listing.keptIn(keptPages, new Audience(viewer.role(), filter), CourseMapper::catalogueVersion);
        }
        return listing;
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
