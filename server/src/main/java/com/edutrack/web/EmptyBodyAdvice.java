package com.edutrack.web;

import java.lang.reflect.Type;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * An empty request body reads as an empty JSON object, as in DRF: the caller then hears which fields
 * are required ({"name": ["This field is required."]}) instead of a parse error.
 */
@ControllerAdvice
public class EmptyBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType().getPackageName().startsWith("com.edutrack.api.model");
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        return body != null ? body : BeanUtils.instantiateClass(parameter.getParameterType());
    }
}
