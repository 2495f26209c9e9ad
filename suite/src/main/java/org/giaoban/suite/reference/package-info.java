/**
 * The reference dataset: the Hanoi commission's 2022 work items, documents, classes, plans and contest, made up
 * deterministically so that their briefing report shows the published figures, and loaded through the services' APIs.
 */
package org.giaoban.suite.reference;
