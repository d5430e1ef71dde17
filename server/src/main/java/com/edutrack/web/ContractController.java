package com.edutrack.web;

import com.edutrack.auth.Allowed;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contract itself at {@code /api/schema/}, and Swagger UI showing it at {@code /api/docs/}. */
@RestController
public class ContractController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final Resource SPEC = new ClassPathResource("static/openapi/edutrack.yaml");

    @GetMapping("/api/schema/")
    @Allowed(publicAccess = true)
    public ResponseEntity<Resource> schema() {
        return ResponseEntity.ok().contentType(YAML).body(SPEC);
    }

    @GetMapping("/api/docs/")
    @Allowed(publicAccess = true)
    public ResponseEntity<Void> docs() {
        return ResponseEntity.status(302).header("Location", "/swagger-ui/index.html").build();
    }
}
