/** The service's data directory: where the embedded stores and the keys live, and who may read it. */
package org.giaoban.platform.datadir;
