/** The ebdz source plugin. Its implementation is tracked by its own issue; this module already builds against the SPI. */
package io.kanzen.source.ebdz;
