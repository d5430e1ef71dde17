package com.edutrack.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded NUL in the path, headers over
 * the size limit) and answered those with its own HTML page; this makes its error report the DRF
 * body of {@link ErrorBodies#forContainerStatus} too.
 */
@Component
public class ContainerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** Created by Tomcat from its class name. */
    public static class JsonErrorReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ErrorBodies.ContainerError error = ErrorBodies.forContainerStatus(code);
            try {
                response.setStatus(error.status().value());
                SecurityHeaders.write(response);
                response.setHeader(RequestId.HEADER, RequestId.of(request.getRequest()));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                OutputStream out = response.getOutputStream();
                out.write(JSON.writeValueAsBytes(error.body()));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is already on its way: nothing more to tell it.
            }
        }
    }
}
