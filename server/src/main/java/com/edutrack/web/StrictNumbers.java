package com.edutrack.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * An empty or blank string is not a number: {"position": ""} answers "A valid integer is required."
 * as in DRF, instead of Jackson's default of reading it as null (which would store "no value").
 */
@Configuration(proxyBeanMethods = false)
public class StrictNumbers {

    @Bean
    JsonMapperBuilderCustomizer emptyStringsAreNotNumbers() {
        return builder -> {
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                builder.withCoercionConfig(type, config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false));
            }
        };
    }
}
