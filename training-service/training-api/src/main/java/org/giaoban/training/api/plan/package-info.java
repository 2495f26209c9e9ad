/**
 * Training plans (kế hoạch đào tạo): the classes a unit plans for a year, in lines that each cover one or more blocs.
 * Event classes are stored by name: this package never moves.
 */
package org.giaoban.training.api.plan;
