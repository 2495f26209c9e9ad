/**
 * Direction documents (văn bản lãnh đạo, chỉ đạo) that units issue and revoke: commands, events, queries and views.
 * Event classes are stored by name: this package never moves.
 */
package org.giaoban.tasks.api.document;
