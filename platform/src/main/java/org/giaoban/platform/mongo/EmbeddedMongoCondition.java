package org.giaoban.platform.mongo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no MongoDB is configured ({@code giaoban.mongo.uri} unset or blank): the service then hosts its own. */
class EmbeddedMongoCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(MongoStoreConfiguration.URI_PROPERTY));
    }

    /** The opposite: a MongoDB URI is configured. */
    static class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(MongoStoreConfiguration.URI_PROPERTY));
        }
    }
}
