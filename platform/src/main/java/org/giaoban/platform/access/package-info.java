/**
 * Who the caller is and what they may change: the caller as command and event metadata records it, and the check that
 * an officer writes only for its own unit and the units under it.
 */
package org.giaoban.platform.access;
