package org.giaoban.platform.axon;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Gives {@code @Aggregate(filterEventsByType = true)} its effect. The aggregates of a service share one event store,
 * and a request may name the id of another kind of record (a document's id in a request to complete a work item); an
 * aggregate that reads only its own type's events finds no such record and the request is answered 404, instead of
 * another type's history being played into it and failing. Axon 4.13's Spring lookup registers each aggregate's
 * configurer without that attribute of the annotation, so it is passed on here, after the lookup has run.
 */
class AggregateEventFiltering implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (!SpringAggregateConfigurer.class.getName().equals(definition.getBeanClassName())) {
                continue;
            }
            ValueHolder aggregateType =
                    definition.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class);
            if (aggregateType != null && aggregateType.getValue() instanceof Class<?> type) {
                Aggregate aggregate = AnnotatedElementUtils.findMergedAnnotation(type, Aggregate.class);
                if (aggregate != null && aggregate.filterEventsByType()) {
                    definition.getPropertyValues().add("filterEventsByType", true);
                }
            }
        }
    }
}
