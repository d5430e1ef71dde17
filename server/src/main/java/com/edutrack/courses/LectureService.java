package com.edutrack.courses;

import com.edutrack.api.model.Lecture;
import com.edutrack.api.model.LectureCreate;
import com.edutrack.web.ApiException;
import com.edutrack.web.Listing;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.springframework.stereotype.Service;

@Service
public class LectureService {

    private static final Set<String> VIDEO_SCHEMES = Set.of("http", "https");

    private final CourseService courses;
    private final LectureMapper lectures;

    public LectureService(CourseService courses, LectureMapper lectures) {
        this.courses = courses;
        this.lectures = lectures;
    }

    /**
     * The lectures of a course, for a student approved in it. The access check also counts the
     * lectures, so a page costs two statements.
     */
    public Listing<LectureMapper, Lecture> list(long courseId) {
        return new Listing<>(LectureMapper.class,
                mapper -> {
                    CourseAccess access = courses.access(courseId);
                    if (!access.approved()) {
                        throw ApiException.permissionDenied();
                    }
                    return access.lectures();
                },
                (mapper, limit, offset) -> mapper.page(courseId, limit, offset),
                mapper -> mapper.all(courseId));
    }

    public Lecture create(long courseId, LectureCreate input) {
        if (!courses.access(courseId).manages()) {
            throw ApiException.permissionDenied();
        }
        if (!isVideoUrl(input.getVideoUrl())) {
            throw ApiException.field("video_url", "Enter a valid URL.");
        }
        return lectures.insert(courseId, input, input.getDescription() == null ? "" : input.getDescription());
    }

    /** An absolute http(s) URL with a host, as Django's URLValidator requires. */
    private static boolean isVideoUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && VIDEO_SCHEMES.contains(uri.getScheme().toLowerCase()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
