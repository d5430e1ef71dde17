package com.edutrack.accounts;

import com.edutrack.api.model.Subject;
import com.edutrack.api.model.SubjectCreate;
import com.edutrack.web.ApiException;
import com.edutrack.web.Listing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
public class SubjectService {

    private final SubjectMapper subjects;

    public SubjectService(SubjectMapper subjects) {
        this.subjects = subjects;
    }

    /** Every subject, by name. */
    public Listing<SubjectMapper, Subject> list() {
        return new Listing<>(SubjectMapper.class, SubjectMapper::count, SubjectMapper::page, SubjectMapper::all);
    }

    public Subject create(SubjectCreate input) {
        Subject subject = new Subject()
                .name(input.getName())
                .description(input.getDescription() == null ? "" : input.getDescription());
        try {
            subjects.insert(subject);
        } catch (DuplicateKeyException e) {
            throw ApiException.field("name", "subject with this name already exists.");
        }
        return subject;
    }
}
